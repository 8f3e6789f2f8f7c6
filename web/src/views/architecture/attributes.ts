// The domain-specific attributes of an element (the contract's attribute table). The form builds
// its fields from this list; the server validates the same list.
import type { AttributeValue, Domain } from '@/api/architecture'

export interface AttributeSpec {
  name: string
  /** fixed: one of `values`; profile: an id from a profile enumeration; text; readonly: shown only. */
  kind: 'fixed' | 'profile' | 'text' | 'readonly'
  values?: readonly string[]
  /** Which profile enumeration, possibly depending on the other attributes. */
  enumeration?: (attributes: Record<string, AttributeValue>) => string | null
}

export const ATTRIBUTES: Record<Domain, readonly AttributeSpec[]> = {
  layanan: [
    { name: 'service_type', kind: 'fixed', values: ['publik', 'administrasi'] },
    {
      name: 'sector',
      kind: 'profile',
      enumeration: (a) => (a.service_type === 'publik' ? 'service_sectors' : a.service_type === 'administrasi' ? 'administration_service_areas' : null),
    },
    { name: 'url', kind: 'text' },
  ],
  proses_bisnis: [{ name: 'process_type', kind: 'fixed', values: ['inti', 'pendukung'] }],
  data_informasi: [
    { name: 'classification', kind: 'fixed', values: ['terbuka', 'terbatas', 'tertutup'] },
    { name: 'data_kind', kind: 'fixed', values: ['data_induk', 'data_referensi', 'data_transaksional', 'data_statistik'] },
    { name: 'update_frequency', kind: 'fixed', values: ['harian', 'mingguan', 'bulanan', 'tahunan', 'tidak_tentu'] },
  ],
  aplikasi: [
    { name: 'category', kind: 'profile', enumeration: () => 'application_categories' },
    { name: 'url', kind: 'text' },
    { name: 'lifecycle_stage', kind: 'readonly' },
  ],
  infrastruktur: [
    { name: 'infra_type', kind: 'fixed', values: ['pusat_data', 'jaringan_intra', 'sistem_penghubung_layanan', 'perangkat_keras', 'perangkat_lunak', 'cloud'] },
    { name: 'location', kind: 'text' },
  ],
  keamanan: [{ name: 'security_aspect', kind: 'fixed', values: ['kerahasiaan', 'keutuhan', 'ketersediaan', 'keaslian', 'kenirsangkalan'] }],
}

/** An attribute's value as people read it: the label of a fixed value, the profile's name, or the text. */
export function attributeText(
  spec: AttributeSpec,
  attributes: Record<string, AttributeValue>,
  valueLabel: (name: string, value: string) => string,
  enumerationName: (enumeration: string, id: string) => string,
): string {
  const v = attributes[spec.name]
  if (v === null || v === undefined || v === '') return '—'
  if (spec.kind === 'fixed') return valueLabel(spec.name, String(v))
  if (spec.kind === 'profile') {
    const e = spec.enumeration?.(attributes)
    return e ? enumerationName(e, String(v)) : String(v)
  }
  return String(v)
}
