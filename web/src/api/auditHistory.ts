// An object's audit history (docs/ict-audit.md, "Object audit history"): the audit programmes that
// covered an application, server or security control and the findings about it, newest first.
import { api } from './client'
import type { Answer } from './contract'

export type AuditObjectHistory = Answer<'/api/audit/objects/{id}/history', 'get'>
export type AuditHistoryProgramme = AuditObjectHistory['programmes'][number]
export type AuditHistoryFinding = AuditObjectHistory['findings'][number]

export const auditHistoryApi = {
  history: (objectId: string) => api.get<AuditObjectHistory>(`/api/audit/objects/${encodeURIComponent(objectId)}/history`),
}
