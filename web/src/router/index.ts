// Routes are code-split: each screen is its own chunk, loaded when first opened. The screens come
// from the console modules (src/modules); this file adds the sign-in page and the frame's own pages.
// meta.permission names what /api/auth/me must grant; the API still checks every call.
import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router'
import { landingRoutes, moduleRoutes } from '@/modules'
import { useSessionStore } from '@/stores/session'

export const router = createRouter({
  history: createWebHistory('/'),
  routes: [
    { path: '/login', name: 'login', component: () => import('@/views/LoginView.vue'), meta: { public: true, title: 'auth.title' } },
    { path: '/lupa-kata-sandi', name: 'forgot-password', component: () => import('@/views/account/ForgotPasswordView.vue'), meta: { public: true, title: 'reset.forgotTitle' } },
    { path: '/reset-password', name: 'reset-password', component: () => import('@/views/account/ResetPasswordView.vue'), meta: { public: true, title: 'reset.title' } },
    // Outside the console frame: until the password is changed, the frame's menus would only be refused.
    { path: '/ganti-kata-sandi', name: 'change-password', component: () => import('@/views/account/ChangePasswordView.vue'), meta: { title: 'password.title' } },
    {
      path: '/',
      component: () => import('@/layouts/ConsoleLayout.vue'),
      children: [
        ...moduleRoutes(),
        { path: 'profil-saya', name: 'my-profile', component: () => import('@/views/account/ProfileView.vue'), meta: { title: 'profile.title' } },
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
  if (session.mustChangePassword && to.name !== 'change-password') return { name: 'change-password', query: { next: to.fullPath } }
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

const LANDING = landingRoutes()

function firstAllowed(can: (p: string) => boolean): string | null {
  return LANDING.find((r) => !r.permission || can(r.permission))?.name ?? null
}
