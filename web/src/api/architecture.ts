// Arsitektur SPBE and Peta Rencana (docs/spbe-architecture.md): elements of the six domains and
// their relations, the approved documents with their reviews, the roadmap's initiatives, import
// and export. The shapes below mirror that contract; the screens rely on nothing else.
import { api, download, listQuery, upload, type UploadOptions } from './client'
import type { ListPage, ListQuery, RuleRef } from './types'
import type { Answer, Item, Refine, Schema } from './contract'

const enc = encodeURIComponent

export const DOMAINS = ['layanan', 'proses_bisnis', 'data_informasi', 'aplikasi', 'infrastruktur', 'keamanan'] as const
export type Domain = (typeof DOMAINS)[number]

export const ELEMENT_STATES = ['as_is', 'to_be', 'retired'] as const
export type ElementState = (typeof ELEMENT_STATES)[number]

export const RELATION_TYPES = ['realised_by', 'supported_by', 'uses_data', 'runs_on', 'protected_by', 'integrates_with'] as const
export type RelationType = (typeof RELATION_TYPES)[number]

/** The only allowed source → target pairs per relation type (the contract's table). */
export const RELATION_RULES: Record<RelationType, { sources: readonly Domain[]; target: Domain }> = {
  realised_by: { sources: ['layanan'], target: 'proses_bisnis' },
  supported_by: { sources: ['layanan', 'proses_bisnis'], target: 'aplikasi' },
  uses_data: { sources: ['layanan', 'proses_bisnis', 'aplikasi'], target: 'data_informasi' },
  runs_on: { sources: ['aplikasi', 'data_informasi'], target: 'infrastruktur' },
  protected_by: { sources: ['layanan', 'aplikasi', 'data_informasi', 'infrastruktur'], target: 'keamanan' },
  integrates_with: { sources: ['aplikasi'], target: 'aplikasi' },
}

export type AttributeValue = string | number | boolean | null

export interface ArchElement {
  id: string
  code: string
  name: string
  description: string | null
  domain: Domain
  level: number
  parent_id: string | null
  reference_code: string | null
  owner_agency_id: string
  owner_agency_name: string | null
  state: ElementState
  attributes: Record<string, AttributeValue>
  created_at: string
  updated_at: string
}

// A node of GET /api/architecture/elements/{id}/graph; src/architecture/openapi.cpp does not yet
// list the domain and state enums.
export type ElementRef = Refine<Item<Answer<'/api/architecture/elements/{id}/graph', 'get'>['nodes']>, {
  domain: Domain
  state: ElementState
}>

export type Effect = 'create' | 'change' | 'retire'
export const EFFECTS: readonly Effect[] = ['create', 'change', 'retire']

export interface ElementRelation {
  id: string
  type: RelationType
  direction: 'out' | 'in'
  description: string | null
  other: ElementRef
}

export interface ElementDetail extends ArchElement {
  relations: ElementRelation[]
  initiatives: { id: string; code: string; name: string; effect: Effect }[]
}

export interface ElementInput {
  code?: string
  name?: string
  description?: string | null
  domain?: Domain
  level?: number
  parent_id?: string | null
  reference_code?: string | null
  owner_agency_id?: string
  state?: ElementState
  attributes?: Record<string, AttributeValue>
}

export interface ElementQuery extends ListQuery {
  domain?: Domain
  state?: ElementState | ''
  owner_agency_id?: string
  reference_code?: string
}

export interface Edge {
  id: string
  source: string
  target: string
  type: RelationType
}

export interface Graph {
  nodes: ElementRef[]
  edges: Edge[]
}

export const TRACE_LAYERS = ['proses_bisnis', 'aplikasi', 'data_informasi', 'infrastruktur', 'keamanan'] as const

export interface Trace {
  service: ArchElement
  layers: Record<(typeof TRACE_LAYERS)[number], ArchElement[]>
  edges: Edge[]
}

export interface GapDomain {
  domain: Domain
  as_is: number
  to_be: number
  retired: number
  to_be_items: ArchElement[]
  retired_items: ArchElement[]
  unplanned: ArchElement[]
}

export interface ReviewDue {
  label: string
  due: string
  window_start: string
  review_id: string | null
  overdue: boolean
}

/** An item of a status check: an element, a review that is due, or a document out of its period. */
export interface StatusItem {
  id?: string
  code?: string
  name?: string
  domain?: Domain
  document_id?: string
  kind?: DocumentKind
  version?: number
  label?: string
  due?: string
  overdue?: boolean
  period_start?: number
  period_end?: number
  rule?: RuleRef | null
}

