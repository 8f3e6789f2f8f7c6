import { api } from './client'
import type { Body } from './contract'
import type { LoginAnswer, MeAnswer, MyProfile } from './types'

/** POST /api/auth/login's body: the tenant is asked only where the deployment serves several. */
export type Credentials = Body<'/api/auth/login', 'post'>

export const authApi = {
  login: (c: Credentials) => {
    const body: Credentials = { username: c.username, password: c.password }
    if (c.tenant) body.tenant = c.tenant
    return api.post<LoginAnswer>('/api/auth/login', body, { expectUnauthorized: true })
  },
  // The first /me of a page load answers 401 for anyone not signed in; that is not an expired session.
  me: (expectUnauthorized = false) => api.get<MeAnswer>('/api/auth/me', { expectUnauthorized }),
  logout: () => api.post<void>('/api/auth/logout', undefined, { expectUnauthorized: true }),
  // A wrong current password answers 401 (auth.invalid_credentials); the session itself is fine.
  changePassword: (current: string, next: string) => api.post<void>('/api/me/password', { current, new: next }, { expectUnauthorized: true }),
  profile: () => api.get<MyProfile>('/api/me'),
  updateProfile: (changes: { display_name?: string; email?: string; phone?: string }) => api.patch<MyProfile>('/api/me', changes),
  /** Always 202: the answer does not tell whether the address has an account. */
  requestReset: (email: string, tenant?: string) =>
    api.post<{ accepted: boolean }>('/api/auth/reset-request', tenant ? { tenant, email } : { email }, { expectUnauthorized: true }),
  /** Unknown, used or expired token: 401 auth.invalid_token with details.reason. */
  resetPassword: (token: string, next: string) => api.post<void>('/api/auth/reset', { token, new: next }, { expectUnauthorized: true }),
}
