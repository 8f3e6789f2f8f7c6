// Kepatuhan (docs/compliance.md): findings of the compliance engine — one per rule and object,
// with the citation, severity, responsible agency, due date and state — the summary counts, the
// evaluation on demand, waivers, and administrative sanctions where the regulation states them.
import { api, download, pageOf } from './client'
import type { ListPage, ListQuery } from './types'

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

export interface Finding {
  id: string
  rule: ComplianceRuleRef
  kind: string
  subject: Subject
  object_id: string
  object_label: string | null
  agency_id: string | null
  agency_name: string | null
  severity: Severity
  state: FindingState
  due: string | null
  overdue: boolean
  details: Record<string, unknown> | null
  first_seen_at: string
  last_seen_at: string
  resolved_at: string | null
  waived_reason: string | null
  waived_by_name: string | null
  waived_at: string | null
}

/** Findings as an application's detail lists them (the same shape). */
export type FindingRef = Finding

export interface Sanction {
  id: string
  step: string
  step_name: string
  date: string
  note: string | null
  issued_by_name: string | null
  automatic: boolean
  has_letter: boolean
}

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

export interface ComplianceSummary {
  evaluated_at: string | null
  open: number
  overdue: number
  waived: number
  by_severity: Record<Severity, number>
  by_chapter: { chapter: string; title: string; open: number; overdue: number; waived: number; resolved: number }[]
  by_agency: { agency_id: string | null; agency_name: string; open: number; overdue: number }[]
}

export interface EvaluationResult {
  evaluated_at: string
  new: number
  resolved: number
  reopened: number
  open: number
  escalated: number
}

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
