// Pemantauan dan Evaluasi SPBE (src/evaluation/routes.cpp, docs/evaluation.md): the national
// frameworks and the tenant's corrected versions, yearly periods with their assessor team, the
// per-indicator workspace (answer, evidence, comments, live proposals), the index and what-if,
// the comparison across years, the league table of agencies and the report downloads.
import { api, download, request, upload, type UploadOptions } from './client'
import type { RuleRef } from './types'
import type { Answer as Reply } from './contract'

const enc = encodeURIComponent

export type LevelRule = 'direct' | 'cumulative-evidence'
export type PeriodState = 'terbuka' | 'diserahkan'
export type AnswerState = 'draf' | 'diajukan' | 'disetujui' | 'dikembalikan'
export const ANSWER_STATES: readonly AnswerState[] = ['draf', 'diajukan', 'disetujui', 'dikembalikan']
export type WorkflowRole = 'koordinator' | 'penanggung_jawab' | 'data_entry' | 'anggota'
export const WORKFLOW_ROLES: readonly WorkflowRole[] = ['koordinator', 'penanggung_jawab', 'data_entry', 'anggota']
export type Verdict = '' | 'diterima' | 'ditolak'

export interface EvaluationOptions {
  roles: { id: WorkflowRole; name: string }[]
  evidence_topics: string[]
  max_evidence_bytes: number
  /** Absent when the region's profile has no evaluation section. */
  rule?: RuleRef | null
  team?: string | null
  team_rule?: RuleRef | null
  agency_rule?: RuleRef | null
  report_to?: string
}

export interface FrameworkSummary {
  id: string
  version: number
  title: string
  legal_basis: string
  valid_from: number
  provisional: boolean
  confidence: string
  level_rule: LevelRule
  indicators: number
  origin: 'bawaan' | 'koreksi'
  note: string
  created_by_name: string
  created_at: string
}

export interface ScaleLevel {
  level: number
  name: string
  criteria: string | null
}

export interface FrameworkIndicator {
  id: string
  number: number
  name: string
  weight: number
  scale: string
  criteria: string | null
  /** Own criteria per level ("1": text); levels without own text are left out. */
  level_criteria: Record<string, string>
  evidence_topics: string[]
  external?: { kind: string }
}

export interface FrameworkAspect {
  id: string
  number: number
  name: string
  weight: number
  indicators: FrameworkIndicator[]
}

export interface FrameworkDomain {
  id: string
  number: number
  name: string
  weight: number
  aspects: FrameworkAspect[]
}

/** A framework version in its file format (GET /api/evaluation/frameworks/{id}). */
export interface FrameworkDefinition {
  format: string
  id: string
  version: number
  title: string
  legal_basis: string
  valid_from: number
  source_id: string | null
  replaces: string | null
  confidence: string
  provisional: boolean
  provenance: { source_file: string; notes: string }
  computation: { level_rule: LevelRule; level_rule_text: string | null; formula_text: string; index_scale: number }
  process: string[]
  scales: { name: string; confidence: string; levels: ScaleLevel[] }[]
  predicates: { name: string; min: number; max: number }[]
  domains?: FrameworkDomain[]
  aspects?: FrameworkAspect[]
}

export interface IndicatorCorrection {
  id: string
  name?: string
  weight?: number
  criteria?: string | null
  level_criteria?: Record<string, string>
}

export interface FrameworkCorrections {
  title?: string
  domains?: { id: string; name?: string; weight?: number }[]
  aspects?: { id: string; name?: string; weight?: number }[]
  indicators?: IndicatorCorrection[]
  scales?: { name: string; levels: { level: number; name?: string; criteria?: string }[] }[]
}

export interface Period {
  id: string
  year: number
  agency_id: string | null
  agency_name: string
  framework_id: string
  framework_version: number
  title: string
  state: PeriodState
  created_by_name: string
  created_at: string
  submitted_by_name: string
  submitted_at: string | null
}

