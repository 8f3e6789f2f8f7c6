// Sistem Penghubung Layanan, control plane (docs/gateway.md "Control plane API"): services with
// their policies and OpenAPI documents, consumer applications and their credentials, access
// requests and the grants they produce, and the data plane's live status, exchanges and proofs.
// The shapes mirror that contract; the server is src/gateway/control/routes.cpp.
import { api, download, pageOf, upload } from './client'
import type { ListQuery, ListPage, RuleRef } from './types'
import type { Answer } from './contract'

const enc = encodeURIComponent

export type Classification = 'publik' | 'terbatas' | 'rahasia'
export type HealthState = 'sehat' | 'terganggu' | 'tidak_diperiksa'
export type RequestState = 'diajukan' | 'direkomendasikan' | 'disetujui' | 'ditolak' | 'dibatalkan'

export interface AgencyRef {
  id: string
  code: string
  name: string
}

/** Policies applied by the data plane to every call of the service (per consumer for rate/quota). */
export interface ServicePolicy {
  allowed_networks: string[] // CIDRs; empty = nobody (deny by default)
  max_body_bytes: number
  upstream_timeout_ms: number
  retries_idempotent: number
  rate_per_second: number // 0 = unlimited
  burst: number
  daily_quota: number // 0 = unlimited
  health_path: string // '' = no health check
  store_bodies: boolean
  mask_personal_ids: boolean // views and exports mask NIK, NIP, KK and phone numbers in paths
}

export interface ServiceLinks {
  service_element_id: string | null // architecture element of domain "layanan"
  application_id: string | null
  data_element_id: string | null
}

export interface GatewayService {
  id: string
  code: string // lower-case slug, unique in the tenant
  name: string
  version: string
  description: string | null
  public_path: string // "/<tenant slug>/<code>": what consumers call on the gateway
  upstream_base_url: string
  owner_agency: AgencyRef
  classification: Classification
  links: ServiceLinks
  policy: ServicePolicy
  active: boolean
  has_openapi: boolean
  created_at: string
  updated_at: string
}

export interface ServiceInput {
  code?: string
  name?: string
  version?: string
  description?: string | null
  upstream_base_url?: string
  owner_agency_id?: string
  classification?: Classification
  links?: Partial<ServiceLinks>
  policy?: Partial<ServicePolicy>
}

export type Consumer = Answer<'/api/gateway/consumers/{id}', 'patch'>

/** `prefix`: the first 8 characters of the key, to recognise it; the key itself is never stored. */
export type ApiKeyInfo = Consumer['keys'][number]

export interface ConsumerInput {
  name?: string
  description?: string | null
  agency_id?: string
  application_id?: string | null
  client_cert_sha256?: string[]
}

/** Answer of consumer creation and key rotation: the only time the raw key is shown. */
export interface IssuedKey {
  consumer: Consumer
  key_id: string
  api_key: string
}

/** Balikpapan Pasal 9 ayat (6): the minimum content of a request letter; other regions use the same form. */
export interface AccessRequestInput {
  consumer_id: string
  service_id: string
  path_prefix?: string | null // relative to the service; null = whole service
  methods?: string[] // empty = every method
  responsible_person: string // penanggung jawab
  work_unit: string // unit kerja
  purpose: string // maksud, tujuan, dan kegunaan
  data_needed: string // jenis dan bentuk data yang diperlukan
  commercial_use: boolean // ayat (7): grounds for refusal
}

export interface RequestStep {
  action: 'ajukan' | 'rekomendasi' | 'putuskan' | 'batalkan'
  decision: 'setuju' | 'tolak' | null
  note: string | null
  actor: string // display name
  at: string
  /** A refusal: the refusal ground (profile id) it rests on. */
  ground: string | null
}

/** A refusal ground that applies to a request (Balikpapan Pasal 9 ayat (7)): a flag for the decider, not a refusal. */
export interface RequestGround {
  id: string
  name: string
  rule: RuleRef | null
  reason: string
}

