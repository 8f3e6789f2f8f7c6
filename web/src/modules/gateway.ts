// Penghubung Layanan: services, the directory, consumers, access requests and grants, traffic.
import id from '@/i18n/gateway/id'
import en from '@/i18n/gateway/en'
import { defineConsoleModule } from './types'

export default defineConsoleModule({
  id: 'gateway',
  messages: { id, en },
  sections: [{ id: 'gateway', order: 30, label: 'gw.nav.section' }],
  routes: [
    { path: 'penghubung/layanan', name: 'gateway-services', component: () => import('@/views/gateway/ServicesView.vue'), meta: { permission: 'gateway.read', title: 'gw.servicesTitle' } },
    { path: 'penghubung/layanan/:id', name: 'gateway-service', component: () => import('@/views/gateway/ServiceDetailView.vue'), props: true, meta: { permission: 'gateway.read', title: 'gw.serviceDetail' } },
    { path: 'penghubung/direktori', name: 'gateway-directory', component: () => import('@/views/gateway/DirectoryView.vue'), meta: { permission: 'gateway.read', title: 'gw.directoryTitle', landing: 60 } },
    { path: 'penghubung/konsumen', name: 'gateway-consumers', component: () => import('@/views/gateway/ConsumersView.vue'), meta: { permission: 'gateway.read', title: 'gw.consumersTitle' } },
    { path: 'penghubung/permohonan', name: 'gateway-requests', component: () => import('@/views/gateway/RequestsView.vue'), meta: { permission: 'gateway.read', title: 'gw.requestsTitle' } },
    { path: 'penghubung/hak-akses', name: 'gateway-grants', component: () => import('@/views/gateway/GrantsView.vue'), meta: { permission: 'gateway.read', title: 'gw.grantsTitle' } },
    { path: 'penghubung/lalu-lintas', name: 'gateway-traffic', component: () => import('@/views/gateway/TrafficView.vue'), meta: { permission: 'gateway.traffic', title: 'gw.trafficTitle' } },
  ],
  menu: [
    { section: 'gateway', order: 10, label: 'gw.nav.services', to: '/penghubung/layanan', permission: 'gateway.read' },
    { section: 'gateway', order: 20, label: 'gw.nav.directory', to: '/penghubung/direktori', permission: 'gateway.read' },
    { section: 'gateway', order: 30, label: 'gw.nav.consumers', to: '/penghubung/konsumen', permission: 'gateway.read' },
    { section: 'gateway', order: 40, label: 'gw.nav.requests', to: '/penghubung/permohonan', permission: 'gateway.read' },
    { section: 'gateway', order: 50, label: 'gw.nav.grants', to: '/penghubung/hak-akses', permission: 'gateway.read' },
    { section: 'gateway', order: 60, label: 'gw.nav.traffic', to: '/penghubung/lalu-lintas', permission: 'gateway.traffic' },
  ],
})
