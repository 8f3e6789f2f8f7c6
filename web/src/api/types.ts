// Shapes of the Simpul HTTP API v1. Answers are named from the generated contract (contract.ts,
// docs/openapi.json); what is still written here is either the console's own (queries, locale) or
// an answer whose module fragment does not yet describe it (noted at each).
import type { Answer, Item, Schema } from './contract'

export type Locale = 'id' | 'en'

export interface RuleRef {
  id: string
  citation: string
}

export interface ApiErrorBody {
  code: string
  message: string
  details?: Record<string, unknown> | null
  rule?: RuleRef | null
}

export interface ListQuery {
  q?: string
  sort?: string
  order?: 'asc' | 'desc'
  page?: number
  per_page?: number
}

export interface ListPage<T> {
  items: T[]
  total: number
  page: number
  per_page: number
}

export interface User {
  id: string
  username: string
  display_name: string
  email?: string
  agency_id: string | null
  agency_name?: string | null
  roles: string[]
  /** Roles waiting for a second person's confirmation (the approver's powers). */
  pending_roles?: string[]
  permissions: string[]
  active?: boolean
  /** Must choose a new password at the next sign-in (set by an administrator, or by a password one set). */
  must_change_password?: boolean
  created_at?: string
}

export type ApiTokenInfo = Schema<'ApiToken'>

export type RoleGrant = Item<Answer<'/api/role-grants', 'get'>>

export interface DomainSpec {
  literal: string
  effective: string
  rule?: string | null
}

export type Tenant = Answer<'/api/tenant', 'get'>

export interface LoginAnswer {
  user: User
  csrf_token: string
  expires_at: string
  /** An administrator set the password: nothing but the change is allowed until it is made. */
  must_change_password?: boolean
}

export interface MeAnswer {
  user: User
  csrf_token: string
  tenant: Tenant
  must_change_password?: boolean
}

/** GET/PATCH /api/me: what the user may change of their own account, and what they may only read. */
export interface MyProfile {
  id: string
  username: string
  display_name: string
  email: string
  phone: string
  agency_id: string | null
  agency_name?: string
  roles: string[]
  /** The roles by name in both languages (a user without user.read cannot list the catalogue). */
  role_names: { id: string; name: { id: string; en: string } }[]
  must_change_password: boolean
}

export type Agency = Item<Answer<'/api/agencies', 'get'>>

export type Position = AgencyDetail['positions'][number]

export type AgencyDetail = Answer<'/api/agencies/{id}', 'get'>

export type AgencyInput = Schema<'AgencyInput'>

export type UserInput = Schema<'UserInput'>

export type Role = Item<Answer<'/api/roles', 'get'>>
/** A permission with its label in both languages and the roles that hold it. */
export type Permission = Item<Answer<'/api/permissions', 'get'>>

export type TeamPosition = Team['positions'][number]

export type TeamMember = Team['members'][number]

export type Team = Item<Answer<'/api/teams', 'get'>>

export type LedgerEntry = Schema<'LedgerEntry'>

export type Dashboard = Answer<'/api/dashboard', 'get'>

export type LedgerProblemKind = 'edited' | 'deleted' | 'reordered' | 'bad_signature'

export type LedgerVerification = Answer<'/api/ledger/verify', 'post'>
