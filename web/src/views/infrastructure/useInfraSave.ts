// The save of an infrastructure form: the shared submit (the button busy meanwhile, the server's
// refusal kept next to the form with its article) and, once the API accepted the change, the
// "Tersimpan." message and the form's own follow-up (clear fields, tell the page to reload).
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage, type FormInstance } from 'element-plus'
import { useFormSubmit } from '@/composables/useFormSubmit'

export function useInfraSave(formRef = ref<FormInstance>()) {
  const { t } = useI18n()
  const { saving, error, submit } = useFormSubmit(formRef)

  /** Runs `send`; when it succeeded shows the saved message, runs `done` and answers true. */
  async function save(send: () => Promise<unknown>, done: () => void): Promise<boolean> {
    if (!(await submit(send))) return false
    ElMessage({ type: 'success', message: t('infra.saved') })
    done()
    return true
  }

  return { saving, error, save }
}
