import { api, listQuery } from './client'
import type { ListPage, ListQuery, Role, User, UserInput } from './types'

const enc = encodeURIComponent

export const usersApi = {
  list: (q: ListQuery & { agency_id?: string }) =>
    api.get<ListPage<User>>('/api/users', { query: { ...listQuery(q), agency_id: q.agency_id } }),
  get: (id: string) => api.get<User>(`/api/users/${enc(id)}`),
  create: (input: UserInput) => api.post<User>('/api/users', input),
  update: (id: string, input: UserInput) => api.patch<User>(`/api/users/${enc(id)}`, input),
  roles: () => api.get<Role[]>('/api/roles'),
}
