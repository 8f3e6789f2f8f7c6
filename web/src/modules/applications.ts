// Aplikasi SPBE: the application registry with its lifecycle, and the recommendations it needs.
import id from '@/i18n/applications/id'
import en from '@/i18n/applications/en'
import { defineConsoleModule } from './types'

export default defineConsoleModule({
  id: 'applications',
  messages: { id, en },
  routes: [
    { path: 'aplikasi', name: 'applications', component: () => import('@/views/applications/ApplicationsView.vue'), meta: { permission: 'applications.read', title: 'apps.title', landing: 30 } },
    { path: 'aplikasi/rekomendasi', name: 'recommendations', component: () => import('@/views/applications/RecommendationsView.vue'), meta: { permission: 'applications.recommend', title: 'recs.title' } },
    { path: 'aplikasi/:id', name: 'application', component: () => import('@/views/applications/ApplicationDetailView.vue'), props: true, meta: { permission: 'applications.read', title: 'apps.detail' } },
  ],
  menu: [
    { section: 'governance', order: 30, label: 'apps.nav.list', to: '/aplikasi', permission: 'applications.read' },
    { section: 'governance', order: 40, label: 'apps.nav.recommendations', to: '/aplikasi/rekomendasi', permission: 'applications.recommend' },
  ],
})
