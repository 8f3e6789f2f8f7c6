// The one way the console talks to the server. It follows docs/api.md: cookie session (same-origin),
// X-CSRF-Token on every request that changes something, Accept-Language for the server's messages,
// and the error shape {"error": {code, message, details, rule}}.
import type { ApiErrorBody, ListPage, ListQuery, Locale, RuleRef } from './types'

/** An error the server (or the network) reported; `message` is already in the user's language. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly details: Record<string, unknown> | null
  readonly rule: RuleRef | null
  readonly requestId: string | null

  constructor(status: number, body: ApiErrorBody, requestId: string | null) {
    super(body.message)
    this.name = 'ApiError'
    this.status = status
    this.code = body.code
    this.details = body.details ?? null
    this.rule = body.rule ?? null
    this.requestId = requestId
  }
}

/** Codes the client invents when the server gave no catalogue error; the UI translates them. */
export const CLIENT_ERROR = {
  network: 'client.network',
  unexpected: 'client.unexpected_response',
} as const

interface ClientHooks {
  locale: () => Locale
  csrfToken: () => string | null
  /** Called when a session-bearing call answers 401: the session is gone. */
  onUnauthorized: (err: ApiError) => void
}

let hooks: ClientHooks = {
  locale: () => 'id',
  csrfToken: () => null,
  onUnauthorized: () => undefined,
}

/** Wires the client to the stores and router; main.ts calls this once, so this module imports neither. */
export function configureClient(h: ClientHooks): void {
  hooks = h
}

export interface RequestOptions {
  body?: unknown
  query?: Record<string, string | number | undefined | null>
  /** Set for calls where 401 is an expected answer (login, the first /me), not an expired session. */
  expectUnauthorized?: boolean
}

const SAFE_METHODS = new Set(['GET', 'HEAD'])

export function withQuery(path: string, query?: RequestOptions['query']): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    params.set(key, String(value))
  }
  const qs = params.toString()
  return qs ? `${path}?${qs}` : path
}

export function listQuery(q: ListQuery): Record<string, string | number | undefined> {
  return { q: q.q, sort: q.sort, order: q.order, page: q.page, per_page: q.per_page }
}

/**
 * Paging of the newer lists (applications, compliance): docs/applications.md names limit/offset,
 * the server's common list code reads page/per_page. Both are sent; the answer is {items, total}.
 */
export interface PageParams {
  page: number
  per_page: number
  limit: number
  offset: number
}

export async function pageOf<T>(q: ListQuery, get: (p: PageParams) => Promise<{ items: T[]; total: number }>): Promise<ListPage<T>> {
  const perPage = q.per_page ?? 50
  const page = q.page ?? 1
  const answer = await get({ page, per_page: perPage, limit: perPage, offset: (page - 1) * perPage })
  return { items: answer.items, total: answer.total, page, per_page: perPage }
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': hooks.locale(),
  }
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json'
  if (!SAFE_METHODS.has(method)) {
    const token = hooks.csrfToken()
    if (token) headers['X-CSRF-Token'] = token
  }

  let res: Response
  try {
    res = await fetch(withQuery(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    })
  } catch {
    throw new ApiError(0, { code: CLIENT_ERROR.network, message: '' }, null)
  }

  const requestId = res.headers.get('X-Request-Id')
  if (res.status === 204) return undefined as T

  const text = await res.text()
  if (!res.ok) throw failure(res.status, text, requestId, opts.expectUnauthorized)
  let parsed: unknown = null
  if (text) {
    try {
      parsed = JSON.parse(text)
    } catch {
      throw new ApiError(res.status, { code: CLIENT_ERROR.unexpected, message: '' }, requestId)
    }
  }
  return parsed as T
}

function errorBody(parsed: unknown): ApiErrorBody {
  if (parsed && typeof parsed === 'object' && 'error' in parsed) {
    const e = (parsed as { error: unknown }).error
    if (e && typeof e === 'object' && typeof (e as ApiErrorBody).code === 'string') return e as ApiErrorBody
  }
  return { code: CLIENT_ERROR.unexpected, message: '' }
}

/** A file the server sends (exports): the bytes and the name it suggests in Content-Disposition. */
export interface Download {
  blob: Blob
  fileName: string | null
}

/** GET of a binary answer. Errors come back in the usual JSON shape and are thrown as ApiError. */
export async function download(path: string, opts: Pick<RequestOptions, 'query'> = {}): Promise<Download> {
  let res: Response
  try {
    res = await fetch(withQuery(path, opts.query), { headers: { 'Accept-Language': hooks.locale() }, credentials: 'same-origin' })
  } catch {
    throw new ApiError(0, { code: CLIENT_ERROR.network, message: '' }, null)
  }
  if (!res.ok) {
    const text = await res.text().catch(() => '')
    throw failure(res.status, text, res.headers.get('X-Request-Id'), false)
  }
  const disposition = res.headers.get('Content-Disposition') ?? ''
  const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)
  return { blob: await res.blob(), fileName: m?.[1] ? decodeURIComponent(m[1]) : null }
}

export interface UploadOptions {
  query?: RequestOptions['query']
  /** Called with 0..1 while the body is sent. */
  onProgress?: (fraction: number) => void
  /** Called once every byte is sent and the server is working on the answer. */
  onSent?: () => void
}

/**
 * POST of a raw body (a file) with its own Content-Type. XMLHttpRequest rather than fetch, because
 * only it reports upload progress.
 */
export function upload<T>(path: string, body: Blob, contentType: string, opts: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', withQuery(path, opts.query))
    xhr.withCredentials = true
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.setRequestHeader('Accept-Language', hooks.locale())
    xhr.setRequestHeader('Content-Type', contentType)
    const token = hooks.csrfToken()
    if (token) xhr.setRequestHeader('X-CSRF-Token', token)
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) opts.onProgress?.(e.loaded / e.total)
    }
    xhr.upload.onload = () => {
      opts.onProgress?.(1)
      opts.onSent?.()
    }
    xhr.onerror = () => reject(new ApiError(0, { code: CLIENT_ERROR.network, message: '' }, null))
    xhr.onload = () => {
      const requestId = xhr.getResponseHeader('X-Request-Id')
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(failure(xhr.status, xhr.responseText, requestId, false))
        return
      }
      try {
        resolve(JSON.parse(xhr.responseText) as T)
      } catch {
        reject(new ApiError(xhr.status, { code: CLIENT_ERROR.unexpected, message: '' }, requestId))
      }
    }
    xhr.send(body)
  })
}

/** The ApiError for a failed answer; a 401 also tells the app the session is gone. */
function failure(status: number, text: string, requestId: string | null, expectUnauthorized: boolean | undefined): ApiError {
  let parsed: unknown = null
  try {
    parsed = text ? JSON.parse(text) : null
  } catch {
    parsed = null
  }
  const err = new ApiError(status, errorBody(parsed), requestId)
  if (status === 401 && !expectUnauthorized) hooks.onUnauthorized(err)
  return err
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, { ...opts, body }),
  patch: <T>(path: string, body: unknown, opts?: RequestOptions) => request<T>('PATCH', path, { ...opts, body }),
  put: <T>(path: string, body: unknown, opts?: RequestOptions) => request<T>('PUT', path, { ...opts, body }),
  del: (path: string, opts?: RequestOptions) => request<void>('DELETE', path, opts),
}
