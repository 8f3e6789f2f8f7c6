// Perangkat Daerah (agencies), teams, the tenant, its regulation profile and the dashboard.
import { api, listQuery } from './client'
import type { Profile } from './profile'
import type {
  Agency,
  AgencyDetail,
  AgencyInput,
  Dashboard,
  ListPage,
  ListQuery,
  Team,
  TeamMember,
  Tenant,
} from './types'

const enc = encodeURIComponent

export const organisationApi = {
  tenant: () => api.get<Tenant>('/api/tenant'),
  profile: (id: string) => api.get<Profile>(`/api/profiles/${enc(id)}`),
  dashboard: () => api.get<Dashboard>('/api/dashboard'),

  agencies: (q: ListQuery) => api.get<ListPage<Agency>>('/api/agencies', { query: listQuery(q) }),
  agency: (id: string) => api.get<AgencyDetail>(`/api/agencies/${enc(id)}`),
  createAgency: (input: AgencyInput) => api.post<Agency>('/api/agencies', input),
  updateAgency: (id: string, input: AgencyInput) => api.patch<Agency>(`/api/agencies/${enc(id)}`, input),
  deleteAgency: (id: string) => api.del(`/api/agencies/${enc(id)}`),

  teams: () => api.get<Team[]>('/api/teams'),
  addMember: (teamId: string, userId: string, positionId: string) =>
    api.post<TeamMember>(`/api/teams/${enc(teamId)}/members`, { user_id: userId, position_id: positionId }),
  removeMember: (teamId: string, memberId: string) => api.del(`/api/teams/${enc(teamId)}/members/${enc(memberId)}`),
}
