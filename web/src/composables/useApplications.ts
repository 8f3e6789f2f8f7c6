// What the application and compliance screens share: the profile's choices for applications
// (GET /api/applications/options, loaded once per session), names of codes in the UI language,
// the colours of stages and severities, and who may change what.
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { applicationsApi, type ApplicationOptions, type Named } from '@/api/applications'
import { onceLoaded } from '@/composables/onceLoaded'
import { useLabels } from '@/composables/useLabels'
import { useSessionStore } from '@/stores/session'

const { value: options, loading: optionsLoading, error: optionsError, load } = onceLoaded<ApplicationOptions>(() =>
  applicationsApi.options(),
)

/** The profile's application choices; one request per session. */
export function useApplicationOptions() {

  const find = (list: Named[] | undefined, id: string | null | undefined) => (id ? list?.find((x) => x.id === id)?.name ?? id : '—')

  return {
    options,
    loading: optionsLoading,
    error: optionsError,
    load,
    categoryName: (id: string | null | undefined) => find(options.value?.categories, id),
    stageName: (id: string | null | undefined) => find(options.value?.stages, id),
    builderName: (id: string | null | undefined) => find(options.value?.builders, id),
    hostingName: (id: string | null | undefined) => find(options.value?.hosting, id),
    sourceModelName: (id: string | null | undefined) => find(options.value?.source_models, id),
    considerationName: (id: string | null | undefined) => find(options.value?.consideration_kinds, id),
    artifactKindName: (id: string | null | undefined) => find(options.value?.artifact_kinds, id),
    isLive: (stage: string | null | undefined) => !!options.value?.stages.find((s) => s.id === stage)?.live,
  }
}

/** Element Plus tag types: live stages green, retired grey, the rest of the lifecycle blue. */
export function stageTagType(stage: string, live: boolean): 'success' | 'info' | 'primary' {
  if (live) return 'success'
  if (stage === 'pensiun') return 'info'
  return 'primary'
}

export const SEVERITY_TYPES = { tinggi: 'danger', sedang: 'warning', rendah: 'info' } as const
export const SEVERITY_COLORS = { tinggi: '#b91c1c', sedang: '#b45309', rendah: '#475569' } as const
export const FINDING_STATE_TYPES = { open: 'danger', resolved: 'success', waived: 'info' } as const
export const RECOMMENDATION_TYPES = { diajukan: 'warning', disetujui: 'success', ditolak: 'danger' } as const

export function useComplianceLabels() {
  const { locale, t, te } = useI18n()
  const { fromMap } = useLabels()
  return {
    severity: (s: string) => fromMap('compliance.severityValue', s),
    state: (s: string) => fromMap('compliance.stateValue', s),
    subject: (s: string) => fromMap('compliance.subjectValue', s),
    recommendationState: (s: string) => fromMap('apps.recommendationState', s),
    decision: (s: string) => fromMap('apps.decisionValue', s),
    testResult: (s: string) => fromMap('apps.testResult', s),
    /** A sanction step in the UI language; the profile's own (Indonesian) name for a step the console does not know. */
    sanctionStep: (id: string, name?: string | null) => (te(`finding.sanctionStep.${id}`) ? t(`finding.sanctionStep.${id}`) : name || id),
    /** The rule's title in the UI language; the citation when the profile gives none. */
    ruleTitle: (r: { id: string; citation: string; title?: string | null; title_en?: string | null } | null | undefined) => {
      if (!r) return '—'
      return (locale.value === 'en' ? r.title_en || r.title : r.title || r.title_en) || r.citation || r.id
    },
  }
}

/** What the signed-in user may do here (the server checks every call again). */
export function useApplicationPermissions() {
  const session = useSessionStore()
  return {
    canRead: computed(() => session.can('applications.read')),
    /** May create applications at all: applications.write, or .own for their own agency. */
    canCreate: computed(() => session.canOwn('applications.write', session.user?.agency_id)),
    /** May change an application owned by this agency. */
    canWrite: (ownerAgencyId: string | null | undefined) => session.canOwn('applications.write', ownerAgencyId),
    /** The inventory import needs the full permission. */
    canWriteAll: computed(() => session.can('applications.write')),
    canRecommend: computed(() => session.can('applications.recommend')),
    canReadCompliance: computed(() => session.can('compliance.read')),
    canEvaluate: computed(() => session.can('compliance.evaluate')),
    canWaive: computed(() => session.can('compliance.waive')),
    canSanction: computed(() => session.can('compliance.sanction')),
  }
}
