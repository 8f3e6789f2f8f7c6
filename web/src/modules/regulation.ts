// Regulasi: the tenant's regulation profile, shown whole (rules by chapter, teams, roles, lists).
import id from '@/i18n/regulation/id'
import en from '@/i18n/regulation/en'
import { defineConsoleModule } from './types'

export default defineConsoleModule({
  id: 'regulation',
  messages: { id, en },
  sections: [{ id: 'regulation', order: 80 }],
  routes: [
    { path: 'regulasi', name: 'regulation', component: () => import('@/views/regulation/RegulationView.vue'), meta: { permission: 'profile.read', title: 'regulation.title', landing: 80 } },
  ],
  menu: [{ section: 'regulation', order: 10, label: 'regulation.nav.regulation', to: '/regulasi', permission: 'profile.read' }],
})
