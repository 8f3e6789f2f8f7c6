// Rencana dan Anggaran SPBE: the cycle board with the consolidated budget, a PD's proposal editor
// with live checks per line, and the side-by-side review of duplicate candidates.
import id from '@/i18n/planning/id'
import en from '@/i18n/planning/en'
import { defineConsoleModule } from './types'

export default defineConsoleModule({
  id: 'planning',
  messages: { id, en },
  routes: [
    { path: 'anggaran', name: 'planning-board', component: () => import('@/views/planning/PlanningBoardView.vue'), meta: { permission: 'planning.read', title: 'planning.board.title' } },
    { path: 'anggaran/usulan/:id', name: 'planning-proposal', component: () => import('@/views/planning/ProposalView.vue'), props: true, meta: { permission: 'planning.read', title: 'planning.proposal.title' } },
    { path: 'anggaran/sinonim', name: 'planning-synonyms', component: () => import('@/views/planning/SynonymsView.vue'), meta: { permission: 'planning.read', title: 'planning.synonyms.title' } },
    { path: 'anggaran/duplikasi/:cycle', name: 'planning-candidates', component: () => import('@/views/planning/CandidatesView.vue'), props: true, meta: { permission: 'planning.read', title: 'planning.candidates.title' } },
  ],
  menu: [{ section: 'governance', order: 30, label: 'planning.nav.board', to: '/anggaran', permission: 'planning.read' }],
})
