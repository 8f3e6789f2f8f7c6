// Shapes of the Simpul HTTP API v1. Answers are named from the generated contract (contract.ts,
// docs/openapi.json); what is still written here is either the console's own (queries, locale) or
// an answer whose module fragment does not yet describe it (noted at each).
import type { Answer, Item, Schema } from './contract'

export type Locale = 'id' | 'en'

/** The error answer's body (every 4xx/5xx): code, message, details, and the rule behind a refusal. */
export type ApiErrorBody = Schema<'Error'>['error']

/** The regulation article behind a refusal. */
export type RuleRef = NonNullable<ApiErrorBody['rule']>

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

/** A user as the API renders one (with the permissions their roles give). */
export type User = Schema<'User'>

export type ApiTokenInfo = Schema<'ApiToken'>

export type RoleGrant = Item<Answer<'/api/role-grants', 'get'>>

export type Tenant = Answer<'/api/tenant', 'get'>

/** POST /api/auth/login; `must_change_password`: nothing but the change is allowed until it is made. */
export type LoginAnswer = Answer<'/api/auth/login', 'post'>

export type MeAnswer = Answer<'/api/auth/me', 'get'>

/** GET/PATCH /api/me: what the user may change of their own account, and what they may only read. */
export type MyProfile = Answer<'/api/me', 'get'>

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
