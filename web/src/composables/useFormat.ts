// Formatting bound to the current UI language, for templates.
import { useI18n } from 'vue-i18n'
import type { Locale } from '@/api/types'
import { formatBytes, formatDate, formatDateTime, formatNumber, formatRupiah } from '@/utils/format'

export function useFormat() {
  const { locale } = useI18n()
  const current = () => locale.value as Locale
  return {
    dateTime: (v: string | null | undefined) => formatDateTime(v, current()),
    date: (v: string | null | undefined) => formatDate(v, current()),
    number: (n: number) => formatNumber(n, current()),
    rupiah: formatRupiah,
    bytes: (n: number) => formatBytes(n, current()),
  }
}
