// Reading an OpenAPI 3 document for display: its operations in path order, parameters merged from
// the path and the operation, and local $refs ("#/components/...") resolved so a consumer sees the
// schema itself. Documents are uploaded by agencies, so nothing here trusts their shape.
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
export type JsonObject = { [key: string]: Json }

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const

export interface Parameter {
  name: string
  in: string
  required: boolean
  description: string
  schema: Json | null
}

export interface Operation {
  key: string
  path: string
  method: string
  summary: string
  description: string
  deprecated: boolean
  parameters: Parameter[]
  requestBody: { description: string; required: boolean; content: { type: string; schema: Json | null; example: Json | null }[] } | null
  responses: { code: string; description: string; content: { type: string; schema: Json | null }[] }[]
}

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown) => (typeof v === 'string' ? v : '')

/** The node a local JSON pointer names, or null. */
function pointer(doc: JsonObject, ref: string): Json | null {
  if (!ref.startsWith('#/')) return null
  let node: Json = doc
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (!isObject(node) || !(key in node)) return null
    node = node[key] ?? null
  }
  return node
}

/** `node` with local $refs replaced by what they point at; a cycle or depth > 12 keeps the $ref. */
export function resolveRefs(doc: JsonObject, node: Json | undefined, seen: string[] = []): Json | null {
  if (node === undefined) return null
  if (Array.isArray(node)) return node.map((n) => resolveRefs(doc, n, seen))
  if (!isObject(node)) return node
  const ref = node.$ref
  if (typeof ref === 'string') {
    if (seen.includes(ref) || seen.length > 12) return { $ref: ref }
    const target = pointer(doc, ref)
    return target === null ? { $ref: ref } : resolveRefs(doc, target, [...seen, ref])
  }
  const out: JsonObject = {}
  for (const [k, v] of Object.entries(node)) out[k] = resolveRefs(doc, v, seen) as Json
  return out
}

function parameters(doc: JsonObject, list: Json | undefined): Parameter[] {
  if (!Array.isArray(list)) return []
  return list.map((p) => resolveRefs(doc, p)).filter(isObject).map((p) => ({
    name: str(p.name),
    in: str(p.in),
    required: p.required === true,
    description: str(p.description),
    schema: p.schema ?? null,
  }))
}

function contentOf(content: Json | undefined) {
  if (!isObject(content)) return []
  return Object.entries(content).map(([type, media]) => ({
    type,
    schema: isObject(media) ? media.schema ?? null : null,
    example: isObject(media) ? media.example ?? null : null,
  }))
}

/** Every operation of the document, in the order its paths are written. */
export function operationsOf(doc: JsonObject): Operation[] {
  const paths = doc.paths
  if (!isObject(paths)) return []
  const out: Operation[] = []
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = resolveRefs(doc, rawItem)
    if (!isObject(item)) continue
    const shared = parameters(doc, item.parameters)
    for (const method of METHODS) {
      const op = item[method]
      if (!isObject(op)) continue
      const own = parameters(doc, op.parameters)
      const merged = [...shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in)), ...own]
      const body = resolveRefs(doc, op.requestBody)
      const responses = isObject(op.responses) ? op.responses : {}
      out.push({
        key: `${method} ${path}`,
        path,
        method: method.toUpperCase(),
        summary: str(op.summary),
        description: str(op.description),
        deprecated: op.deprecated === true,
        parameters: merged,
        requestBody: isObject(body) ? { description: str(body.description), required: body.required === true, content: contentOf(body.content) } : null,
        responses: Object.entries(responses).map(([code, r]) => {
          const resp = resolveRefs(doc, r)
          return { code, description: isObject(resp) ? str(resp.description) : '', content: isObject(resp) ? contentOf(resp.content) : [] }
        }),
      })
    }
  }
  return out
}