export interface AccessRequest {
  id: string
  consumer: { id: string; name: string; agency: AgencyRef }
  service: { id: string; code: string; name: string; owner_agency: AgencyRef }
  path_prefix: string | null
  methods: string[]
  responsible_person: string
  work_unit: string
  purpose: string
  data_needed: string
  commercial_use: boolean
  source_address: string
  grounds: RequestGround[]
  state: RequestState
  /** What the caller may do next, so the console shows only the buttons that work. */
  can_recommend: boolean
  can_decide: boolean
  can_cancel: boolean
  steps: RequestStep[]
  grant_id: string | null
  created_at: string
  /** Where the regulation addresses the letter (Balikpapan Pasal 9 ayat (5)); null elsewhere. */
  addressees?: RequestAddressees | null
}

export interface RequestAddressees {
  rule: RuleRef | null
  to: { role: string; name: string }
  copies: { role?: string; agency_id?: string; name: string }[]
}

export interface Grant {
  id: string
  consumer: { id: string; name: string; agency: AgencyRef }
  service: { id: string; code: string; name: string }
  path_prefix: string | null
  methods: string[]
  legal_basis: { kind: 'permohonan' | 'penetapan'; request_id: string | null; rule: RuleRef | null; note: string | null }
  granted_by: string
  granted_at: string
  revoked_at: string | null
  revoke_reason: string | null
}

/** The profile's gateway section: who operates, who recommends and who decides, with citations. */
export interface GatewayOptions {
  operator: { role: string; name: string; rule: RuleRef | null }
  recommender: { kind: 'owner_agency' | 'none'; name: string; rule: RuleRef | null }
  approver: { role: string; name: string; rule: RuleRef | null }
  request_fields_rule: RuleRef | null
  refusal_grounds: { id: string; name: string; rule: RuleRef | null }[]
  classifications: { id: Classification; name: string }[]
  gateway_base_url: string | null // where consumers reach the data plane, when configured
}

export interface ServiceStatus {
  id: string
  code: string
  name: string
  requests: number
  responses_2xx: number
  responses_4xx: number
  responses_5xx: number
  refused: number
  bytes_in: number
  bytes_out: number
  latency_p50_ms: number
  latency_p99_ms: number
  health: HealthState
  health_checked_at: string | null
  health_error: string | null
}

export interface RecentExchange {
  time: string
  request_id: string
  consumer_id: string
  consumer_name: string | null
  service_id: string
  service_code: string | null
  method: string
  path: string
  path_masked: boolean // NIK, NIP, KK or phone numbers in the path are masked
  status: number
  total_ms: number
  error_code: string | null
}

export interface GatewayStatus {
  running: boolean // a data-plane instance reported in the last 30 s
  instances: { instance: string; config_version: number; started_at: string; updated_at: string }[]
  services: ServiceStatus[] // the tenant's services only
  consumers: { id: string; name: string; requests: number; refused: number }[]
  recent: RecentExchange[]
}

export interface Exchange {
  seq: number
  time: string
  request_id: string
  consumer_id: string
  service_id: string
  method: string
  path: string
  path_masked: boolean // personal identifiers masked: reveal() with a reason shows the full path
  status: number
  request_bytes: number
  response_bytes: number
  total_ms: number
  upstream_ms: number
  request_sha256: string
  response_sha256: string
  signed: boolean // inside a signed batch: a proof can be exported
  bodies_stored: boolean // the service stores bodies: both can be downloaded
}

export type BodyPart = 'request' | 'response'

