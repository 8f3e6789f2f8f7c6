import { api } from './client'
import type { LoginAnswer, MeAnswer } from './types'

export interface Credentials {
  tenant?: string
  username: string
  password: string
}

export const authApi = {
  login: (c: Credentials) => {
    const body: Credentials = { username: c.username, password: c.password }
    if (c.tenant) body.tenant = c.tenant
    return api.post<LoginAnswer>('/api/auth/login', body, { expectUnauthorized: true })
  },
  // The first /me of a page load answers 401 for anyone not signed in; that is not an expired session.
  me: (expectUnauthorized = false) => api.get<MeAnswer>('/api/auth/me', { expectUnauthorized }),
  logout: () => api.post<void>('/api/auth/logout', undefined, { expectUnauthorized: true }),
  changePassword: (current_password: string, new_password: string) =>
    api.post<void>('/api/auth/password', { current_password, new_password }),
}
