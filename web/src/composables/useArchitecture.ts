// What the architecture and roadmap screens share: names of domains, states, relation types and
// attribute values in the UI language; the colour of each domain; the national reference codes
// (loaded once per session); and who may change what.
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { architectureApi, type Domain, type Reference, type RelationType } from '@/api/architecture'
import type { EnumerationItem } from '@/api/profile'
import { onceLoaded } from '@/composables/onceLoaded'
import { useLabels } from '@/composables/useLabels'
import { useProfileStore } from '@/stores/profile'
import { useSessionStore } from '@/stores/session'

/** One colour per domain, the same in every chart, tag and trace column (readable on white). */
export const DOMAIN_COLORS: Record<Domain, string> = {
  layanan: '#0b5394',
  proses_bisnis: '#7c3aed',
  data_informasi: '#b45309',
  aplikasi: '#047857',
  infrastruktur: '#475569',
  keamanan: '#b91c1c',
}

export const STATUS_COLORS: Record<string, string> = {
  rencana: '#64748b',
  berjalan: '#0b5394',
  selesai: '#047857',
  tertunda: '#b45309',
  batal: '#b91c1c',
}

export function useArchLabels() {
  const { t } = useI18n()
  const { fromMap } = useLabels()
  return {
    domain: (d: string) => fromMap('arch.domainValue', d),
    state: (s: string) => fromMap('arch.stateValue', s),
    relation: (type: RelationType | string, direction: 'out' | 'in' = 'out') => fromMap(`arch.relation.${direction}`, type),
    attribute: (name: string) => fromMap('arch.attr', name),
    attributeValue: (name: string, value: string) => fromMap(`arch.attrValue.${name}`, value),
    effect: (e: string) => fromMap('roadmap.effect', e),
    initiativeStatus: (s: string) => fromMap('roadmap.statusValue', s),
    documentKind: (k: string) => fromMap('archDoc.kind', k),
    documentStatus: (s: string) => fromMap('archDoc.statusValue', s),
    outcome: (o: string) => fromMap('archDoc.outcomeValue', o),
    check: (id: string) => fromMap('archStatus.check', id),
    /** 'mid_term', 'final_year' or 'year_<n>' of a review schedule. */
    scheduleLabel: (label: string) => {
      const m = /^year_(\d+)$/.exec(label)
      return m ? t('archDoc.scheduleYear', { n: m[1] }) : fromMap('archDoc.scheduleValue', label)
    },
  }
}

// The national reference architecture (RAB/RAL/RAD/RAA/RAI/RAK codes) as the server gives it to the
// signed-in tenant: one request per session (onceLoaded), asked again after a change of session.
const { value: reference, loading: referenceLoading, error: referenceError, load: loadReference } = onceLoaded<Reference>(() =>
  architectureApi.reference(),
)

export function useReference() {
  function items(domain: Domain | null | undefined) {
    return reference.value?.domains.find((d) => d.domain === domain)?.items ?? []
  }

  function name(code: string | null | undefined): string | null {
    if (!code) return null
    for (const d of reference.value?.domains ?? []) {
      const item = d.items.find((i) => i.code === code)
      if (item) return item.name
    }
    return null
  }

  return { reference, loading: referenceLoading, error: referenceError, load: loadReference, items, name }
}

/** The tenant's profile enumerations the architecture forms choose from. */
export function useArchEnumerations() {
  const profile = useProfileStore()
  const session = useSessionStore()
  const enumeration = (id: string) => computed<EnumerationItem[]>(() => profile.profile?.enumerations?.[id]?.items ?? [])
  return {
    load: () => (session.tenant ? profile.load(session.tenant.profile_id) : Promise.resolve()),
    loading: computed(() => profile.loading),
    serviceSectors: enumeration('service_sectors'),
    administrationAreas: enumeration('administration_service_areas'),
    applicationCategories: enumeration('application_categories'),
    roadmapCategories: enumeration('roadmap_categories'),
    name(enumerationId: string, id: string | null | undefined): string {
      if (!id) return '—'
      return profile.profile?.enumerations?.[enumerationId]?.items.find((i) => i.id === id)?.name ?? id
    },
  }
}

/** What the signed-in user may do here (the server checks every call again). */
export function useArchPermissions() {
  const session = useSessionStore()
  return {
    /** May create elements at all: architecture.write, or .own for the user's own agency. */
    canCreate: computed(() => session.canOwn('architecture.write', session.user?.agency_id)),
    /** May change an element owned by this agency. */
    canWrite: (ownerAgencyId: string | null | undefined) => session.canOwn('architecture.write', ownerAgencyId),
    /** Relations, deletes and import need the full permission. */
    canWriteAll: computed(() => session.can('architecture.write')),
    canManage: computed(() => session.can('architecture.manage')),
    canApprove: computed(() => session.can('architecture.approve')),
    canMonitor: (ownerAgencyId: string | null | undefined) => session.canOwn('architecture.manage', ownerAgencyId),
  }
}