export const gatewayApi = {
  options: () => api.get<GatewayOptions>('/api/gateway/options'),

  services: (q: ListQuery & { agency?: string; active?: boolean }) =>
    pageOf<GatewayService>(q, (p) => api.get('/api/gateway/services', { query: { ...p, q: q.q, agency: q.agency, active: q.active === undefined ? undefined : String(q.active) } })),
  service: (id: string) => api.get<GatewayService>(`/api/gateway/services/${enc(id)}`),
  createService: (input: ServiceInput) => api.post<GatewayService>('/api/gateway/services', input),
  updateService: (id: string, input: ServiceInput) => api.patch<GatewayService>(`/api/gateway/services/${enc(id)}`, input),
  setServiceActive: (id: string, active: boolean) =>
    api.post<GatewayService>(`/api/gateway/services/${enc(id)}/${active ? 'activate' : 'retire'}`),
  /** OpenAPI 3 document, JSON or YAML; answered as JSON. */
  uploadOpenapi: (id: string, file: Blob, contentType: string) =>
    upload<GatewayService>(`/api/gateway/services/${enc(id)}/openapi`, file, contentType),
  openapi: (id: string) => api.get<Record<string, unknown>>(`/api/gateway/services/${enc(id)}/openapi`),

  /** Service directory: every active service of the tenant, for consumers, with the caller's access. */
  directory: () => api.get<{ items: (GatewayService & { my_access: 'ada' | 'diajukan' | 'tidak' })[] }>('/api/gateway/directory'),

  consumers: (q: ListQuery & { agency?: string }) =>
    pageOf<Consumer>(q, (p) => api.get('/api/gateway/consumers', { query: { ...p, q: q.q, agency: q.agency } })),
  consumer: (id: string) => api.get<Consumer>(`/api/gateway/consumers/${enc(id)}`),
  createConsumer: (input: ConsumerInput) => api.post<IssuedKey>('/api/gateway/consumers', input),
  updateConsumer: (id: string, input: ConsumerInput) => api.patch<Consumer>(`/api/gateway/consumers/${enc(id)}`, input),
  setConsumerEnabled: (id: string, enabled: boolean) =>
    api.post<Consumer>(`/api/gateway/consumers/${enc(id)}/${enabled ? 'enable' : 'disable'}`),
  issueKey: (id: string) => api.post<IssuedKey>(`/api/gateway/consumers/${enc(id)}/keys`),
  revokeKey: (id: string, keyId: string) => api.post<Consumer>(`/api/gateway/consumers/${enc(id)}/keys/${enc(keyId)}/revoke`),

  requests: (q: ListQuery & { state?: RequestState; service?: string; consumer?: string }) =>
    pageOf<AccessRequest>(q, (p) => api.get('/api/gateway/access-requests', { query: { ...p, state: q.state, service: q.service, consumer: q.consumer } })),
  request: (id: string) => api.get<AccessRequest>(`/api/gateway/access-requests/${enc(id)}`),
  submitRequest: (input: AccessRequestInput) => api.post<AccessRequest>('/api/gateway/access-requests', input),
  recommend: (id: string, recommend: boolean, note: string) =>
    api.post<AccessRequest>(`/api/gateway/access-requests/${enc(id)}/recommend`, { recommend, note }),
  decide: (id: string, approve: boolean, note: string, ground?: string) =>
    api.post<AccessRequest>(`/api/gateway/access-requests/${enc(id)}/decide`, { approve, note, ...(ground ? { ground } : {}) }),
  cancel: (id: string) => api.post<AccessRequest>(`/api/gateway/access-requests/${enc(id)}/cancel`),

  grants: (q: ListQuery & { service?: string; consumer?: string; active?: boolean }) =>
    pageOf<Grant>(q, (p) => api.get('/api/gateway/grants', { query: { ...p, service: q.service, consumer: q.consumer, active: q.active === undefined ? undefined : String(q.active) } })),
  revokeGrant: (id: string, reason: string) => api.post<Grant>(`/api/gateway/grants/${enc(id)}/revoke`, { reason }),

  status: () => api.get<GatewayStatus>('/api/gateway/status'),
  exchanges: (q: { service?: string; consumer?: string; status?: number; limit?: number }) =>
    api.get<{ items: Exchange[] }>('/api/gateway/exchanges', { query: q }),
  /** Inclusion proof of one exchange, as a JSON file (verify with `simpul gateway verify-proof`). */
  proof: (seq: number, reason?: string) => download(`/api/gateway/exchanges/${seq}/proof`, { query: { reason } }),
  /** The full path of a masked exchange, for a stated reason (a ledger entry; gateway.path_reveal). */
  revealPath: (seq: number, reason: string) => api.post<{ seq: number; path: string }>(`/api/gateway/exchanges/${seq}/reveal`, { reason }),
  /** A stored body, checked against the log's digest by the server (each read is in the ledger). */
  body: (seq: number, part: BodyPart) => download(`/api/gateway/exchanges/${seq}/bodies/${part}`),
  publicKey: () => api.get<{ public_key: string; key_id: string }>('/api/gateway/public-key'),
}

export type { ListPage }