export interface StatusCheck {
  id: string
  ok: boolean
  rule: RuleRef | null
  count: number
  items: StatusItem[]
}

/** A kind the region's profile names (GET /api/architecture/document-kinds): arsitektur, peta_rencana, rencana_induk … */
export type DocumentKind = string
/** The kinds every region has; the others come from documentKinds(). */
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['arsitektur', 'peta_rencana']
export type DocumentKindInfo = Item<Answer<'/api/architecture/document-kinds', 'get'>>
export type DocumentStatus = 'draft' | 'approved' | 'superseded'

export interface Reason {
  id: string
  name: string
}

export interface Review {
  id: string
  date: string
  reasons: Reason[]
  summary: string
  outcome: 'tetap' | 'perlu_perubahan'
  decree_number: string | null
  recorded_by_name: string | null
}

export interface ArchDocument {
  id: string
  kind: DocumentKind
  version: number
  title: string
  status: DocumentStatus
  notes: string | null
  instrument: { type: string | null; number: string | null; date: string | null; rule: RuleRef | null } | null
  period_start: number
  period_end: number
  approved_at: string | null
  approved_by_name: string | null
  element_count: number | null
  relation_count: number | null
  domain_coordinators?: { domain: Domain; role_id: string | null; agency_id: string | null; agency_name: string | null }[]
  coordinators_rule?: RuleRef | null
  reviews?: Review[]
  review_schedule?: ReviewDue[]
  review_rule?: RuleRef | null
  reasons_allowed?: Reason[]
  decree_required?: boolean
  parts?: Schema<'ArchitectureDocument'>['parts']
}

export interface DocumentInput {
  kind?: DocumentKind
  title?: string
  period_start?: number
  period_end?: number | null
  notes?: string | null
  /** Domain -> agency id; null removes the domain's coordinator. */
  domain_coordinators?: Partial<Record<Domain, string | null>>
  /** Part kind -> id of the linked document; null unlinks (a Rencana Induk's architecture and roadmap). */
  parts?: Record<string, string | null>
}

export interface ReviewInput {
  date: string
  reasons: string[]
  summary: string
  outcome: 'tetap' | 'perlu_perubahan'
  decree_number?: string
}

export interface DiffChange {
  code: string
  name: string
  fields: { field: string; before: unknown; after: unknown }[]
}

export interface DiffRelation {
  source_code: string
  type: RelationType
  target_code: string
}

export interface Diff {
  from: { id: string; version: number }
  to: { id: string; version: number } | 'live'
  elements: { added: ArchElement[]; removed: ArchElement[]; changed: DiffChange[] }
  relations: { added: DiffRelation[]; removed: DiffRelation[] }
}

export const INITIATIVE_STATUSES = ['rencana', 'berjalan', 'selesai', 'tertunda', 'batal'] as const
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number]

export interface Monitoring {
  id: string
  year: number
  progress: number
  status: InitiativeStatus
  note: string | null
  recorded_by_name: string | null
  recorded_at: string
}

export interface Initiative {
  id: string
  code: string
  name: string
  description: string | null
  category: string
  category_name: string | null
  owner_agency_id: string
  owner_agency_name: string | null
  start_year: number
  target_year: number
  status: InitiativeStatus
  elements: { element_id: string; code: string; name: string; domain: Domain; effect: Effect }[]
  monitoring: Monitoring[]
}

export interface InitiativeInput {
  code: string
  name: string
  description?: string | null
  category: string
  owner_agency_id: string
  start_year: number
  target_year: number
  status?: InitiativeStatus
  elements?: { element_id: string; effect: Effect }[]
}

export interface InitiativeQuery {
  category?: string
  status?: InitiativeStatus | ''
  owner_agency_id?: string
  year?: number | null
}

export interface MonitoringInput {
  year: number
  progress: number
  status: InitiativeStatus
  note: string
}

export interface ImportProblem {
  sheet: string | null
  row: number | null
  column: string | null
  message: string
}

export interface ImportResult {
  dry_run: boolean
  ok: boolean
  elements_created: number
  elements_updated: number
  relations_created: number
  rows: number
  problems: ImportProblem[]
}

export interface ReferenceItem {
  code: string
  level: number
  parent: string | null
  name: string
}

