import { api } from './client'
import type { LedgerEntry, LedgerVerification, ListPage } from './types'

export const ledgerApi = {
  // The ledger is newest first and accepts only page and per_page (docs/api.md).
  list: (page: number, perPage: number) =>
    api.get<ListPage<LedgerEntry>>('/api/ledger', { query: { page, per_page: perPage } }),
  verify: () => api.post<LedgerVerification>('/api/ledger/verify'),
}
