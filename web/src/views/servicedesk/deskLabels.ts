// Labels of the desk's codes in the reader's language: states, tiers and article visibility from
// the console's own texts; ticket types and priorities from the region's profile (name / name_en,
// as GET /api/servicedesk/options lists them). The server's *_label fields are Indonesian only and
// serve as the fallback for a code the options do not list.
import type { Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { DeskOptions } from '@/api/servicedesk'

interface Named {
  id?: string
  name?: string
  name_en?: string
}

export function useDeskLabels(options: Ref<DeskOptions | null>) {
  const { t, te, locale } = useI18n()
  const localName = (name: string | undefined, nameEn: string | undefined) =>
    (locale.value === 'en' && nameEn ? nameEn : name) ?? ''
  const named = (list: Named[] | undefined, id: string, fallback: string) => {
    const found = list?.find((x) => x.id === id)
    return found ? localName(found.name, found.name_en) || fallback : fallback
  }
  return {
    localName,
    state: (code: string) => (te(`servicedesk.states.${code}`) ? t(`servicedesk.states.${code}`) : code),
    tier: (tier: number) =>
      options.value && options.value.tiers !== 2 ? t('servicedesk.tiers.desk') : t(tier === 2 ? 'servicedesk.tiers.level2' : 'servicedesk.tiers.level1'),
    type: (code: string, fallback = code) => named(options.value?.types, code, fallback),
    priority: (code: string, fallback = code) => named(options.value?.priorities, code, fallback),
    visibility: (code: string) => t(code === 'public' ? 'servicedesk.kb.public' : 'servicedesk.kb.technicians'),
  }
}
