// Jejak Audit: the hash-chained ledger of every change, and its verification.
import id from '@/i18n/ledger/id'
import en from '@/i18n/ledger/en'
import { defineConsoleModule } from './types'

export default defineConsoleModule({
  id: 'ledger',
  messages: { id, en },
  sections: [{ id: 'ledger', order: 90, label: 'ledger.nav.section' }],
  routes: [
    { path: 'jejak-audit', name: 'ledger', component: () => import('@/views/ledger/LedgerView.vue'), meta: { permission: 'ledger.read', title: 'ledger.title' } },
  ],
  menu: [{ section: 'ledger', order: 10, label: 'ledger.nav.auditTrail', to: '/jejak-audit', permission: 'ledger.read' }],
})
