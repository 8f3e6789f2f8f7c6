import { api, listQuery } from './client'
import type { ApiTokenInfo, ListPage, ListQuery, Permission, Role, RoleGrant, User, UserInput } from './types'

const enc = encodeURIComponent

export const usersApi = {
  list: (q: ListQuery & { agency_id?: string }) =>
    api.get<ListPage<User>>('/api/users', { query: { ...listQuery(q), agency_id: q.agency_id } }),
  get: (id: string) => api.get<User>(`/api/users/${enc(id)}`),
  create: (input: UserInput) => api.post<User>('/api/users', input),
  update: (id: string, input: UserInput) => api.patch<User>(`/api/users/${enc(id)}`, input),
  roles: () => api.get<Role[]>('/api/roles'),
  permissions: () => api.get<Permission[]>('/api/permissions'),
  unlock: (id: string) => api.post<void>(`/api/users/${enc(id)}/unlock`, undefined),
  grants: (state?: RoleGrant['state']) => api.get<{ items: RoleGrant[] }>('/api/role-grants', { query: { state } }),
  decideGrant: (id: string, confirm: boolean, note: string) =>
    api.post<RoleGrant>(`/api/role-grants/${enc(id)}/${confirm ? 'confirm' : 'refuse'}`, { note }),
  tokens: () => api.get<{ items: ApiTokenInfo[]; max_days: number }>('/api/tokens'),
  revokeToken: (id: string) => api.del(`/api/tokens/${enc(id)}`),
  setTokenMaxDays: (days: number) => api.patch<{ token_max_days: number }>('/api/security-settings', { token_max_days: days }),
}
