// Where the object of a finding lives in the console: an application's page, the architecture
// documents (the version selected), or a service's element page.
import type { RouteLocationRaw } from 'vue-router'
import type { Finding } from '@/api/compliance'

const DOCUMENT_KINDS = ['arsitektur', 'peta_rencana', 'rencana_induk']

/**
 * A document finding's object is the version in force, or — when none is — the kind itself
 * ('arsitektur' / 'peta_rencana'). The finding does not carry the kind of a version, so it is read
 * from details.kind when present, else from the label the server gives ('Peta Rencana SPBE v2').
 */
function documentKind(f: Pick<Finding, 'object_id' | 'object_label' | 'details'>): string {
  if (DOCUMENT_KINDS.includes(f.object_id)) return f.object_id
  const kind = f.details?.kind
  if (typeof kind === 'string' && DOCUMENT_KINDS.includes(kind)) return kind
  if (/^rencana induk/i.test(f.object_label ?? '')) return 'rencana_induk'
  return /^peta rencana/i.test(f.object_label ?? '') ? 'peta_rencana' : 'arsitektur'
}

export function findingObjectRoute(f: Pick<Finding, 'subject' | 'object_id' | 'object_label' | 'details'>): RouteLocationRaw | null {
  if (!f.object_id) return null
  if (f.subject === 'application') return { name: 'application', params: { id: f.object_id } }
  if (f.subject === 'service') return { name: 'architecture-element', params: { id: f.object_id } }
  if (f.subject === 'architecture_document') {
    const kind = documentKind(f)
    return { name: 'architecture-documents', query: DOCUMENT_KINDS.includes(f.object_id) ? { kind } : { kind, versi: f.object_id } }
  }
  return null
}
