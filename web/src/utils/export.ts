// Export of the rows a table shows, as CSV or XLSX. The XLSX writer is loaded only when asked for,
// so it stays out of every route's first load.
import { isoDateToday } from './format'

export type CellValue = string | number | boolean | null | undefined

export interface ExportColumn<T> {
  header: string
  value: (row: T) => CellValue
}

/** 'perangkat-daerah' -> 'perangkat-daerah-2026-11-22.csv' */
export function exportFileName(base: string, ext: string, now?: Date): string {
  return `${base}-${isoDateToday(now)}.${ext}`
}

/** "-5", "+62812", "-1.250,5": a number a spreadsheet reads as a number, not as a formula. */
function isSignedNumber(s: string): boolean {
  return /^[-+][0-9][0-9.,]*$/.test(s)
}

/**
 * Against formula injection (OWASP, "CSV Injection") a text cell that starts with '=', '+', '-', '@',
 * tab or CR, also behind apostrophes, gets an apostrophe before it so a spreadsheet shows it as text;
 * a signed number is left as it is. The server's CSV writer guards the same way (src/interchange/csv.hpp),
 * and its reader removes the apostrophe again, so an exported file imports back unchanged.
 */
export function guardFormula(s: string): string {
  const rest = s.replace(/^'+/, '')
  if (rest === '' || !'=+-@\t\r'.includes(rest[0]!) || isSignedNumber(rest)) return s
  return `'${s}`
}

function csvCell(v: CellValue): string {
  if (v === null || v === undefined) return ''
  const s = typeof v === 'string' ? guardFormula(v) : String(v)
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** ',' is RFC 4180's; ';' is what Excel expects under Indonesian regional settings (the decimal comma). */
export type CsvSeparator = ',' | ';'

/** RFC 4180 CSV with CRLF line ends, separated by `separator`. */
export function toCsv<T>(rows: readonly T[], columns: readonly ExportColumn<T>[], separator: CsvSeparator = ','): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(separator)]
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(separator))
  return lines.join('\r\n') + '\r\n'
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Revoke later: some browsers start reading the blob only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000)
}

export function exportCsv<T>(base: string, rows: readonly T[], columns: readonly ExportColumn<T>[], separator: CsvSeparator = ','): string {
  const name = exportFileName(base, 'csv')
  // The byte-order mark makes spreadsheet programs read the file as UTF-8 (names carry accents).
  downloadBlob(new Blob(['\ufeff', toCsv(rows, columns, separator)], { type: 'text/csv;charset=utf-8' }), name)
  return name
}

export async function exportXlsx<T>(base: string, rows: readonly T[], columns: readonly ExportColumn<T>[]): Promise<string> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser')
  const name = exportFileName(base, 'xlsx')
  const header = columns.map((c) => ({ value: c.header, fontWeight: 'bold' as const }))
  const body = rows.map((row) =>
    columns.map((c) => {
      const v = c.value(row)
      return v === undefined || v === null || v === '' ? null : { value: v }
    }),
  )
  const blob = await writeXlsxFile([header, ...body], { stickyRowsCount: 1 }).toBlob()
  downloadBlob(blob, name)
  return name
}
