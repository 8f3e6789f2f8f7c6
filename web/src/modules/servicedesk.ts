// Layanan SPBE: the service desk (my tickets, the queues per tier, a ticket with its SLA clocks,
// timeline, attachments and escalation, the knowledge base, the report charts, the staffing board)
// and the notification inbox.
import id from '@/i18n/servicedesk/id'
import en from '@/i18n/servicedesk/en'
import { defineConsoleModule } from './types'

export default defineConsoleModule({
  id: 'servicedesk',
  messages: { id, en },
  sections: [{ id: 'servicedesk', order: 45, label: 'servicedesk.nav.section' }],
  routes: [
    { path: 'layanan/tiket', name: 'servicedesk-tickets', component: () => import('@/views/servicedesk/TicketsView.vue'), meta: { permission: 'servicedesk.use', title: 'servicedesk.title', landing: 90 } },
    { path: 'layanan/tiket/:id', name: 'servicedesk-ticket', component: () => import('@/views/servicedesk/TicketView.vue'), meta: { permission: 'servicedesk.use', title: 'servicedesk.ticket' } },
    { path: 'layanan/pengetahuan', name: 'servicedesk-knowledge', component: () => import('@/views/servicedesk/KnowledgeView.vue'), meta: { permission: 'servicedesk.use', title: 'servicedesk.kb.title' } },
    { path: 'layanan/pengetahuan/:id', name: 'servicedesk-article', component: () => import('@/views/servicedesk/ArticleView.vue'), meta: { permission: 'servicedesk.use', title: 'servicedesk.kb.title' } },
    { path: 'layanan/laporan', name: 'servicedesk-report', component: () => import('@/views/servicedesk/DeskReportView.vue'), meta: { permission: 'servicedesk.supervise', title: 'servicedesk.report.title' } },
    { path: 'layanan/katalog', name: 'servicedesk-catalogue', component: () => import('@/views/servicedesk/CatalogueView.vue'), meta: { permission: 'servicedesk.use', title: 'servicedesk.catalogue.title' } },
    { path: 'layanan/staf', name: 'servicedesk-staffing', component: () => import('@/views/servicedesk/StaffingView.vue'), meta: { permission: 'servicedesk.use', title: 'servicedesk.staffing.title' } },
    { path: 'notifikasi', name: 'notifications', component: () => import('@/views/servicedesk/InboxView.vue'), meta: { permission: 'notification.read', title: 'servicedesk.inbox.title' } },
  ],
  menu: [
    { section: 'servicedesk', order: 10, label: 'servicedesk.nav.tickets', to: '/layanan/tiket', permission: 'servicedesk.use' },
    { section: 'servicedesk', order: 15, label: 'servicedesk.nav.knowledge', to: '/layanan/pengetahuan', permission: 'servicedesk.use' },
    { section: 'servicedesk', order: 18, label: 'servicedesk.nav.report', to: '/layanan/laporan', permission: 'servicedesk.supervise' },
    { section: 'servicedesk', order: 19, label: 'servicedesk.nav.catalogue', to: '/layanan/katalog', permission: 'servicedesk.use' },
    { section: 'servicedesk', order: 20, label: 'servicedesk.nav.staffing', to: '/layanan/staf', permission: 'servicedesk.use' },
    { section: 'servicedesk', order: 30, label: 'servicedesk.nav.inbox', to: '/notifikasi', permission: 'notification.read' },
  ],
})
