// Infrastruktur SPBE: the Pusat Data register with requests, the backup board, the Jaringan Intra.
import id from '@/i18n/infrastructure/id'
import en from '@/i18n/infrastructure/en'
import { defineConsoleModule } from './types'

export default defineConsoleModule({
  id: 'infrastructure',
  messages: { id, en },
  sections: [{ id: 'infrastructure', order: 35, label: 'infra.nav.section' }],
  routes: [
    { path: 'infrastruktur/pusat-data', name: 'infra-pusat-data', component: () => import('@/views/infrastructure/PusatDataView.vue'), meta: { permission: 'infrastructure.read', title: 'infra.pusatDataTitle' } },
    { path: 'infrastruktur/pusat-data/rak/:id', name: 'infra-rack', component: () => import('@/views/infrastructure/RackView.vue'), meta: { permission: 'infrastructure.read', title: 'infra.rack' } },
    { path: 'infrastruktur/pencadangan', name: 'infra-backup', component: () => import('@/views/infrastructure/BackupBoardView.vue'), meta: { permission: 'infrastructure.read', title: 'infra.backupTitle' } },
    { path: 'infrastruktur/bandwidth', name: 'infra-bandwidth', component: () => import('@/views/infrastructure/BandwidthView.vue'), meta: { permission: 'infrastructure.read', title: 'infra.bandwidthTitle' } },
    { path: 'infrastruktur/jaringan', name: 'infra-network', component: () => import('@/views/infrastructure/NetworkView.vue'), meta: { permission: 'infrastructure.read', title: 'infra.networkTitle' } },
  ],
  menu: [
    { section: 'infrastructure', order: 10, label: 'infra.nav.pusatData', to: '/infrastruktur/pusat-data', permission: 'infrastructure.read' },
    { section: 'infrastructure', order: 20, label: 'infra.nav.backup', to: '/infrastruktur/pencadangan', permission: 'infrastructure.read' },
    { section: 'infrastructure', order: 30, label: 'infra.nav.network', to: '/infrastruktur/jaringan', permission: 'infrastructure.read' },
    { section: 'infrastructure', order: 40, label: 'infra.nav.bandwidth', to: '/infrastruktur/bandwidth', permission: 'infrastructure.read' },
  ],
})
