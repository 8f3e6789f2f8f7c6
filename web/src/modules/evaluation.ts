// Evaluasi SPBE: assessment periods, indicators with evidence, frameworks and the ranking.
import id from '@/i18n/evaluation/id'
import en from '@/i18n/evaluation/en'
import { defineConsoleModule } from './types'

export default defineConsoleModule({
  id: 'evaluation',
  messages: { id, en },
  routes: [
    { path: 'evaluasi', name: 'evaluation', component: () => import('@/views/evaluation/EvaluationView.vue'), meta: { permission: 'evaluation.read', title: 'evaluation.title', landing: 50 } },
    { path: 'evaluasi/peringkat', name: 'evaluation-league', component: () => import('@/views/evaluation/LeagueView.vue'), meta: { permission: 'evaluation.read', title: 'evaluation.leagueTitle' } },
    { path: 'evaluasi/kerangka', name: 'evaluation-frameworks', component: () => import('@/views/evaluation/FrameworksView.vue'), meta: { permission: 'evaluation.read', title: 'evaluation.frameworksTitle' } },
    { path: 'evaluasi/periode/:id', name: 'evaluation-period', component: () => import('@/views/evaluation/PeriodView.vue'), props: true, meta: { permission: 'evaluation.read', title: 'evaluation.period' } },
    { path: 'evaluasi/periode/:id/indikator/:ind', name: 'evaluation-indicator', component: () => import('@/views/evaluation/IndicatorView.vue'), props: true, meta: { permission: 'evaluation.read', title: 'evaluation.indicator' } },
  ],
  menu: [
    { section: 'monitoring', order: 20, label: 'evaluation.nav.evaluation', to: '/evaluasi', permission: 'evaluation.read' },
    { section: 'monitoring', order: 30, label: 'evaluation.nav.league', to: '/evaluasi/peringkat', permission: 'evaluation.read' },
    { section: 'monitoring', order: 40, label: 'evaluation.nav.frameworks', to: '/evaluasi/kerangka', permission: 'evaluation.read' },
  ],
})
