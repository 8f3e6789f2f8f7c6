// Pemantauan dan Evaluasi SPBE (src/evaluation/routes.cpp, docs/evaluation.md): the national
// frameworks and the tenant's corrected versions, yearly periods with their assessor team, the
// per-indicator workspace (answer, evidence, comments, live proposals), the index and what-if,
// the comparison across years, the league table of agencies and the report downloads.
import { api, download, request, upload, type UploadOptions } from './client'
import type { Answer as Reply, Body, Item } from './contract'

const enc = encodeURIComponent

export type LevelRule = 'direct' | 'cumulative-evidence'
export type PeriodState = 'terbuka' | 'diserahkan'
export type AnswerState = 'draf' | 'diajukan' | 'disetujui' | 'dikembalikan'
export const ANSWER_STATES: readonly AnswerState[] = ['draf', 'diajukan', 'disetujui', 'dikembalikan']
export type WorkflowRole = 'koordinator' | 'penanggung_jawab' | 'data_entry' | 'anggota'
export const WORKFLOW_ROLES: readonly WorkflowRole[] = ['koordinator', 'penanggung_jawab', 'data_entry', 'anggota']
export type Verdict = '' | 'diterima' | 'ditolak'

export type EvaluationOptions = Reply<'/api/evaluation/options', 'get'>

export type FrameworkSummary = Item<Reply<'/api/evaluation/frameworks', 'get'>>

export type ScaleLevel = FrameworkDefinition['scales'][number]['levels'][number]

export type FrameworkIndicator = FrameworkAspect['indicators'][number]

export type FrameworkAspect = NonNullable<FrameworkDefinition['aspects']>[number]

export type FrameworkDomain = NonNullable<FrameworkDefinition['domains']>[number]

export type FrameworkDefinition = Reply<'/api/evaluation/frameworks/{fid}', 'get'>

export type IndicatorCorrection = NonNullable<FrameworkCorrections['indicators']>[number]

export type FrameworkCorrections = Body<'/api/evaluation/frameworks/{fid}/versions', 'post'>['corrections']

export type Period = Omit<PeriodListItem, 'index' | 'predicate'>

export type PeriodListItem = Item<Reply<'/api/evaluation/periods', 'get'>>

export type Member = PeriodDetail['members'][number]

export type PeriodIndicator = PeriodDetail['indicators'][number]

export type IndexDomain = IndexResult['domains'][number]

export type IndexAspect = IndexResult['aspects'][number]

export type IndexResult = Reply<'/api/evaluation/periods/{id}/index', 'get'>

export type WhatIfResult = Reply<'/api/evaluation/periods/{id}/what-if', 'post'>

export type PeriodDetail = Reply<'/api/evaluation/periods/{id}', 'get'>

export type Answer = Reply<'/api/evaluation/periods/{id}/indicators/{ind}/answer', 'put'>

export type Evidence = IndicatorWorkspace['evidence'][number]

/** A comment on an indicator; `role` is a WorkflowRole or a role the framework adds. */
export type Comment = Reply<'/api/evaluation/periods/{id}/indicators/{ind}/comments', 'post'>

export type Proposal = IndicatorWorkspace['proposals'][number]

export type LevelBasisStatus = 'diterima' | 'tanpa_bukti' | 'ditolak' | 'belum_diperiksa'

export type ValueBasis = IndicatorWorkspace['basis']

export type IndicatorWorkspace = Reply<'/api/evaluation/periods/{id}/indicators/{ind}', 'get'>

export type AnswerInput = Body<'/api/evaluation/periods/{id}/indicators/{ind}/answer', 'put'>

export type HistoryItem = Item<Reply<'/api/evaluation/history', 'get'>>

export type LeagueRow = Item<Reply<'/api/evaluation/league', 'get'>>

const base = '/api/evaluation'
const periodPath = (id: string) => `${base}/periods/${enc(id)}`
const indicatorPath = (id: string, ind: string) => `${periodPath(id)}/indicators/${enc(ind)}`

