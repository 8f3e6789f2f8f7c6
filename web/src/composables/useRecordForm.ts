// The "record one more entry" form under a table (an application's tests, its ministry
// considerations): after a successful save it confirms with a toast, empties itself for the next
// entry and lets the page reload, since the new row comes back with the reloaded record.
import { reactive, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage, type FormInstance, type FormItemRule } from 'element-plus'
import { useFormSubmit } from './useFormSubmit'

/** `formRef` is the component's own ref to its ElForm (ref="formRef" in the template). */
export function useRecordForm<F extends object>(
  formRef: Ref<FormInstance | undefined>,
  blank: () => F,
  send: (form: F) => Promise<unknown>,
  done: { message: () => string; onRecorded: () => void },
) {
  const { t } = useI18n()
  const form = reactive(blank()) as F
  const { saving, error, submit } = useFormSubmit(formRef)

  async function record(): Promise<void> {
    if (!(await submit(() => send(form)))) return
    ElMessage({ type: 'success', message: done.message() })
    Object.assign(form, blank())
    formRef.value?.clearValidate()
    done.onRecorded()
  }

  /** A 'field is required' rule; blanks alone do not count as filled in. */
  const required = (field: string, trigger: 'blur' | 'change' = 'blur'): FormItemRule[] => [
    { required: true, whitespace: true, message: () => t('common.required', { field }), trigger },
  ]

  return { form, saving, error, record, required }
}
