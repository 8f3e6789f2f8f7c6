// Kepatuhan (docs/compliance.md): findings of the compliance engine — one per rule and object,
// with the citation, severity, responsible agency, due date and state — the summary counts, the
// evaluation on demand, waivers, and administrative sanctions where the regulation states them.
import { api, download, pageOf } from './client'
import type { ListPage, ListQuery } from './types'
import type { Answer, Item, Schema } from './contract'

const enc = encodeURIComponent

export type Severity = 'tinggi' | 'sedang' | 'rendah'
export const SEVERITIES: readonly Severity[] = ['tinggi', 'sedang', 'rendah']
export type FindingState = 'open' | 'resolved' | 'waived'
export const FINDING_STATES: readonly FindingState[] = ['open', 'resolved', 'waived']
export type Subject = 'application' | 'architecture_document' | 'service'
export const SUBJECTS: readonly Subject[] = ['application', 'architecture_document', 'service']

export type ComplianceRuleRef = Schema<'ComplianceRule'>

export type Finding = Schema<'ComplianceFinding'>

/** What resolves a finding and the console screen where it is done (src/regulation/remedy.cpp). */
export type FindingRemedy = NonNullable<Finding['resolve']>

/** Findings as an application's detail lists them (the same shape). */
export type FindingRef = Finding

/** A step of a sanction case: proposed by the evaluation with its basis, given by the official. */
export type Sanction = Schema<'Sanction'>

export type SanctionStep = FindingDetail['sanction_steps'][number]

export type FindingDetail = Answer<'/api/compliance/findings/{id}', 'get'>

export type ComplianceSummary = Answer<'/api/compliance/summary', 'get'>

export type EvaluationResult = Answer<'/api/compliance/evaluate', 'post'>

export type ComplianceRule = Item<Answer<'/api/compliance/rules', 'get'>>

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
