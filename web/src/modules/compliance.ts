// Kepatuhan Regulasi: the rules of the profile checked against live data, and their findings.
import id from '@/i18n/compliance/id'
import en from '@/i18n/compliance/en'
import { defineConsoleModule } from './types'

export default defineConsoleModule({
  id: 'compliance',
  messages: { id, en },
  routes: [
    { path: 'kepatuhan', name: 'compliance', component: () => import('@/views/compliance/ComplianceView.vue'), meta: { permission: 'compliance.read', title: 'compliance.title', landing: 40 } },
    { path: 'kepatuhan/temuan/:id', name: 'finding', component: () => import('@/views/compliance/FindingView.vue'), props: true, meta: { permission: 'compliance.read', title: 'finding.title' } },
  ],
  menu: [{ section: 'monitoring', order: 10, label: 'compliance.nav.compliance', to: '/kepatuhan', permission: 'compliance.read' }],
})