export const evaluationApi = {
  options: () => api.get<EvaluationOptions>(`${base}/options`),

  frameworks: () => api.get<{ items: FrameworkSummary[] }>(`${base}/frameworks`).then((r) => r.items),
  framework: (id: string, version?: number) => api.get<FrameworkDefinition>(`${base}/frameworks/${enc(id)}`, { query: { version } }),
  correctFramework: (id: string, input: { base_version: number; note: string; corrections: FrameworkCorrections }) =>
    api.post<FrameworkDefinition>(`${base}/frameworks/${enc(id)}/versions`, input),

  /** agency: an agency id, '-' for Pemda-wide periods only, nothing for all. */
  periods: (q: { year?: number; agency?: string } = {}) =>
    api.get<{ items: PeriodListItem[] }>(`${base}/periods`, { query: q }).then((r) => r.items),
  createPeriod: (input: { year: number; agency_id?: string | null; framework_id?: string; title?: string }) =>
    api.post<PeriodDetail>(`${base}/periods`, input),
  period: (id: string) => api.get<PeriodDetail>(periodPath(id)),
  addMember: (id: string, userId: string, role: WorkflowRole) => api.post<Member>(`${periodPath(id)}/members`, { user_id: userId, role }),
  removeMember: (id: string, memberId: string) => api.del(`${periodPath(id)}/members/${enc(memberId)}`),
  submit: (id: string) => api.post<PeriodDetail>(`${periodPath(id)}/submit`),

  indicator: (id: string, ind: string) => api.get<IndicatorWorkspace>(indicatorPath(id, ind)),
  saveAnswer: (id: string, ind: string, input: AnswerInput) => request<Answer>('PUT', `${indicatorPath(id, ind)}/answer`, { body: input }),
  sendForReview: (id: string, ind: string) => api.post<Answer>(`${indicatorPath(id, ind)}/answer/submit`),
  review: (id: string, ind: string, decision: 'disetujui' | 'dikembalikan', note: string) =>
    api.post<Answer>(`${indicatorPath(id, ind)}/answer/review`, { decision, note }),
  comment: (id: string, ind: string, text: string) => api.post<Comment>(`${indicatorPath(id, ind)}/comments`, { text }),

  uploadEvidence: (id: string, ind: string, file: File, q: { level?: number | null; main?: boolean }, opts: UploadOptions = {}) =>
    upload<Evidence>(`${indicatorPath(id, ind)}/evidence`, file, 'application/octet-stream', {
      ...opts,
      query: { filename: file.name, level: q.level ?? undefined, main: q.main === undefined ? undefined : String(q.main) },
    }),
  linkEvidence: (id: string, ind: string, input: { ref_kind: string; ref_id: string; level?: number | null; main?: boolean }) =>
    api.post<Evidence>(`${indicatorPath(id, ind)}/evidence/link`, {
      ref_kind: input.ref_kind,
      ref_id: input.ref_id,
      ...(input.level ? { level: input.level } : {}),
      ...(input.main === undefined ? {} : { main: input.main }),
    }),
  removeEvidence: (id: string, evidenceId: string) => api.del(`${periodPath(id)}/evidence/${enc(evidenceId)}`),
  verdict: (id: string, evidenceId: string, accepted: boolean) =>
    api.post<Evidence>(`${periodPath(id)}/evidence/${enc(evidenceId)}/verdict`, { accepted }),
  evidenceUrl: (id: string, evidenceId: string) => `${periodPath(id)}/evidence/${enc(evidenceId)}/content`,
  downloadEvidence: (id: string, evidenceId: string) => download(`${periodPath(id)}/evidence/${enc(evidenceId)}/content`),

  index: (id: string) => api.get<IndexResult>(`${periodPath(id)}/index`),
  whatIf: (id: string, changes: { indicator: string; level: number }[]) => api.post<WhatIfResult>(`${periodPath(id)}/what-if`, { changes }),

  history: (agency?: string) => api.get<{ items: HistoryItem[] }>(`${base}/history`, { query: { agency } }).then((r) => r.items),
  league: (year: number) => api.get<{ year: number; items: LeagueRow[] }>(`${base}/league`, { query: { year } }),

  reportUrl: (id: string) => `${periodPath(id)}/report`,
  exportUrl: (id: string) => `${periodPath(id)}/export`,
  downloadReport: (id: string) => download(`${periodPath(id)}/report`),
  downloadExport: (id: string) => download(`${periodPath(id)}/export`),
}
