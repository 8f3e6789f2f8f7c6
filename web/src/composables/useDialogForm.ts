// What every create/edit dialog does the same way: reset when it opens, validate, save, close on
// success, and keep the server's refusal in the dialog (not a toast) so the user can correct it.
import { watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { FormInstance, FormItemRule } from 'element-plus'
import { useFormSubmit } from './useFormSubmit'

/** `formRef` is the component's own ref to its ElForm (ref="formRef" in the template). */
export function useDialogForm(open: Ref<boolean>, formRef: Ref<FormInstance | undefined>, onOpen: () => void) {
  const { t } = useI18n()
  const { saving, error, submit: validateAndSave } = useFormSubmit(formRef)

  watch(open, (isOpen) => {
    if (!isOpen) return
    error.value = null
    onOpen()
    formRef.value?.clearValidate()
  }, { immediate: true })

  /** Validates the form, runs `save`, closes the dialog when it succeeds. */
  async function submit(save: () => Promise<void>): Promise<void> {
    if (await validateAndSave(save)) open.value = false
  }

  /** A 'field is required' rule with the field's name in the message. */
  const required = (field: string, trigger: 'blur' | 'change' = 'blur'): FormItemRule[] => [
    { required: true, message: () => t('common.required', { field }), trigger },
  ]

  return { saving, error, submit, required }
}
