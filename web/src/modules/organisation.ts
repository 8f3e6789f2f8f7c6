// Penyelenggara: Perangkat Daerah, users with their roles, role grants and API tokens, and teams.
import id from '@/i18n/organisation/id'
import en from '@/i18n/organisation/en'
import { defineConsoleModule } from './types'

export default defineConsoleModule({
  id: 'organisation',
  messages: { id, en },
  routes: [
    { path: 'perangkat-daerah', name: 'agencies', component: () => import('@/views/agencies/AgencyListView.vue'), meta: { permission: 'agency.read', title: 'agencies.title', landing: 10 } },
    { path: 'perangkat-daerah/:id', name: 'agency', component: () => import('@/views/agencies/AgencyDetailView.vue'), props: true, meta: { permission: 'agency.read', title: 'agencies.detail' } },
    { path: 'pengguna', name: 'users', component: () => import('@/views/users/UsersView.vue'), meta: { permission: 'user.read', title: 'users.title' } },
    { path: 'tim', name: 'teams', component: () => import('@/views/teams/TeamsView.vue'), meta: { permission: 'team.read', title: 'teams.title', landing: 70 } },
  ],
  menu: [
    { section: 'organisers', order: 10, label: 'agencies.nav.agencies', to: '/perangkat-daerah', permission: 'agency.read' },
    { section: 'organisers', order: 20, label: 'users.nav.users', to: '/pengguna', permission: 'user.read' },
    { section: 'organisers', order: 30, label: 'teams.nav.teams', to: '/tim', permission: 'team.read' },
  ],
})
