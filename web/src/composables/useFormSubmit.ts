// What every form's submit does the same way: validate, send, keep the server's refusal next to
// the form (not a toast) so the user can correct it, and show the button busy meanwhile.
import { ref, type Ref } from 'vue'
import type { FormInstance } from 'element-plus'

/** `formRef` is the component's own ref to its ElForm (ref="formRef" in the template). */
export function useFormSubmit(formRef: Ref<FormInstance | undefined>) {
  const saving = ref(false)
  const error = ref<unknown>(null)

  /** Validates the form and runs `save`; true when it succeeded, false when invalid or refused. */
  async function submit(save: () => Promise<unknown>): Promise<boolean> {
    if (formRef.value && !(await formRef.value.validate().catch(() => false))) return false
    saving.value = true
    error.value = null
    try {
      await save()
      return true
    } catch (err) {
      error.value = err
      return false
    } finally {
      saving.value = false
    }
  }

  return { saving, error, submit }
}
