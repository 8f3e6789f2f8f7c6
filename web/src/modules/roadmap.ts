// Peta Rencana SPBE: initiatives on a timeline, by category and year.
import id from '@/i18n/roadmap/id'
import en from '@/i18n/roadmap/en'
import { defineConsoleModule } from './types'

export default defineConsoleModule({
  id: 'roadmap',
  messages: { id, en },
  routes: [
    { path: 'peta-rencana', name: 'roadmap', component: () => import('@/views/roadmap/RoadmapView.vue'), meta: { permission: 'architecture.read', title: 'roadmap.title' } },
  ],
  menu: [{ section: 'governance', order: 20, label: 'roadmap.nav.roadmap', to: '/peta-rencana', permission: 'architecture.read' }],
})
