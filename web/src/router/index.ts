// Routes are code-split: each screen is its own chunk, loaded when first opened.
// meta.permission names what /api/auth/me must grant; the API still checks every call.
import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router'
import { useSessionStore } from '@/stores/session'

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean
    permission?: string
    /** i18n key of the page title */
    title?: string
  }
}

export const router = createRouter({
  history: createWebHistory('/'),
  routes: [
    { path: '/login', name: 'login', component: () => import('@/views/LoginView.vue'), meta: { public: true, title: 'auth.title' } },
    {
      path: '/',
      component: () => import('@/layouts/ConsoleLayout.vue'),
      children: [
        { path: '', name: 'dashboard', component: () => import('@/views/DashboardView.vue'), meta: { permission: 'dashboard.read', title: 'dashboard.title' } },
        { path: 'perangkat-daerah', name: 'agencies', component: () => import('@/views/agencies/AgencyListView.vue'), meta: { permission: 'agency.read', title: 'agencies.title' } },
        { path: 'perangkat-daerah/:id', name: 'agency', component: () => import('@/views/agencies/AgencyDetailView.vue'), props: true, meta: { permission: 'agency.read', title: 'agencies.detail' } },
        { path: 'arsitektur', name: 'architecture', component: () => import('@/views/architecture/ArchitectureView.vue'), meta: { permission: 'architecture.read', title: 'arch.title' } },
        { path: 'arsitektur/elemen/:id', name: 'architecture-element', component: () => import('@/views/architecture/ElementDetailView.vue'), props: true, meta: { permission: 'architecture.read', title: 'arch.detail' } },
        { path: 'arsitektur/kesenjangan', name: 'architecture-gap', component: () => import('@/views/architecture/GapView.vue'), meta: { permission: 'architecture.read', title: 'archGap.title' } },
        { path: 'arsitektur/dokumen', name: 'architecture-documents', component: () => import('@/views/architecture/DocumentsView.vue'), meta: { permission: 'architecture.read', title: 'archDoc.title' } },
        { path: 'peta-rencana', name: 'roadmap', component: () => import('@/views/roadmap/RoadmapView.vue'), meta: { permission: 'architecture.read', title: 'roadmap.title' } },
        { path: 'aplikasi', name: 'applications', component: () => import('@/views/applications/ApplicationsView.vue'), meta: { permission: 'applications.read', title: 'apps.title' } },
        { path: 'aplikasi/rekomendasi', name: 'recommendations', component: () => import('@/views/applications/RecommendationsView.vue'), meta: { permission: 'applications.recommend', title: 'recs.title' } },
        { path: 'aplikasi/:id', name: 'application', component: () => import('@/views/applications/ApplicationDetailView.vue'), props: true, meta: { permission: 'applications.read', title: 'apps.detail' } },
        { path: 'kepatuhan', name: 'compliance', component: () => import('@/views/compliance/ComplianceView.vue'), meta: { permission: 'compliance.read', title: 'compliance.title' } },
        { path: 'kepatuhan/temuan/:id', name: 'finding', component: () => import('@/views/compliance/FindingView.vue'), props: true, meta: { permission: 'compliance.read', title: 'finding.title' } },
        { path: 'evaluasi', name: 'evaluation', component: () => import('@/views/evaluation/EvaluationView.vue'), meta: { permission: 'evaluation.read', title: 'evaluation.title' } },
        { path: 'evaluasi/peringkat', name: 'evaluation-league', component: () => import('@/views/evaluation/LeagueView.vue'), meta: { permission: 'evaluation.read', title: 'evaluation.leagueTitle' } },
        { path: 'evaluasi/kerangka', name: 'evaluation-frameworks', component: () => import('@/views/evaluation/FrameworksView.vue'), meta: { permission: 'evaluation.read', title: 'evaluation.frameworksTitle' } },
        { path: 'evaluasi/periode/:id', name: 'evaluation-period', component: () => import('@/views/evaluation/PeriodView.vue'), props: true, meta: { permission: 'evaluation.read', title: 'evaluation.period' } },
        { path: 'evaluasi/periode/:id/indikator/:ind', name: 'evaluation-indicator', component: () => import('@/views/evaluation/IndicatorView.vue'), props: true, meta: { permission: 'evaluation.read', title: 'evaluation.indicator' } },
        { path: 'penghubung/layanan', name: 'gateway-services', component: () => import('@/views/gateway/ServicesView.vue'), meta: { permission: 'gateway.read', title: 'gw.servicesTitle' } },
        { path: 'penghubung/layanan/:id', name: 'gateway-service', component: () => import('@/views/gateway/ServiceDetailView.vue'), props: true, meta: { permission: 'gateway.read', title: 'gw.serviceDetail' } },
        { path: 'penghubung/direktori', name: 'gateway-directory', component: () => import('@/views/gateway/DirectoryView.vue'), meta: { permission: 'gateway.read', title: 'gw.directoryTitle' } },
        { path: 'penghubung/konsumen', name: 'gateway-consumers', component: () => import('@/views/gateway/ConsumersView.vue'), meta: { permission: 'gateway.read', title: 'gw.consumersTitle' } },
        { path: 'penghubung/permohonan', name: 'gateway-requests', component: () => import('@/views/gateway/RequestsView.vue'), meta: { permission: 'gateway.read', title: 'gw.requestsTitle' } },
        { path: 'penghubung/hak-akses', name: 'gateway-grants', component: () => import('@/views/gateway/GrantsView.vue'), meta: { permission: 'gateway.read', title: 'gw.grantsTitle' } },
        { path: 'penghubung/lalu-lintas', name: 'gateway-traffic', component: () => import('@/views/gateway/TrafficView.vue'), meta: { permission: 'gateway.traffic', title: 'gw.trafficTitle' } },
        { path: 'pengguna', name: 'users', component: () => import('@/views/users/UsersView.vue'), meta: { permission: 'user.read', title: 'users.title' } },
        { path: 'tim', name: 'teams', component: () => import('@/views/teams/TeamsView.vue'), meta: { permission: 'team.read', title: 'teams.title' } },
        { path: 'regulasi', name: 'regulation', component: () => import('@/views/regulation/RegulationView.vue'), meta: { permission: 'profile.read', title: 'regulation.title' } },
        { path: 'jejak-audit', name: 'ledger', component: () => import('@/views/ledger/LedgerView.vue'), meta: { permission: 'ledger.read', title: 'ledger.title' } },
        { path: 'tidak-ada-akses', name: 'forbidden', component: () => import('@/views/ForbiddenView.vue'), meta: { title: 'errors.forbiddenTitle' } },
        { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('@/views/NotFoundView.vue'), meta: { title: 'errors.notFoundTitle' } },
      ],
    },
  ],
  scrollBehavior: () => ({ top: 0 }),
})