export interface Reference {
  id: string
  title: string
  source: string
  confidence: string
  notes: string | null
  domains: { domain: Domain; reference: string; name: string; level_names: string[]; confidence: string; items: ReferenceItem[] }[]
}

/** The contract calls the documents answer "versions": accept a page or a bare array. */
function items<T>(answer: ListPage<T> | T[]): T[] {
  return Array.isArray(answer) ? answer : answer.items
}

export const architectureApi = {
  reference: () => api.get<Reference>('/api/architecture/reference'),

  elements: (q: ElementQuery) =>
    api.get<ListPage<ArchElement>>('/api/architecture/elements', {
      query: { ...listQuery(q), domain: q.domain, state: q.state, owner_agency_id: q.owner_agency_id, reference_code: q.reference_code },
    }),
  element: (id: string) => api.get<ElementDetail>(`/api/architecture/elements/${enc(id)}`),
  createElement: (input: ElementInput) => api.post<ArchElement>('/api/architecture/elements', input),
  updateElement: (id: string, input: ElementInput) => api.patch<ArchElement>(`/api/architecture/elements/${enc(id)}`, input),
  deleteElement: (id: string) => api.del(`/api/architecture/elements/${enc(id)}`),
  graph: (id: string, depth = 2) => api.get<Graph>(`/api/architecture/elements/${enc(id)}/graph`, { query: { depth } }),
  trace: (id: string) => api.get<Trace>(`/api/architecture/elements/${enc(id)}/trace`),

  createRelation: (input: { source_id: string; type: RelationType; target_id: string; description?: string }) =>
    api.post<{ id: string }>('/api/architecture/relations', input),
  deleteRelation: (id: string) => api.del(`/api/architecture/relations/${enc(id)}`),

  gap: () => api.get<{ domains: GapDomain[] }>('/api/architecture/gap'),
  status: () => api.get<{ checks: StatusCheck[] }>('/api/architecture/status'),

  documentKinds: () => api.get<DocumentKindInfo[]>('/api/architecture/document-kinds'),
  documents: async (kind?: DocumentKind) => items(await api.get<ListPage<ArchDocument> | ArchDocument[]>('/api/architecture/documents', { query: { kind } })),
  document: (id: string) => api.get<ArchDocument>(`/api/architecture/documents/${enc(id)}`),
  createDocument: (input: DocumentInput) => api.post<ArchDocument>('/api/architecture/documents', input),
  updateDocument: (id: string, input: DocumentInput) => api.patch<ArchDocument>(`/api/architecture/documents/${enc(id)}`, input),
  approveDocument: (id: string, input: { instrument_number: string; instrument_date: string }) =>
    api.post<ArchDocument>(`/api/architecture/documents/${enc(id)}/approve`, input),
  recordReview: (id: string, input: ReviewInput) => api.post<Review>(`/api/architecture/documents/${enc(id)}/reviews`, input),
  diff: (id: string, against: string) => api.get<Diff>(`/api/architecture/documents/${enc(id)}/diff`, { query: { against } }),

  initiatives: (q: InitiativeQuery & ListQuery) =>
    api.get<ListPage<Initiative>>('/api/roadmap/initiatives', {
      query: { ...listQuery(q), category: q.category, status: q.status, owner_agency_id: q.owner_agency_id, year: q.year },
    }),
  initiative: (id: string) => api.get<Initiative>(`/api/roadmap/initiatives/${enc(id)}`),
  createInitiative: (input: InitiativeInput) => api.post<Initiative>('/api/roadmap/initiatives', input),
  updateInitiative: (id: string, input: Partial<InitiativeInput>) => api.patch<Initiative>(`/api/roadmap/initiatives/${enc(id)}`, input),
  deleteInitiative: (id: string) => api.del(`/api/roadmap/initiatives/${enc(id)}`),
  recordMonitoring: (id: string, input: MonitoringInput) => api.post<Monitoring>(`/api/roadmap/initiatives/${enc(id)}/monitoring`, input),

  importFile: (file: Blob, contentType: string, query: { dry_run: boolean; kind?: 'elements' | 'relations' }, opts: Omit<UploadOptions, 'query'> = {}) =>
    upload<ImportResult>('/api/architecture/import', file, contentType, { ...opts, query: { dry_run: String(query.dry_run), kind: query.kind } }),
  exportModel: (format: 'xlsx' | 'xml') => download(`/api/architecture/export.${format}`),
}
