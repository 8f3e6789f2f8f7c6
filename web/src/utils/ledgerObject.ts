// The object of a ledger entry as people name it: the name (or label, title, username, code) the
// entry itself recorded at the time, else the one an earlier entry of the same object recorded.
// Ids are kept for the audit view, never shown as the object's name.
import type { LedgerEntry } from '@/api/types'

const NAME_KEYS = ['display_name', 'name', 'label', 'title', 'object_label', 'username', 'code'] as const

function nameIn(value: unknown, depth = 0): string {
  if (!value || typeof value !== 'object' || depth > 2) return ''
  const o = value as Record<string, unknown>
  for (const k of NAME_KEYS) {
    const v = o[k]
    if (typeof v === 'string' && v.trim()) return v.trim()
  }
  // Changes record the object under after/before/record: the state after the change names it.
  for (const k of ['after', 'record', 'before']) {
    const found = nameIn(o[k], depth + 1)
    if (found) return found
  }
  return ''
}

/** The name an entry's details recorded for its object, or ''. */
export function recordedName(entry: Pick<LedgerEntry, 'details'>): string {
  if (!entry.details) return ''
  try {
    return nameIn(JSON.parse(entry.details))
  } catch {
    return ''
  }
}

/** Names per object ("type/id") from a list of entries, each entry's own or the nearest earlier one's. */
export function objectNames(entries: readonly LedgerEntry[]): Map<number, string> {
  const known = new Map<string, string>()
  const out = new Map<number, string>()
  for (const e of [...entries].sort((a, b) => a.seq - b.seq)) {
    const key = `${e.object_type}/${e.object_id}`
    const own = recordedName(e)
    if (own) known.set(key, own)
    out.set(e.seq, own || known.get(key) || '')
  }
  return out
}
