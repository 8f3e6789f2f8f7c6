// Sistem Penghubung Layanan, control plane (docs/gateway.md "Control plane API"): services with
// their policies and OpenAPI documents, consumer applications and their credentials, access
// requests and the grants they produce, and the data plane's live status, exchanges and proofs.
// The shapes mirror that contract; the server is src/gateway/control/routes.cpp.
import { api, download, pageOf, upload } from './client'
import type { ListQuery, ListPage } from './types'
import type { Answer, Body, Item } from './contract'

const enc = encodeURIComponent

export type Classification = GatewayService['classification']
export type HealthState = ServiceStatus['health']
export type RequestState = AccessRequest['state']

export type AgencyRef = GatewayService['owner_agency']

/** Policies applied by the data plane to every call of the service (per consumer for rate/quota). */
export type ServicePolicy = GatewayService['policy']

export type ServiceLinks = GatewayService['links']

export type GatewayService = Answer<'/api/gateway/services/{id}', 'get'>

export type ServiceInput = Body<'/api/gateway/services/{id}', 'patch'>

export type Consumer = Answer<'/api/gateway/consumers/{id}', 'patch'>

/** `prefix`: the first 8 characters of the key, to recognise it; the key itself is never stored. */
export type ApiKeyInfo = Consumer['keys'][number]

export type ConsumerInput = Body<'/api/gateway/consumers/{id}', 'patch'>

/** Answer of consumer creation and key rotation: the only time the raw key is shown. */
export type IssuedKey = Answer<'/api/gateway/consumers', 'post'>

/** Balikpapan Pasal 9 ayat (6): the minimum content of a request letter; other regions use the same form. */
export type AccessRequestInput = Body<'/api/gateway/access-requests', 'post'>

export type RequestStep = AccessRequest['steps'][number]

/** A refusal ground that applies to a request (Balikpapan Pasal 9 ayat (7)): a flag for the decider, not a refusal. */
export type RequestGround = AccessRequest['grounds'][number]

export type AccessRequest = Answer<'/api/gateway/access-requests/{id}', 'get'>

export type RequestAddressees = NonNullable<AccessRequest['addressees']>

export type Grant = Item<Answer<'/api/gateway/grants', 'get'>>

/** The profile's gateway section: who operates, who recommends and who decides, with citations. */
export type GatewayOptions = Answer<'/api/gateway/options', 'get'>

export type ServiceStatus = GatewayStatus['services'][number]

export type RecentExchange = GatewayStatus['recent'][number]

export type GatewayStatus = Answer<'/api/gateway/status', 'get'>

export type Exchange = Item<Answer<'/api/gateway/exchanges', 'get'>>

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
