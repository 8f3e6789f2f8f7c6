// Arsitektur SPBE and Peta Rencana (docs/spbe-architecture.md): elements of the six domains and
// their relations, the approved documents with their reviews, the roadmap's initiatives, import
// and export. The shapes below mirror that contract; the screens rely on nothing else.
import { api, download, listQuery, upload, type UploadOptions } from './client'
import type { ListPage, ListQuery } from './types'
import type { Answer, Body, Item } from './contract'

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

export type ArchElement = Item<Answer<'/api/architecture/elements', 'get'>>

// A node of GET /api/architecture/elements/{id}/graph.
export type ElementRef = Item<Answer<'/api/architecture/elements/{id}/graph', 'get'>['nodes']>

export type Effect = 'create' | 'change' | 'retire'
export const EFFECTS: readonly Effect[] = ['create', 'change', 'retire']

export type ElementRelation = ElementDetail['relations'][number]

export type ElementDetail = Answer<'/api/architecture/elements/{id}', 'get'>

export type ElementInput = Body<'/api/architecture/elements/{id}', 'patch'>

export interface ElementQuery extends ListQuery {
  domain?: Domain
  state?: ElementState | ''
  owner_agency_id?: string
  reference_code?: string
}

export type Edge = Graph['edges'][number]

export type Graph = Answer<'/api/architecture/elements/{id}/graph', 'get'>

export const TRACE_LAYERS = ['proses_bisnis', 'aplikasi', 'data_informasi', 'infrastruktur', 'keamanan'] as const

export type Trace = Answer<'/api/architecture/elements/{id}/trace', 'get'>

export type GapDomain = Answer<'/api/architecture/gap', 'get'>['domains'][number]

export type ReviewDue = NonNullable<ArchDocument['review_schedule']>[number]

/** An item of a status check: an element, a review that is due, or a document out of its period. */
export type StatusItem = StatusCheck['items'][number]

export type StatusCheck = Answer<'/api/architecture/status', 'get'>['checks'][number]

/** A kind the region's profile names (GET /api/architecture/document-kinds): arsitektur, peta_rencana, rencana_induk … */
export type DocumentKind = string
/** The kinds every region has; the others come from documentKinds(). */
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['arsitektur', 'peta_rencana']
export type DocumentKindInfo = Item<Answer<'/api/architecture/document-kinds', 'get'>>
export type DocumentStatus = ArchDocument['status']

export type Reason = NonNullable<ArchDocument['reasons_allowed']>[number]

export type Review = Answer<'/api/architecture/documents/{id}/reviews', 'post'>

export type ArchDocument = Answer<'/api/architecture/documents/{id}', 'get'>

export type DocumentInput = Body<'/api/architecture/documents/{id}', 'patch'>

export type ReviewInput = Body<'/api/architecture/documents/{id}/reviews', 'post'>

export type DiffChange = Diff['elements']['changed'][number]

export type DiffRelation = Diff['relations']['added'][number]

export type Diff = Answer<'/api/architecture/documents/{id}/diff', 'get'>

export const INITIATIVE_STATUSES = ['rencana', 'berjalan', 'selesai', 'tertunda', 'batal'] as const
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number]

export type Monitoring = Initiative['monitoring'][number]

export type Initiative = Answer<'/api/roadmap/initiatives/{id}', 'get'>

export type InitiativeInput = Body<'/api/roadmap/initiatives', 'post'>

export interface InitiativeQuery {
  category?: string
  status?: InitiativeStatus | ''
  owner_agency_id?: string
  year?: number | null
}

export type MonitoringInput = Body<'/api/roadmap/initiatives/{id}/monitoring', 'post'>

export type ImportProblem = ImportResult['problems'][number]

/** Downloads that help to fill an import file, with the tenant's own allowed values. */
export const IMPORT_TEMPLATES = {
  xlsx: '/api/architecture/import/template.xlsx',
  elementsCsv: '/api/architecture/import/template.csv?kind=elements',
  relationsCsv: '/api/architecture/import/template.csv?kind=relations',
  values: '/api/architecture/import/allowed-values.csv',
} as const

export type ImportResult = Answer<'/api/architecture/import', 'post'>

export type ReferenceItem = Reference['domains'][number]['items'][number]

export type Reference = Answer<'/api/architecture/reference', 'get'>

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
  /** One sheet as CSV, UTF-8 with BOM: ';' for Excel with Indonesian regional settings, or ','. */
  exportCsv: (kind: 'elements' | 'relations', separator: 'semicolon' | 'comma') =>
    download('/api/architecture/export.csv', { query: { kind, separator } }),
}
