// Infrastruktur SPBE (docs/infrastructure.md): Pusat Data sites and servers, colocation and VPS
// requests, the backup board, PD LANs with their diagrams and network devices. The shapes mirror
// the contract of src/infrastructure/openapi.cpp; the server is src/infrastructure/routes.cpp.
import { api, download, upload, type UploadOptions } from './client'
import type { RuleRef } from './types'
import type { Answer, Body, Refine, Schema } from './contract'

const enc = encodeURIComponent

export interface Named {
  id: string
  name: string
}

export type InfraSite = Schema<'InfraSite'>

export type InfraServer = Schema<'InfraServer'>

export interface InfraNote {
  kind: 'informasi'
  kind_name: string
  rule: RuleRef | null
  text: string
  text_en: string
}

export interface InfraRequest {
  id: string
  agency: Named
  kind: string
  kind_name: string
  purpose: string
  specification: string
  state: 'diajukan' | 'disetujui' | 'ditolak'
  state_name: string
  requested_by_name: string
  requested_at: string
  reasons: string
  decided_by_name: string
  decided_at: string | null
  dinas_duty: { modal: string; text: string; text_en: string; rule: RuleRef | null }
}

export interface BackupStatus {
  state: string
  state_name: string
  last_run_on: string | null
  last_result: string | null
  last_ok_on: string | null
  last_restore_on: string | null
  target_in_pusat_data: boolean
  overdue: boolean
  last_failed: boolean
  restore_overdue: boolean
}

export type BackupDuty = Schema<'InfraBackupDuty'>

export type InfraLan = Schema<'InfraLan'>

export type InfraDiagram = Schema<'InfraDiagram'>

export type InfraLanDetail = Schema<'InfraLanDetail'>

export type InfraDevice = Schema<'InfraDevice'>

/** The profile's infrastructure choices and articles (generated from the contract). */
export type InfraOptions = Answer<'/api/infrastructure/options', 'get'>

/** The contract's `rule` lacks its required fields (bandwidth_openapi.cpp). */
export type BandwidthRequest = Refine<Schema<'InfraBandwidthRequest'>, { rule: RuleRef | null }>

export type BandwidthRow = Schema<'InfraBandwidthRow'>

export interface BandwidthEvaluation {
  id: string
  month: string
  generated_at: string
  generated_by_name: string
  rows: BandwidthRow[]
  recipient: string
  acknowledged_by_name: string
  acknowledged_at: string | null
  rule: RuleRef | null
  report_rule: RuleRef | null
}

export type WanLink = Schema<'InfraWanLink'>

// Shapes of the forms' answers, generated from the contract (src/infrastructure/openapi.cpp).
export type InfraServerDetail = Schema<'InfraServerDetail'>
export type InfraSiteDetail = Schema<'InfraSiteDetail'>
export type InfraRack = Schema<'InfraRack'>
export type InfraServerImportResult = Schema<'InfraServerImportResult'>

// What the forms send, as the contract describes the request bodies.
export type ServerInput = Body<'/api/infrastructure/servers/{id}', 'patch'>

export type BackupDutyInput = Body<'/api/infrastructure/backup-duties', 'post'>

export type LanInput = Body<'/api/infrastructure/lans', 'post'>

export type WanLinkInput = Body<'/api/infrastructure/wan-links', 'post'>

// The rack elevation and the edit routes (src/infrastructure/edit_openapi.cpp).
export type InfraRackElevation = Schema<'InfraRackElevation'>
export type InfraRackPlacement = Schema<'InfraRackPlacement'>
export type RackInput = Body<'/api/infrastructure/racks/{id}', 'patch'>
export type BackupDutyPatch = Body<'/api/infrastructure/backup-duties/{id}', 'patch'>
export type LanPatch = Body<'/api/infrastructure/lans/{id}', 'patch'>
export type WanLinkPatch = Body<'/api/infrastructure/wan-links/{id}', 'patch'>

interface Items<T> {
  items: T[]
  total: number
}

