// Arsitektur SPBE: elements and relations, the gap analysis and the architecture documents.
import id from '@/i18n/architecture/id'
import en from '@/i18n/architecture/en'
import { defineConsoleModule } from './types'

export default defineConsoleModule({
  id: 'architecture',
  messages: { id, en },
  routes: [
    { path: 'arsitektur', name: 'architecture', component: () => import('@/views/architecture/ArchitectureView.vue'), meta: { permission: 'architecture.read', title: 'arch.title', landing: 20 } },
    { path: 'arsitektur/elemen/:id', name: 'architecture-element', component: () => import('@/views/architecture/ElementDetailView.vue'), props: true, meta: { permission: 'architecture.read', title: 'arch.detail' } },
    { path: 'arsitektur/kesenjangan', name: 'architecture-gap', component: () => import('@/views/architecture/GapView.vue'), meta: { permission: 'architecture.read', title: 'archGap.title' } },
    { path: 'arsitektur/dokumen', name: 'architecture-documents', component: () => import('@/views/architecture/DocumentsView.vue'), meta: { permission: 'architecture.read', title: 'archDoc.title' } },
  ],
  menu: [{ section: 'governance', order: 10, label: 'arch.nav.architecture', to: '/arsitektur', permission: 'architecture.read' }],
})
