// Formatting for people, per UI language. Indonesian uses '22 Nov 2026 16.35' and 'Rp 1.250.000'.
import type { Locale } from '@/api/types'

const intlLocale: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' }

/**
 * The Pemda's time zone (IANA, e.g. 'Asia/Makassar' for WITA), from /api/auth/me: every date and
 * time is shown in it, wherever the browser is. Undefined (before sign-in): the browser's own.
 */
let displayTimeZone: string | undefined
let displayZoneLabel = ''

export function setDisplayTimeZone(iana: string | undefined, label = ''): void {
  displayTimeZone = iana
  displayZoneLabel = label
}

/** 'WITA' etc., or '' before sign-in. */
export function displayZone(): string {
  return displayZoneLabel
}

function parts(date: Date, locale: Locale, withTime: boolean): Record<string, string> {
  const fmt = new Intl.DateTimeFormat(intlLocale[locale], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: displayTimeZone,
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
  })
  const out: Record<string, string> = {}
  for (const p of fmt.formatToParts(date)) out[p.type] = p.value
  return out
}

function parse(value: string | Date | null | undefined): Date | null {
  if (!value) return null
  const d = value instanceof Date ? value : new Date(value)
  return Number.isNaN(d.getTime()) ? null : d
}

/** '22 Nov 2026 16.35' (id) or '22 Nov 2026 16:35' (en), in the Pemda's time zone; '—' when absent. */
export function formatDateTime(value: string | Date | null | undefined, locale: Locale): string {
  const d = parse(value)
  if (!d) return '—'
  const p = parts(d, locale, true)
  const sep = locale === 'id' ? '.' : ':'
  return `${p.day} ${p.month} ${p.year} ${p.hour}${sep}${p.minute}`
}

/** '22 Nov 2026'; '—' when absent. */
export function formatDate(value: string | Date | null | undefined, locale: Locale): string {
  const d = parse(value)
  if (!d) return '—'
  const p = parts(d, locale, false)
  return `${p.day} ${p.month} ${p.year}`
}

/** Whole numbers with the language's grouping: 1.250 (id), 1,250 (en). */
export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: 0 }).format(n)
}

/** Money is integer Rupiah on the wire; shown as 'Rp 1.250.000' in both languages (the official style). */
export function formatRupiah(amount: number): string {
  const sign = amount < 0 ? '-' : ''
  return `${sign}Rp ${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 }).format(Math.abs(Math.round(amount)))}`
}

/** The first characters of a hash, enough to tell entries apart on screen. */
export function shortHash(hash: string, length = 12): string {
  return hash.length > length ? `${hash.slice(0, length)}…` : hash
}

/** Today's date in the Pemda's time zone as YYYY-MM-DD: the "today" of deadlines and file names. */
export function isoDateToday(now: Date = new Date()): string {
  const p: Record<string, string> = {}
  for (const x of new Intl.DateTimeFormat('en-GB', { timeZone: displayTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now))
    p[x.type] = x.value
  return `${p.year}-${p.month}-${p.day}`
}

/** A file size for people: '812 B', '12,5 KB' (id) / '12.5 KB' (en), '3,2 MB'. */
export function formatBytes(n: number, locale: Locale): string {
  const f = (v: number) => new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: 1 }).format(v)
  if (n < 1024) return `${formatNumber(n, locale)} B`
  if (n < 1024 * 1024) return `${f(n / 1024)} KB`
  return `${f(n / (1024 * 1024))} MB`
}