/** Only same-site paths are followed after sign-in, so a crafted ?next= cannot send users elsewhere. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : '/'
}

router.beforeEach(async (to: RouteLocationNormalized) => {
  const session = useSessionStore()
  try {
    await session.ensureChecked()
  } catch {
    // The server is unreachable: let the login screen say so when the user tries.
  }
  if (to.meta.public) {
    if (to.name === 'login' && session.signedIn) return safeNext(to.query.next)
    return true
  }
  if (!session.signedIn) return { name: 'login', query: { next: to.fullPath } }
  if (to.meta.permission && !session.can(to.meta.permission)) {
    // A user without the dashboard (rare) lands on the first screen they may open.
    if (to.name === 'dashboard') {
      const first = firstAllowed(session.can)
      if (first) return { name: first }
    }
    return { name: 'forbidden' }
  }
  return true
})

const LANDING: ReadonlyArray<[string, string]> = [
  ['agencies', 'agency.read'],
  ['architecture', 'architecture.read'],
  ['applications', 'applications.read'],
  ['compliance', 'compliance.read'],
  ['evaluation', 'evaluation.read'],
  ['gateway-directory', 'gateway.read'],
  ['teams', 'team.read'],
  ['regulation', 'profile.read'],
]

function firstAllowed(can: (p: string) => boolean): string | null {
  for (const [name, perm] of LANDING) if (can(perm)) return name
  return null
}
