// Beranda: counts, team fill and the status cards of the other modules.
import id from '@/i18n/dashboard/id'
import en from '@/i18n/dashboard/en'
import { defineConsoleModule } from './types'

export default defineConsoleModule({
  id: 'dashboard',
  messages: { id, en },
  sections: [{ id: 'home', order: 10 }],
  routes: [
    { path: '', name: 'dashboard', component: () => import('@/views/DashboardView.vue'), meta: { permission: 'dashboard.read', title: 'dashboard.title' } },
  ],
  menu: [{ section: 'home', order: 10, label: 'dashboard.nav.home', to: '/', permission: 'dashboard.read' }],
})
