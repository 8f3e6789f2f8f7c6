// How a regulation is named on screen: 'Peraturan Wali Kota Nomor 31 Tahun 2020'.
// Unknown number or year (some files lack a title page) is said so, never guessed.

export interface RegulationName {
  instrument: string
  number: string | null
  year: number | null
}

export function regulationLabel(r: RegulationName, unknown: string): string {
  const number = r.number ? r.number : unknown
  const year = r.year ? String(r.year) : unknown
  return `${r.instrument} Nomor ${number} Tahun ${year}`
}
