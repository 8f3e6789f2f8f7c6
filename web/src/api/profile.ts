// The regulation profile as GET /api/profiles/{id} returns it (docs/profile-format.md).
// Optional fields are typed loosely on purpose: profiles of five regions differ in what they state.

export interface ProfileDomain {
  literal: string
  effective: string
  rule: string | null
}

export interface ProfileRole {
  id: string
  name: string
  term?: string
  agency_flag: string | null
  rule: string | null
}

export interface ProfileTeamPosition {
  id: string
  name: string
  holder: string | null
  min: number
  max: number | null
  rule: string | null
  duties: string[]
}

export interface ProfileTeam {
  id: string
  name: string
  instrument: string | null
  rule: string | null
  optional: boolean
  positions: ProfileTeamPosition[]
}

export interface ProfileChapter {
  id: string
  title: string
  first_article: number
  last_article: number
}

export interface EnumerationItem {
  id: string
  name: string
}

export interface Enumeration {
  rule: string | null
  items: EnumerationItem[]
}

export type Checkable = 'yes' | 'partly' | 'no'

export type ParameterValue = string | number | boolean | null | string[]

export interface ProfileRule {
  id: string
  citation: string
  article: number
  chapter: string | null
  kind: string
  who: string
  /** The party in Indonesian (absent where `who` is 'n/a'). */
  who_id?: string
  /** English summary of the article. */
  what: string
  /** Indonesian summary of the article. */
  what_id?: string
  object?: string
  object_id?: string
  parameters?: Record<string, ParameterValue>
  checkable: Checkable
  how?: string
}

export interface Profile {
  schema: string
  id: string
  version: number
  rule_prefix: string
  region: {
    type: string
    name: string
    short_name: string
    head_title: string
    government_name: string
  }
  regulation: {
    instrument: string
    number: string | null
    year: number | null
    title: string
    enacted: string | null
    promulgated: string | null
    repeals: string | null
    caveats: string[]
    /** The caveats in Indonesian, in the same order. */
    caveats_id?: string[]
  }
  domain: ProfileDomain
  email_domain: ProfileDomain | null
  roles: ProfileRole[]
  teams: ProfileTeam[]
  chapters: ProfileChapter[]
  enumerations: Record<string, Enumeration>
  rules: ProfileRule[]
}