export const infrastructureApi = {
  options: () => api.get<InfraOptions>('/api/infrastructure/options'),
  sites: () => api.get<Items<InfraSite>>('/api/infrastructure/sites'),
  createSite: (body: { code: string; name: string; kind: string; status: string; agency_id: string }) =>
    api.post<InfraSite>('/api/infrastructure/sites', body),
  servers: () => api.get<Items<InfraServer> & { note_count: number }>('/api/infrastructure/servers'),
  requests: () => api.get<Items<InfraRequest>>('/api/infrastructure/requests'),
  createRequest: (body: { agency_id: string; kind: string; purpose: string; specification?: string }) =>
    api.post<InfraRequest>('/api/infrastructure/requests', body),
  decide: (id: string, decision: 'disetujui' | 'ditolak', reasons: string) =>
    api.post<InfraRequest>(`/api/infrastructure/requests/${enc(id)}/decision`, { decision, reasons }),
  backupBoard: () => api.get<Items<BackupDuty>>('/api/infrastructure/backup-duties'),
  recordRun: (id: string, body: { started_at: string; finished_at: string; result: string; tool?: string }) =>
    api.post<unknown>(`/api/infrastructure/backup-duties/${enc(id)}/runs`, body),
  lans: () => api.get<Items<InfraLan>>('/api/infrastructure/lans'),
  lan: (id: string) => api.get<InfraLanDetail>(`/api/infrastructure/lans/${enc(id)}`),
  uploadDiagram: (lanId: string, file: Blob, filename: string) =>
    upload<InfraDiagram>(`/api/infrastructure/lans/${enc(lanId)}/diagrams`, file, 'application/octet-stream', { query: { filename } }),
  downloadDiagram: (id: string) => download(`/api/infrastructure/diagrams/${enc(id)}/content`),
  devices: () => api.get<Items<InfraDevice>>('/api/infrastructure/devices'),
  reportChange: (id: string, date: string, summary: string) =>
    api.post<InfraDevice>(`/api/infrastructure/devices/${enc(id)}/change-reports`, { date, summary }),
  bandwidthRequests: () => api.get<Items<BandwidthRequest>>('/api/infrastructure/bandwidth/requests'),
  requestBandwidth: (body: { agency_id: string; need_mbps: number; justification: string }) =>
    api.post<BandwidthRequest>('/api/infrastructure/bandwidth/requests', body),
  decideBandwidth: (id: string, body: { decision: 'disetujui' | 'ditolak'; priority?: number; allocated_mbps?: number; reasons: string }) =>
    api.post<BandwidthRequest>(`/api/infrastructure/bandwidth/requests/${enc(id)}/decision`, body),
  bandwidthEvaluations: () => api.get<Items<BandwidthEvaluation>>('/api/infrastructure/bandwidth/evaluations'),
  evaluateBandwidth: (month: string) => api.post<BandwidthEvaluation>('/api/infrastructure/bandwidth/evaluations', { month }),
  acknowledgeEvaluation: (id: string) => api.post<BandwidthEvaluation>(`/api/infrastructure/bandwidth/evaluations/${enc(id)}/acknowledgement`, {}),
  wanLinks: () => api.get<Items<WanLink>>('/api/infrastructure/wan-links'),
  createWanLink: (body: WanLinkInput) => api.post<Answer<'/api/infrastructure/wan-links', 'post'>>('/api/infrastructure/wan-links', body),
  site: (id: string) => api.get<InfraSiteDetail>(`/api/infrastructure/sites/${enc(id)}`),
  addRack: (siteId: string, body: { code: string; units: number }) =>
    api.post<InfraRack>(`/api/infrastructure/sites/${enc(siteId)}/racks`, body),
  server: (id: string) => api.get<InfraServerDetail>(`/api/infrastructure/servers/${enc(id)}`),
  createServer: (body: ServerInput) => api.post<InfraServerDetail>('/api/infrastructure/servers', body),
  updateServer: (id: string, body: ServerInput) => api.patch<InfraServerDetail>(`/api/infrastructure/servers/${enc(id)}`, body),
  importServers: (file: Blob, contentType: string, dryRun: boolean, opts: Omit<UploadOptions, 'query'> = {}) =>
    upload<InfraServerImportResult>('/api/infrastructure/servers/import', file, contentType, { ...opts, query: { dry_run: String(dryRun) } }),
  serverImportTemplateUrl: '/api/infrastructure/servers/import/template.csv',
  createDuty: (body: BackupDutyInput) => api.post<Answer<'/api/infrastructure/backup-duties', 'post'>>('/api/infrastructure/backup-duties', body),
  createLan: (body: LanInput) => api.post<Answer<'/api/infrastructure/lans', 'post'>>('/api/infrastructure/lans', body),
  rack: (id: string) => api.get<InfraRackElevation>(`/api/infrastructure/racks/${enc(id)}`),
  updateRack: (id: string, body: RackInput) => api.patch<InfraRack>(`/api/infrastructure/racks/${enc(id)}`, body),
  placeServer: (id: string, unit: number, height: number) =>
    api.put<InfraRackPlacement>(`/api/infrastructure/servers/${enc(id)}/placement`, { unit, height }),
  unplaceServer: (id: string) => api.del(`/api/infrastructure/servers/${enc(id)}/placement`),
  placeDevice: (id: string, rackId: string, unit: number, height: number) =>
    api.put<InfraRackPlacement>(`/api/infrastructure/devices/${enc(id)}/placement`, { rack_id: rackId, unit, height }),
  unplaceDevice: (id: string) => api.del(`/api/infrastructure/devices/${enc(id)}/placement`),
  updateDuty: (id: string, body: BackupDutyPatch) => api.patch<BackupDuty>(`/api/infrastructure/backup-duties/${enc(id)}`, body),
  updateLan: (id: string, body: LanPatch) => api.patch<InfraLan>(`/api/infrastructure/lans/${enc(id)}`, body),
  updateWanLink: (id: string, body: WanLinkPatch) => api.patch<WanLink>(`/api/infrastructure/wan-links/${enc(id)}`, body),
  importDevices: (file: Blob, contentType: string, dryRun: boolean, opts: Omit<UploadOptions, 'query'> = {}) =>
    upload<InfraServerImportResult>('/api/infrastructure/devices/import', file, contentType, { ...opts, query: { dry_run: String(dryRun) } }),
  deviceImportTemplateUrl: '/api/infrastructure/devices/import/template.csv',
  usage: (agency: string, month: string) =>
    api.get<Answer<'/api/infrastructure/bandwidth/usage', 'get'>>('/api/infrastructure/bandwidth/usage', { query: { agency, month } }),
  allocations: () => api.get<Answer<'/api/infrastructure/bandwidth/allocations', 'get'>>('/api/infrastructure/bandwidth/allocations'),
}
