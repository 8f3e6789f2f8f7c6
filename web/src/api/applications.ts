// Aplikasi SPBE (docs/applications.md): the application record, its lifecycle stages and the gates
// between them, recommendation requests and decisions, ministry considerations, fitness tests, the
// Repositori (handover documents) and the inventory import. The shapes mirror that contract.
import { api, download, pageOf, upload, type UploadOptions } from './client'
import type { ListQuery } from './types'
import type { Answer, Body, Item } from './contract'

const enc = encodeURIComponent

export type Named = ApplicationOptions['categories'][number]

export type Stage = ApplicationOptions['stages'][number]

export type ApplicationOptions = Answer<'/api/applications/options', 'get'>

type ApplicationAnswer = Answer<'/api/applications/{id}', 'get'>
type DetailOnly = 'services' | 'data_sets' | 'recommendations' | 'considerations' | 'tests' | 'artifacts' | 'gates' | 'findings' | 'warnings'

// The record as GET /api/applications/{id} states it, without its detail lists.
export type Application = Omit<ApplicationAnswer, DetailOnly>

export type RecommendationState = Recommendation['state']
export const RECOMMENDATION_STATES: readonly RecommendationState[] = ['diajukan', 'disetujui', 'ditolak']

export type Recommendation = Item<Answer<'/api/recommendations', 'get'>>

export type Consideration = Answer<'/api/applications/{id}/considerations', 'post'>

export type FitnessTest = Answer<'/api/applications/{id}/tests', 'post'>

export type Artifact = Answer<'/api/applications/{id}/artifacts', 'post'>

/** A rule a gate evaluates: id and citation, and its title in both languages. */
export type GateRule = Move['blocked_by'][number]['rule']

export type Move = Gates['moves'][number]

export type Gates = Answer<'/api/applications/{id}/gates', 'get'>

export type ElementLink = ApplicationDetail['services'][number]

export type ApplicationDetail = ApplicationAnswer

export type ApplicationWarning = ApplicationDetail['warnings'][number]

export type ApplicationInput = Body<'/api/applications/{id}', 'patch'>

export interface ApplicationQuery {
  agency?: string
  stage?: string
  category?: string
}

export type ApplicationImportResult = Answer<'/api/applications/import', 'post'>

export const IMPORT_TEMPLATE_URL = '/api/applications/import/template.csv'

export const applicationsApi = {
  options: () => api.get<ApplicationOptions>('/api/applications/options'),
  list: (q: ApplicationQuery & ListQuery) =>
    pageOf(q, (paging) =>
      api.get<{ items: Application[]; total: number }>('/api/applications', {
        query: { agency: q.agency, stage: q.stage, category: q.category, q: q.q, ...paging },
      }),
    ),
  get: (id: string) => api.get<ApplicationDetail>(`/api/applications/${enc(id)}`),
  create: (input: ApplicationInput) => api.post<Application>('/api/applications', input),
  update: (id: string, input: ApplicationInput) => api.patch<Application>(`/api/applications/${enc(id)}`, input),
  gates: (id: string) => api.get<Gates>(`/api/applications/${enc(id)}/gates`),
  move: (id: string, to: string, note: string) => api.post<Application>(`/api/applications/${enc(id)}/stage`, { to, note }),

  requestRecommendation: (id: string, input: { purpose: string; justification: string }) =>
    api.post<Recommendation>(`/api/applications/${enc(id)}/recommendations`, input),
  recommendations: async (state?: RecommendationState | '') => {
    const answer = await api.get<{ items: Recommendation[]; total: number } | Recommendation[]>('/api/recommendations', { query: { state } })
    return Array.isArray(answer) ? answer : answer.items
  },
  decide: (id: string, input: { decision: 'disetujui' | 'ditolak'; reasons: string }) =>
    api.post<Recommendation>(`/api/recommendations/${enc(id)}/decision`, input),

  recordConsideration: (id: string, input: { kind: string; reference: string; date: string; decision: 'disetujui' | 'ditolak'; note: string }) =>
    api.post<Consideration>(`/api/applications/${enc(id)}/considerations`, input),
  recordTest: (id: string, input: { date: string; release: string; result: 'lulus' | 'gagal'; summary: string }) =>
    api.post<FitnessTest>(`/api/applications/${enc(id)}/tests`, input),

  uploadArtifact: (id: string, file: Blob, query: { kind: string; release: string; filename: string }, opts: Omit<UploadOptions, 'query'> = {}) =>
    upload<Artifact>(`/api/applications/${enc(id)}/artifacts`, file, 'application/octet-stream', { ...opts, query }),
  artifactUrl: (artifactId: string) => `/api/artifacts/${enc(artifactId)}/content`,
  downloadArtifact: (artifactId: string) => download(`/api/artifacts/${enc(artifactId)}/content`),

  importFile: (file: Blob, contentType: string, dryRun: boolean, opts: Omit<UploadOptions, 'query'> = {}) =>
    upload<ApplicationImportResult>('/api/applications/import', file, contentType, { ...opts, query: { dry_run: String(dryRun) } }),
}
