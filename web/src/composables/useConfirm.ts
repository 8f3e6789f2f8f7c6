// Asks before something is deleted; resolves to false when the user cancels.
import { ElMessageBox } from 'element-plus'
import { useI18n } from 'vue-i18n'

export function useConfirm() {
  const { t } = useI18n()
  return async function confirmDelete(message: string, title: string): Promise<boolean> {
    try {
      await ElMessageBox.confirm(message, title, {
        type: 'warning',
        confirmButtonText: t('common.delete'),
        cancelButtonText: t('common.cancel'),
        confirmButtonClass: 'el-button--danger',
      })
      return true
    } catch {
      return false
    }
  }
}
