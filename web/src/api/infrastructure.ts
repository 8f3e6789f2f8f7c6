// Infrastruktur SPBE (docs/infrastructure.md): Pusat Data sites and servers, colocation and VPS
// requests, the backup board, PD LANs with their diagrams and network devices. Every shape is named
// from the generated contract (src/infrastructure/openapi/*.json); the server is src/infrastructure/.
import { api, download, upload, type UploadOptions } from './client'
import type { Answer, Body, Schema } from './contract'

const enc = encodeURIComponent

export type InfraSite = Schema<'InfraSite'>

export type InfraServer = Schema<'InfraServer'>

export type InfraNote = Schema<'InfraNote'>

export type InfraRequest = Schema<'InfraRequest'>

/** An agency or a choice as the answers name it: `{id, name}`. */
export type Named = InfraRequest['agency']

export type BackupDuty = Schema<'InfraBackupDuty'>

export type BackupStatus = BackupDuty['status']

export type InfraLan = Schema<'InfraLan'>

export type InfraDiagram = Schema<'InfraDiagram'>

export type InfraLanDetail = Schema<'InfraLanDetail'>

export type InfraDevice = Schema<'InfraDevice'>

/** The profile's infrastructure choices and articles (generated from the contract). */
export type InfraOptions = Answer<'/api/infrastructure/options', 'get'>

export type BandwidthRequest = Schema<'InfraBandwidthRequest'>

export type BandwidthRow = Schema<'InfraBandwidthRow'>

export type BandwidthEvaluation = Schema<'InfraBandwidthEvaluation'>

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
export type DevicePatch = Body<'/api/infrastructure/devices/{id}', 'patch'>

// The lists and the bodies of the remaining forms, as the contract describes them.
export type SiteInput = Body<'/api/infrastructure/sites', 'post'>
export type RequestInput = Body<'/api/infrastructure/requests', 'post'>
export type BackupRunInput = Body<'/api/infrastructure/backup-duties/{id}/runs', 'post'>
export type BandwidthRequestInput = Body<'/api/infrastructure/bandwidth/requests', 'post'>
export type BandwidthDecisionInput = Body<'/api/infrastructure/bandwidth/requests/{id}/decision', 'post'>

export const infrastructureApi = {
  options: () => api.get<InfraOptions>('/api/infrastructure/options'),
  sites: () => api.get<Answer<'/api/infrastructure/sites', 'get'>>('/api/infrastructure/sites'),
  createSite: (body: SiteInput) =>
    api.post<InfraSite>('/api/infrastructure/sites', body),
  servers: () => api.get<Answer<'/api/infrastructure/servers', 'get'>>('/api/infrastructure/servers'),
  requests: () => api.get<Answer<'/api/infrastructure/requests', 'get'>>('/api/infrastructure/requests'),
  createRequest: (body: RequestInput) =>
    api.post<InfraRequest>('/api/infrastructure/requests', body),
  decide: (id: string, decision: 'disetujui' | 'ditolak', reasons: string) =>
    api.post<InfraRequest>(`/api/infrastructure/requests/${enc(id)}/decision`, { decision, reasons }),
  backupBoard: () => api.get<Answer<'/api/infrastructure/backup-duties', 'get'>>('/api/infrastructure/backup-duties'),
  recordRun: (id: string, body: BackupRunInput) =>
    api.post<Answer<'/api/infrastructure/backup-duties/{id}/runs', 'post'>>(`/api/infrastructure/backup-duties/${enc(id)}/runs`, body),
  lans: () => api.get<Answer<'/api/infrastructure/lans', 'get'>>('/api/infrastructure/lans'),
  lan: (id: string) => api.get<InfraLanDetail>(`/api/infrastructure/lans/${enc(id)}`),
  uploadDiagram: (lanId: string, file: Blob, filename: string) =>
    upload<InfraDiagram>(`/api/infrastructure/lans/${enc(lanId)}/diagrams`, file, 'application/octet-stream', { query: { filename } }),
  downloadDiagram: (id: string) => download(`/api/infrastructure/diagrams/${enc(id)}/content`),
  devices: () => api.get<Answer<'/api/infrastructure/devices', 'get'>>('/api/infrastructure/devices'),
  updateDevice: (id: string, body: DevicePatch) => api.patch<InfraDevice>(`/api/infrastructure/devices/${enc(id)}`, body),
  reportChange: (id: string, date: string, summary: string) =>
    api.post<InfraDevice>(`/api/infrastructure/devices/${enc(id)}/change-reports`, { date, summary }),
  bandwidthRequests: () =>
    api.get<Answer<'/api/infrastructure/bandwidth/requests', 'get'>>('/api/infrastructure/bandwidth/requests'),
  requestBandwidth: (body: BandwidthRequestInput) =>
    api.post<BandwidthRequest>('/api/infrastructure/bandwidth/requests', body),
  decideBandwidth: (id: string, body: BandwidthDecisionInput) =>
    api.post<BandwidthRequest>(`/api/infrastructure/bandwidth/requests/${enc(id)}/decision`, body),
  bandwidthEvaluations: () =>
    api.get<Answer<'/api/infrastructure/bandwidth/evaluations', 'get'>>('/api/infrastructure/bandwidth/evaluations'),
  evaluateBandwidth: (month: string) => api.post<BandwidthEvaluation>('/api/infrastructure/bandwidth/evaluations', { month }),
  acknowledgeEvaluation: (id: string) => api.post<BandwidthEvaluation>(`/api/infrastructure/bandwidth/evaluations/${enc(id)}/acknowledgement`, {}),
  wanLinks: () => api.get<Answer<'/api/infrastructure/wan-links', 'get'>>('/api/infrastructure/wan-links'),
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
