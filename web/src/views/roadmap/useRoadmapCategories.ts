// Roadmap categories: the profile's `roadmap_categories` enumeration. Profiles that do not list
// them (the regulation names the seven categories only in prose) get the seven from the contract.
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { EnumerationItem } from '@/api/profile'
import { useArchEnumerations } from '@/composables/useArchitecture'

export const DEFAULT_CATEGORIES = ['tata_kelola', 'manajemen', 'layanan', 'infrastruktur', 'aplikasi', 'keamanan', 'audit_tik'] as const

export function useRoadmapCategories() {
  const { t } = useI18n()
  const enums = useArchEnumerations()
  const categories = computed<EnumerationItem[]>(() =>
    enums.roadmapCategories.value.length
      ? enums.roadmapCategories.value
      : DEFAULT_CATEGORIES.map((id) => ({ id, name: t(`roadmap.defaultCategory.${id}`) })),
  )
  return {
    load: enums.load,
    categories,
    name: (id: string, fallback?: string | null) => fallback || categories.value.find((c) => c.id === id)?.name || id,
  }
}
