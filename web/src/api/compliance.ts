// Kepatuhan (docs/compliance.md): findings of the compliance engine — one per rule and object,
// with the citation, severity, responsible agency, due date and state — the summary counts, the
// evaluation on demand, waivers, and administrative sanctions where the regulation states them.
import { api, download, pageOf } from './client'
import type { ListPage, ListQuery } from './types'
import type { Answer, Refine } from './contract'

const enc = encodeURIComponent

export type Severity = 'tinggi' | 'sedang' | 'rendah'
export const SEVERITIES: readonly Severity[] = ['tinggi', 'sedang', 'rendah']
export type FindingState = 'open' | 'resolved' | 'waived'
export const FINDING_STATES: readonly FindingState[] = ['open', 'resolved', 'waived']
export type Subject = 'application' | 'architecture_document' | 'service'
export const SUBJECTS: readonly Subject[] = ['application', 'architecture_document', 'service']

export interface ComplianceRuleRef {
  id: string
  citation: string
  chapter: string | null
  title: string | null
  title_en: string | null
}

/** What resolves a finding and the console screen where it is done (src/regulation/remedy.cpp). */
export interface FindingRemedy {
  action: string
  action_en: string
  place: string
  place_en: string
  link: string
}

// A finding as the waive answer states it; src/regulation/openapi.cpp does not yet list the enums
// (subject, severity, state), the nullables, nor the details of every rule kind.
export type Finding = Refine<Answer<'/api/compliance/findings/{id}/waive', 'post'>, {
  rule: ComplianceRuleRef
  subject: Subject
  object_label: string | null
  agency_id: string | null
  agency_name: string | null
  severity: Severity
  state: FindingState
  due: string | null
  /** Whose period the deadline is: the article's ('pasal') or the Pemda's own grace period ('pemda'). */
  due_basis?: 'pasal' | 'pemda'
  grace_days?: number
  details: Record<string, unknown> | null
  waived_reason: string | null
  waived_by_name: string | null
  waived_at: string | null
  /** Null where the remedy table has no row for the finding's subject and kind. */
  resolve?: FindingRemedy | null
}>

/** Findings as an application's detail lists them (the same shape). */
export type FindingRef = Finding

/** A step of a sanction case: proposed by the evaluation with its basis, given by the official. */
export type Sanction = Refine<Answer<'/api/compliance/findings/{id}/sanctions', 'post'>, {
  status: 'proposed' | 'given'
  date: string | null
  note: string | null
  issued_by_name: string | null
}>

export interface SanctionStep {
  id: string
  name: string
  after_months: number | null
  letter: boolean
}

export interface FindingDetail extends Finding {
  article: { number: number | string; text: string } | null
  sanctions: Sanction[]
  /** Empty unless this finding's rule is sanctionable. */
  sanction_steps: SanctionStep[]
  sanctionable: boolean
  /** The article stating the sanctions; absent when the region's regulation states none. */
  sanction_rule?: ComplianceRuleRef | null
}

// Before the first evaluation evaluated_at is null; the fragment does not say so yet.
export type ComplianceSummary = Refine<Answer<'/api/compliance/summary', 'get'>, { evaluated_at: string | null }>

export type EvaluationResult = Answer<'/api/compliance/evaluate', 'post'>

export interface ComplianceRule {
  rule: ComplianceRuleRef
  kind: string
  subject: Subject
  severity: Severity
  gate: boolean
  responsible: string
}

export interface FindingQuery {
  agency?: string
  state?: FindingState | ''
  severity?: Severity | ''
  rule?: string
  chapter?: string
  subject?: Subject | ''
}

export const complianceApi = {
  rules: () => api.get<{ items: ComplianceRule[] }>('/api/compliance/rules').then((r) => r.items),
  summary: (agency?: string) => api.get<ComplianceSummary>('/api/compliance/summary', { query: { agency } }),
  findings: (q: FindingQuery & ListQuery): Promise<ListPage<Finding>> =>
    pageOf(q, (paging) =>
      api.get<{ items: Finding[]; total: number }>('/api/compliance/findings', {
        query: { agency: q.agency, state: q.state, severity: q.severity, rule: q.rule, chapter: q.chapter, subject: q.subject, ...paging },
      }),
    ),
  finding: (id: string) => api.get<FindingDetail>(`/api/compliance/findings/${enc(id)}`),
  evaluate: () => api.post<EvaluationResult>('/api/compliance/evaluate'),
  waive: (id: string, reason: string) => api.post<Finding>(`/api/compliance/findings/${enc(id)}/waive`, { reason }),
  recordSanction: (id: string, input: { step: string; date: string; note: string }) =>
    api.post<Sanction>(`/api/compliance/findings/${enc(id)}/sanctions`, input),
  letterUrl: (sanctionId: string) => `/api/compliance/sanctions/${enc(sanctionId)}/letter`,
  downloadLetter: (sanctionId: string) => download(`/api/compliance/sanctions/${enc(sanctionId)}/letter`),
}
