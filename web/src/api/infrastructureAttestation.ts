// Attestations of a Pusat Data site, a PD's LAN or the Jaringan Intra (docs/infrastructure.md,
// "Attestations"). Shapes from src/infrastructure/openapi/attestations.json; the server is
// src/infrastructure/attestation_routes.cpp.
import { api } from './client'
import type { Body, Schema } from './contract'

export type AttestationSubject = 'site' | 'lan' | 'jaringan_intra'
export type Attestation = Schema<'InfraAttestation'>
export type AttestationList = Schema<'InfraAttestationList'>
export type AttestationInput = Body<'/api/infrastructure/attestations', 'post'>

export const infrastructureAttestationApi = {
  list: (subject: AttestationSubject, subjectId = '') =>
    api.get<AttestationList>(
      `/api/infrastructure/attestations?subject=${subject}` + (subjectId ? `&subject_id=${encodeURIComponent(subjectId)}` : ''),
    ),
  record: (body: AttestationInput) => api.post<Attestation>('/api/infrastructure/attestations', body),
}
