// Where the object of a finding lives in the console: an application's page, the architecture
// documents (the version selected), or a service's element page.
import type { RouteLocationRaw } from 'vue-router'
import type { Finding } from '@/api/compliance'

export function findingObjectRoute(f: Pick<Finding, 'subject' | 'object_id' | 'details'>): RouteLocationRaw | null {
  if (!f.object_id) return null
  if (f.subject === 'application') return { name: 'application', params: { id: f.object_id } }
  if (f.subject === 'service') return { name: 'architecture-element', params: { id: f.object_id } }
  if (f.subject === 'architecture_document') {
    const kind = f.details?.kind
    return { name: 'architecture-documents', query: { kind: typeof kind === 'string' ? kind : undefined, versi: f.object_id } }
  }
  return null
}
