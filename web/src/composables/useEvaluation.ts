// What the evaluation screens share: the profile's evaluation settings (GET /api/evaluation/options,
// once per session), names of states and team roles in the UI language, the index written the
// way people read it (two decimals, "2,44" in Indonesian) and who may do what.
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { evaluationApi, type AnswerState, type EvaluationOptions, type FrameworkSummary } from '@/api/evaluation'
import { onceLoaded } from '@/composables/onceLoaded'
import { useLabels } from '@/composables/useLabels'
import { useSessionStore } from '@/stores/session'

const { value: options, error: optionsError, load } = onceLoaded<EvaluationOptions>(() => evaluationApi.options())

export function useEvaluationOptions() {
  return { options, error: optionsError, load }
}

/** Element Plus tag types of answer states. */
export const ANSWER_STATE_TYPES: Record<AnswerState, 'info' | 'warning' | 'success' | 'danger'> = {
  draf: 'info',
  diajukan: 'warning',
  disetujui: 'success',
  dikembalikan: 'danger',
}

export function useEvaluationLabels() {
  const { t, locale } = useI18n()
  const { fromMap } = useLabels()
  const intl = () => (locale.value === 'en' ? 'en-GB' : 'id-ID')
  return {
    answerState: (s: string | null | undefined) => (s ? fromMap('evaluation.answerState', s) : t('evaluation.notAnswered')),
    periodState: (s: string) => fromMap('evaluation.periodState', s),
    role: (r: string) => fromMap('evaluation.roleName', r),
    verdict: (v: string) => fromMap('evaluation.verdictValue', v || 'none'),
    /** The index or a value with two decimals: 2,44 (id) / 2.44 (en). */
    index: (n: number | null | undefined) =>
      n === null || n === undefined || Number.isNaN(n)
        ? '—'
        : new Intl.NumberFormat(intl(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n),
    /** A signed difference: +0,05 / −0,10. */
    delta: (n: number) => {
      const f = new Intl.NumberFormat(intl(), { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'always' })
      return f.format(Math.abs(n) < 0.005 ? 0 : n)
    },
    /** A weight as the framework states it: up to two decimals. */
    weight: (n: number) => new Intl.NumberFormat(intl(), { maximumFractionDigits: 2 }).format(n),
    scope: (p: { agency_id: string | null; agency_name: string }) => (p.agency_id ? p.agency_name || p.agency_id : t('evaluation.scopePemda')),
    framework: (f: Pick<FrameworkSummary, 'title' | 'version'>) => `${f.title} · v${f.version}`,
  }
}

export function useEvaluationPermissions() {
  const session = useSessionStore()
  return {
    canRead: computed(() => session.can('evaluation.read')),
    canManage: computed(() => session.can('evaluation.manage')),
    canCorrectFramework: computed(() => session.can('evaluation.framework')),
  }
}

/** The newest framework in force in `year` (valid_from <= year), its latest version, as the server picks it. */
export function frameworkForYear(list: readonly FrameworkSummary[], year: number): FrameworkSummary | null {
  let best: FrameworkSummary | null = null
  for (const f of list) {
    if (f.valid_from > year) continue
    if (!best || f.valid_from > best.valid_from || (f.id === best.id && f.version > best.version)) best = f
  }
  return best
}

/** Only the latest version of each framework id. */
export function latestVersions(list: readonly FrameworkSummary[]): FrameworkSummary[] {
  const byId = new Map<string, FrameworkSummary>()
  for (const f of list) {
    const seen = byId.get(f.id)
    if (!seen || f.version > seen.version) byId.set(f.id, f)
  }
  return [...byId.values()].sort((a, b) => b.valid_from - a.valid_from)
}
