// The yearly Pusat Data service review (docs/infrastructure.md, "Pusat Data service review") and
// the monthly bandwidth evaluation as a PDF. Shapes from the contract of
// src/infrastructure/openapi/bandwidth.json; the server is src/infrastructure/follow_up_routes.cpp.
import { api } from './client'
import type { Answer, Body, Schema } from './contract'

const enc = encodeURIComponent

export type ServiceReviewStatus = Answer<'/api/infrastructure/service-review', 'get'>
export type ServiceReview = Schema<'InfraServiceReview'>
export type ServiceReviewInput = Body<'/api/infrastructure/service-review/reviews', 'post'>

export const infrastructureReviewApi = {
  status: () => api.get<ServiceReviewStatus>('/api/infrastructure/service-review'),
  record: (body: ServiceReviewInput) => api.post<ServiceReview>('/api/infrastructure/service-review/reviews', body),
  /** Where the browser downloads a month's evaluation as a PDF (always an attachment), in the console's language. */
  evaluationPdfUrl: (id: string, lang: string) =>
    `/api/infrastructure/bandwidth/evaluations/${enc(id)}/evaluation.pdf?lang=${lang === 'en' ? 'en' : 'id'}`,
}
