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

/** The application tab where a missing item is resolved (issue 20 item 11), or null when none is. */
export function useMissingTab() {
  const opts = useApplicationOptions()
  return (item: string): 'rekomendasi' | 'pertimbangan' | 'uji' | 'repositori' | null => {
    if (item === 'recommendation') return 'rekomendasi'
    if (item.endsWith('_consideration')) return 'pertimbangan'
    if (item === 'test_passed') return 'uji'
    const o = opts.options.value
    if (o?.handover?.documents.some((d) => d.id === item) || o?.artifact_kinds.some((d) => d.id === item)) return 'repositori'
    return null
  }
}
