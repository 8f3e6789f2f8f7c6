// Audit TIK (docs/ict-audit.md): audit objects with their due dates, programmes and their steps,
// findings and their follow-up. The answers' shapes come from the contract (src/audit/openapi.cpp).
import { api, download, upload } from './client'
import type { Answer } from './contract'

const enc = encodeURIComponent

export type AuditOptions = Answer<'/api/audit/options', 'get'>
export type AuditDuePage = Answer<'/api/audit/due', 'get'>
export type AuditDueItem = AuditDuePage['items'][number]
export type AuditDueStatus = 'terlambat' | 'jatuh_tempo' | 'aman'
/** One page of the due list: horizon, page and filters (empty: all). */
export interface AuditDueQuery {
  withinDays: number
  limit: number
  offset: number
  type?: string
  agency?: string
  status?: AuditDueStatus | ''
}
export type AuditProgramme = Answer<'/api/audit/programmes/{id}', 'get'>
export type AuditProgrammeRecord = Answer<'/api/audit/programmes', 'get'>['items'][number]
export type AuditFinding = Answer<'/api/audit/findings', 'get'>['items'][number]
export type AuditCalendar = Answer<'/api/audit/calendar', 'get'>
export type AuditCalendarCell = AuditCalendar['months'][number]['cells'][number]
/** What the plan form sends (POST /api/audit/programmes); empty optional fields are left out. */
export interface AuditProgrammePlan {
  type: string
  kind: 'eksternal' | 'internal'
  title: string
  aspects: string[]
  object_ids: string[]
  auditor_kind?: string
  auditor_name: string
  auditor_reference?: string
  planned_start: string
  planned_end: string
  internal_programme_id?: string
  team_decree_number?: string
  team_decree_date?: string
  letter: { purpose: string; scope: string; authority: string; duties: string; reporting: string }
}
/** What the finding form sends (POST /api/audit/programmes/{id}/findings). */
export interface AuditFindingInput {
  object_id: string
  severity: 'rendah' | 'sedang' | 'tinggi'
  title: string
  recommendation: string
  agency_id: string
  agreed_action: string
  due_date: string
  /** The security control (an architecture element of the domain keamanan) the finding concerns. */
  control_id?: string
}

export const auditApi = {
  options: () => api.get<AuditOptions>('/api/audit/options'),
  due: (q: AuditDueQuery) =>
    api.get<AuditDuePage>('/api/audit/due', {
      query: { within_days: q.withinDays, limit: q.limit, offset: q.offset, type: q.type || undefined, agency: q.agency || undefined, status: q.status || undefined },
    }),
  objects: (type?: string) => api.get<Answer<'/api/audit/objects', 'get'>>('/api/audit/objects', { query: type ? { type } : {} }),
  programmes: () => api.get<Answer<'/api/audit/programmes', 'get'>>('/api/audit/programmes'),
  calendar: (year?: number, agency?: string) =>
    api.get<AuditCalendar>('/api/audit/calendar', { query: { year, agency: agency || undefined } }),
  plan: (body: AuditProgrammePlan) => api.post<AuditProgramme>('/api/audit/programmes', body),
  addFinding: (programmeId: string, body: AuditFindingInput) =>
    api.post<AuditFinding>(`/api/audit/programmes/${enc(programmeId)}/findings`, body),
  programme: (id: string) => api.get<AuditProgramme>(`/api/audit/programmes/${enc(id)}`),
  step: (id: string, to: string, date: string) => api.post<AuditProgramme>(`/api/audit/programmes/${enc(id)}/steps`, { to, date }),
  route: (id: string, sentToChairOn: string, sentToHeadOn: string) =>
    api.post<AuditProgramme>(`/api/audit/programmes/${enc(id)}/routing`, { sent_to_chair_on: sentToChairOn, sent_to_head_on: sentToHeadOn }),
  findings: (programme?: string) => api.get<Answer<'/api/audit/findings', 'get'>>('/api/audit/findings', { query: programme ? { programme } : {} }),
  followUp: (id: string, evidence: string, date: string) => api.post<AuditFinding>(`/api/audit/findings/${enc(id)}/follow-up`, { evidence, date }),
  verify: (id: string, date: string) => api.post<AuditFinding>(`/api/audit/findings/${enc(id)}/verification`, { date }),
  uploadReport: (id: string, file: File) =>
    upload<AuditProgramme>(`/api/audit/programmes/${enc(id)}/reports`, file, 'application/octet-stream', { query: { filename: file.name } }),
  downloadReport: (reportId: string) => download(`/api/audit/reports/${enc(reportId)}/content`),
  summaryPdf: (id: string) => download(`/api/audit/programmes/${enc(id)}/summary.pdf`),
  correct: (id: string, field: string, value: string, reason: string) =>
    api.post<AuditProgramme>(`/api/audit/programmes/${enc(id)}/corrections`, { field, value, reason }),
  coordinate: (id: string, date: string, note: string) =>
    api.post<AuditProgramme>(`/api/audit/programmes/${enc(id)}/coordination`, { date, note }),
}