export interface PeriodListItem extends Period {
  index: number
  predicate: string | null
}

export interface Member {
  id: string
  user_id: string
  user_name: string
  role: WorkflowRole
  added_at: string
}

export interface PeriodIndicator {
  id: string
  number: number
  name: string
  weight: number
  aspect_id: string
  value: number
  state: AnswerState | null
  level: number | null
  evidence: number
}

export interface IndexDomain {
  id: string
  number: number
  name: string
  weight: number
  value: number
}

export interface IndexAspect {
  id: string
  number: number
  name: string
  weight: number
  value: number
  domain_id: string | null
  indicators: number
  /** Only in a period's detail (answers are known there). */
  answered?: number
  approved?: number
}

export interface IndexResult {
  index: number
  predicate: string | null
  complete: boolean
  unanswered: number
  issues: { indicator: string; problem: string }[]
  domains: IndexDomain[]
  aspects: IndexAspect[]
  indicators: { id: string; value: number }[]
}

export interface WhatIfResult extends IndexResult {
  base_index: number
  delta: number
}

export interface PeriodDetail extends Period {
  framework: { id: string; version: number; title: string; provisional: boolean; level_rule: LevelRule }
  members: Member[]
  my_roles: WorkflowRole[]
  indicators: PeriodIndicator[]
  result: IndexResult
  rule?: RuleRef | null
  report_to?: string
}

export interface Answer {
  indicator_id: string
  level: number | null
  external_score: number | null
  explanation: string
  state: AnswerState
  /** The filler's user id: they judge neither the answer nor its evidence. */
  filled_by?: string
  filled_by_name: string
  updated_at: string
  reviewed_by_name: string
  reviewed_at: string | null
  review_note: string
}

export interface Evidence {
  id: string
  indicator_id: string
  kind: 'file' | 'link'
  label: string
  sha256: string
  size: number
  ref_kind: string
  ref_id: string
  level: number | null
  main: boolean
  verdict: Verdict
  added_by_name: string
  added_at: string
}

/** A comment on an indicator; `role` is a WorkflowRole or a role the framework adds. */
export type Comment = Reply<'/api/evaluation/periods/{id}/indicators/{ind}/comments', 'post'>

export interface Proposal {
  source: string
  topic: string
  kind: string
  ref_id: string
  label: string
  detail: string
  link: string
  present: boolean
}

export type LevelBasisStatus = 'diterima' | 'tanpa_bukti' | 'ditolak' | 'belum_diperiksa'

export interface ValueBasis {
  value: number
  /** Cumulative rule: levels 1.. the level that stops the climb, with the main evidence deciding each. */
  levels: { level: number; status: LevelBasisStatus; items: string[] }[]
  /** Supporting items: shown, never counted. */
  supporting: string[]
  reason: string
  reason_en: string
}

export interface IndicatorWorkspace {
  indicator: {
    id: string
    number: number
    name: string
    weight: number
    criteria: string
    aspect: { id: string; number: number; name: string }
    scale: string
    levels: { level: number; name: string; criteria: string }[]
    evidence_topics: string[]
    external_kind: string
    /** false while no level has criteria text (8/2026: none published yet) */
    criteria_published: boolean
    /** where the level criteria come from; empty when the framework file names no source */
    criteria_source: string
    criteria_notes: string
  }
  level_rule: LevelRule
  answer: Answer | null
  value: number
  /** Why the value is what it is. */
  basis: ValueBasis
  evidence: Evidence[]
  comments: Comment[]
  proposals: Proposal[]
  next_level: { level: number; name: string; criteria: string; gaps: number } | null
  my_roles: WorkflowRole[]
  period_state: PeriodState
}

export interface AnswerInput {
  level?: number | null
  external_score?: number | null
  explanation?: string
}

export interface HistoryItem extends Period {
  result: IndexResult
  framework_title: string
}

export interface LeagueRow {
  rank: number
  period: Period
  index: number
  predicate: string | null
  approved: number
}

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
