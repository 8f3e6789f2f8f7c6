// What every create/edit dialog does the same way: reset when it opens, validate, save, close on
// success, and keep the server's refusal in the dialog (not a toast) so the user can correct it.
import { ref, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { FormInstance, FormItemRule } from 'element-plus'

/** `formRef` is the component's own ref to its ElForm (ref="formRef" in the template). */
export function useDialogForm(open: Ref<boolean>, formRef: Ref<FormInstance | undefined>, onOpen: () => void) {
  const { t } = useI18n()
  const saving = ref(false)
  const error = ref<unknown>(null)

  watch(open, (isOpen) => {
    if (!isOpen) return
    error.value = null
    onOpen()
    formRef.value?.clearValidate()
  }, { immediate: true })

  /** Validates the form, runs `save`, closes the dialog when it succeeds. */
  async function submit(save: () => Promise<void>): Promise<void> {
    if (formRef.value && !(await formRef.value.validate().catch(() => false))) return
    saving.value = true
    error.value = null
    try {
      await save()
      open.value = false
    } catch (err) {
      error.value = err
    } finally {
      saving.value = false
    }
  }

  /** A 'field is required' rule with the field's name in the message. */
  const required = (field: string, trigger: 'blur' | 'change' = 'blur'): FormItemRule[] => [
    { required: true, message: () => t('common.required', { field }), trigger },
  ]

  return { saving, error, submit, required }
}
