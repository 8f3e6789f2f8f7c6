// Shapes of the Simpul HTTP API v1. Answers are named from the generated contract (contract.ts,
// docs/openapi.json); what is still written here is either the console's own (queries, locale) or
// an answer whose module fragment does not yet describe it (noted at each).
import type { Answer, Item, Refine } from './contract'

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
  created_at?: string
}

export interface ApiTokenInfo {
  id: string
  name: string
  created_at: string
  last_used_at: string
  expires_at: string | null
  owner?: { id: string; display_name: string; username: string }
}

export interface RoleGrant {
  id: string
  user: { id: string; display_name: string }
  role: string
  role_name: { id: string; en: string } | null
  state: 'pending' | 'confirmed' | 'refused'
  requested_by: { id: string; name: string }
  requested_at: string
  decided_by: { id: string; name: string } | null
  decided_at: string | null
  note: string
  can_decide: boolean
}

export interface DomainSpec {
  literal: string
  effective: string
  rule?: string | null
}

// GET /api/tenant; its fragment (src/tenancy/openapi.cpp) does not yet mark the nullables.
export type Tenant = Refine<Answer<'/api/tenant', 'get'>, {
  regulation: Refine<Answer<'/api/tenant', 'get'>['regulation'], { number: string | null; year: number | null }>
  domain: DomainSpec
  email_domain: DomainSpec | null
  /** The Pemda's local time (WIB, WITA or WIT): every date the console shows is in it. */
  time_zone?: { id: 'WIB' | 'WITA' | 'WIT'; iana: string; utc_offset_hours: number; today: string }
  /** Days a finding gives where its article states no period: the Pemda's choice. */
  grace_period_days?: { days: number; stated_in_profile: boolean }
}>

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

export interface Agency {
  id: string
  code: string
  name: string
  short_name: string
  type: string
  flags: string[]
  mandiri_tik_decree: string | null
  head_title: string
  created_at: string
  updated_at: string
}

export interface Position {
  id: string
  title: string
  holder_name: string
  agency_id: string
}

export interface AgencyDetail extends Agency {
  positions: Position[]
  user_count: number
}

export interface AgencyInput {
  code?: string
  name?: string
  short_name?: string
  type?: string
  flags?: string[]
  mandiri_tik_decree?: string | null
  head_title?: string
}

export interface UserInput {
  username?: string
  display_name?: string
  email?: string
  agency_id?: string | null
  roles?: string[]
  password?: string
  active?: boolean
}

export type Role = Item<Answer<'/api/roles', 'get'>>
/** A permission with its label in both languages and the roles that hold it. */
export type Permission = Item<Answer<'/api/permissions', 'get'>>

export interface TeamPosition {
  id: string
  name: string
  holder: string | null
  min: number
  max: number | null
  duties: string[]
  rule?: RuleRef | null
}

export interface TeamMember {
  id: string
  team_id: string
  user_id: string
  display_name: string
  agency_name: string | null
  position_id: string
  position_name: string
  created_at: string
}

// GET /api/teams; its fragment (src/app/openapi.cpp) does not yet describe members and duties, nor
// the nullable instrument and rule.
export type Team = Refine<Item<Answer<'/api/teams', 'get'>>, {
  instrument: string | null
  rule: RuleRef | null
  positions: TeamPosition[]
  members: TeamMember[]
}>

export interface LedgerEntry {
  seq: number
  at: string
  actor: { id: string; name: string }
  tenant_id: string
  action: string
  object_type: string
  object_id: string
  /** The canonical JSON of what the entry recorded (names as they were at the time). */
  details?: string
  digest: string
  prev_hash: string
  hash: string
}

// GET /api/dashboard; its fragment does not yet describe the ledger entries.
export type Dashboard = Refine<Answer<'/api/dashboard', 'get'>, { recent_ledger: LedgerEntry[] }>

export type LedgerProblemKind = 'edited' | 'deleted' | 'reordered' | 'bad_signature'

export interface LedgerVerification {
  ok: boolean
  entries_checked: number
  checkpoints_checked: number
  first_problem: { seq: number; problem: LedgerProblemKind; message: string } | null
}
