// Rencana dan Anggaran SPBE (docs/plan-and-budget.md): cycles, proposals and lines, live checks,
// duplicate candidates and the consolidated budget. The answers' shapes come from the contract
// (src/planning/openapi.cpp).
import { api, upload, type UploadOptions } from './client'
import type { Answer, Body } from './contract'

const enc = encodeURIComponent

export type PlanningOptions = Answer<'/api/planning/options', 'get'>
export type PlanningCycle = Answer<'/api/planning/cycles/{id}', 'get'>
export type PlanningProposal = Answer<'/api/planning/cycles/{id}/proposals', 'get'>['items'][number]
export type PlanningProposalDetail = Answer<'/api/planning/proposals/{id}', 'get'>
export type PlanningLine = PlanningProposalDetail['lines'][number]
export type PlanningLiveCheck = Answer<'/api/planning/proposals/{id}/check', 'post'>
export type PlanningCandidate = Answer<'/api/planning/cycles/{id}/candidates', 'get'>['items'][number]
/** One page of the duplicate review, best score first; '' filters nothing. */
export interface PlanningCandidateQuery {
  limit: number
  offset: number
  agency: string
  state: '' | 'undecided' | 'decided'
}
export type PlanningConsolidated = Answer<'/api/planning/cycles/{id}/consolidated', 'get'>
export type PlanningCorrection = PlanningProposalDetail['corrections'][number]
export type PlanningSynonym = Answer<'/api/planning/synonyms', 'get'>['items'][number]

/** The planning agency's correction of a line's class: a reserved class id ('' = none) and/or a category. */
export type PlanningClassCorrection = Body<'/api/planning/lines/{id}/classification', 'post'>
export type PlanningLineImport = Answer<'/api/planning/proposals/{id}/lines/import', 'post'>
export type PlanningApplicationCandidate = Answer<'/api/planning/cycles/{id}/application-candidates', 'get'>['items'][number]

/** A line as the proposal editor sends it. */
export type PlanningLineInput = Body<'/api/planning/proposals/{id}/lines', 'post'>

export const planningApi = {
  options: () => api.get<PlanningOptions>('/api/planning/options'),
  cycles: () => api.get<Answer<'/api/planning/cycles', 'get'>>('/api/planning/cycles'),
  openCycle: (fiscalYear: number, submissionDeadline: string, verificationDeadline: string) =>
    api.post<PlanningCycle>('/api/planning/cycles', {
      fiscal_year: fiscalYear,
      submission_deadline: submissionDeadline,
      verification_deadline: verificationDeadline,
    }),
  closeCycle: (id: string) => api.post<PlanningCycle>(`/api/planning/cycles/${enc(id)}/closing`, {}),
  proposals: (cycle: string) => api.get<Answer<'/api/planning/cycles/{id}/proposals', 'get'>>(`/api/planning/cycles/${enc(cycle)}/proposals`),
  startProposal: (cycle: string, agencyId: string) =>
    api.post<PlanningProposal>(`/api/planning/cycles/${enc(cycle)}/proposals`, { agency_id: agencyId }),
  proposal: (id: string) => api.get<PlanningProposalDetail>(`/api/planning/proposals/${enc(id)}`),
  addLine: (proposal: string, line: PlanningLineInput) => api.post<PlanningLine>(`/api/planning/proposals/${enc(proposal)}/lines`, line),
  check: (proposal: string, line: PlanningLineInput) => api.post<PlanningLiveCheck>(`/api/planning/proposals/${enc(proposal)}/check`, line),
  removeLine: (id: string) => api.del(`/api/planning/lines/${enc(id)}`),
  step: (proposal: string, step: 'submission' | 'verification' | 'approval') =>
    api.post<PlanningProposal>(`/api/planning/proposals/${enc(proposal)}/${step}`, {}),
  recommend: (proposal: string, recommendation: string) =>
    api.post<PlanningProposal>(`/api/planning/proposals/${enc(proposal)}/recommendation`, { recommendation }),
  candidates: (cycle: string, q: PlanningCandidateQuery) =>
    api.get<Answer<'/api/planning/cycles/{id}/candidates', 'get'>>(`/api/planning/cycles/${enc(cycle)}/candidates`, {
      query: { limit: q.limit, offset: q.offset, agency: q.agency || undefined, state: q.state || undefined },
    }),
  decide: (id: string, decision: 'duplikat' | 'berbeda', reason: string, lineToChange?: string) =>
    api.post<PlanningCandidate>(`/api/planning/candidates/${enc(id)}/decision`, {
      decision,
      reason,
      ...(lineToChange ? { line_to_change: lineToChange } : {}),
    }),
  consolidated: (cycle: string) => api.get<PlanningConsolidated>(`/api/planning/cycles/${enc(cycle)}/consolidated`),
  correctClass: (line: string, correction: PlanningClassCorrection) =>
    api.post<PlanningLine>(`/api/planning/lines/${enc(line)}/classification`, correction),
  synonyms: () => api.get<Answer<'/api/planning/synonyms', 'get'>>('/api/planning/synonyms'),
  addSynonym: (term: string, canonical: string) => api.post<PlanningSynonym>('/api/planning/synonyms', { term, canonical }),
  removeSynonym: (term: string) => api.del(`/api/planning/synonyms?term=${enc(term)}`),
  importLines: (proposal: string, file: Blob, contentType: string, dryRun: boolean, opts: Omit<UploadOptions, 'query'> = {}) =>
    upload<PlanningLineImport>(`/api/planning/proposals/${enc(proposal)}/lines/import`, file, contentType, { ...opts, query: { dry_run: String(dryRun) } }),
  linesTemplateUrl: (proposal: string) => `/api/planning/proposals/${enc(proposal)}/lines/import/template.xlsx`,
  applicationCandidates: (cycle: string) =>
    api.get<Answer<'/api/planning/cycles/{id}/application-candidates', 'get'>>(`/api/planning/cycles/${enc(cycle)}/application-candidates`),
  decideApplication: (id: string, decision: 'duplikat' | 'berbeda', reason: string) =>
    api.post<PlanningApplicationCandidate>(`/api/planning/application-candidates/${enc(id)}/decision`, { decision, reason }),
}
