// What the Penghubung Layanan screens share: the profile's gateway section (GET /api/gateway/options,
// once per session: who operates, recommends and decides, with citations; the classifications and
// refusal grounds), names of states in the UI language, tag colours, and who may do what.
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { gatewayApi, type Classification, type GatewayOptions, type HealthState, type RequestState } from '@/api/gateway'
import { onceLoaded } from '@/composables/onceLoaded'
import { useLabels } from '@/composables/useLabels'
import { useSessionStore } from '@/stores/session'

const { value: options, error: optionsError, load } = onceLoaded<GatewayOptions>(() => gatewayApi.options())

export function useGatewayOptions() {
  return { options, error: optionsError, load }
}

export const CLASSIFICATION_TYPES: Record<Classification, 'success' | 'warning' | 'danger'> = {
  publik: 'success',
  terbatas: 'warning',
  rahasia: 'danger',
}

export const REQUEST_STATE_TYPES: Record<RequestState, 'info' | 'warning' | 'primary' | 'success' | 'danger'> = {
  diajukan: 'warning',
  direkomendasikan: 'primary',
  disetujui: 'success',
  ditolak: 'danger',
  dibatalkan: 'info',
}

export const HEALTH_COLORS: Record<HealthState, string> = {
  sehat: '#047857',
  terganggu: '#b91c1c',
  tidak_diperiksa: '#8a94a6',
}

/** The tag type of an HTTP status as the exchanges tables show it. */
export function statusTagType(status: number): 'success' | 'warning' | 'danger' | 'info' {
  if (status >= 500) return 'danger'
  if (status >= 400) return 'warning'
  if (status >= 200 && status < 300) return 'success'
  return 'info'
}

export function useGatewayLabels() {
  const { t } = useI18n()
  const { fromMap } = useLabels()
  return {
    /** The UI language's name of a known classification; the profile's name for any other. */
    classification: (c: string) => {
      const known = fromMap('gw.classificationValue', c)
      return known !== c ? known : options.value?.classifications.find((x) => x.id === c)?.name || c
    },
    health: (h: string) => fromMap('gw.healthValue', h),
    requestState: (s: string) => fromMap('gw.requestStateValue', s),
    stepAction: (a: string) => fromMap('gw.stepActionValue', a),
    decision: (d: string) => fromMap('gw.decisionValue', d),
    myAccess: (a: string) => fromMap('gw.myAccessValue', a),
    methods: (m: string[]) => (m.length ? m.join(', ') : t('gw.allMethods')),
  }
}

/** What the signed-in user may do here (the server checks every call again). */
export function useGatewayPermissions() {
  const session = useSessionStore()
  return {
    canRead: computed(() => session.can('gateway.read')),
    /** May create services or consumers at all: gateway.write, or .own for their own agency. */
    canCreate: computed(() => session.canOwn('gateway.write', session.user?.agency_id)),
    canWrite: (agencyId: string | null | undefined) => session.canOwn('gateway.write', agencyId),
    canWriteAll: computed(() => session.can('gateway.write')),
    canRequest: computed(() => session.can('gateway.request') || session.can('gateway.request.own')),
    /** May request for any agency's consumer (else only the user's own agency's). */
    canRequestAll: computed(() => session.can('gateway.request')),
    canTraffic: computed(() => session.can('gateway.traffic')),
    /** Revoking a grant: the service's owner agency (gateway.write.own) or the administrator; the server checks the owner. */
    canRevokeGrant: computed(() => session.can('gateway.write') || session.can('gateway.write.own')),
  }
}
