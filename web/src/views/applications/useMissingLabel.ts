// What a gate says is missing, in words: an item of the 'has' set, a handover document, or (for
// anything the console does not know yet) the server's own id.
import { useI18n } from 'vue-i18n'
import { useApplicationOptions } from '@/composables/useApplications'

export function useMissingLabel() {
  const { te, t } = useI18n()
  const opts = useApplicationOptions()
  return (item: string): string => {
    if (te(`apps.missingItem.${item}`)) return t(`apps.missingItem.${item}`)
    const doc = opts.options.value?.handover?.documents.find((d) => d.id === item) ?? opts.options.value?.artifact_kinds.find((d) => d.id === item)
    return doc?.name ?? item
  }
}
