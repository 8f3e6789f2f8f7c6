// The regulation profile as GET /api/profiles/{id} returns it (docs/profile-format.md), named from
// the generated contract (src/tenancy/openapi/profiles.json). The modules' own sections of a profile
// differ per module and are read by their screens through their own routes.
import type { Schema } from './contract'

export type Profile = Schema<'Profile'>
export type ProfileDomain = Schema<'ProfileDomain'>
export type ProfileRole = Schema<'ProfileRole'>
export type ProfileTeam = Schema<'ProfileTeam'>
export type ProfileTeamPosition = ProfileTeam['positions'][number]
export type ProfileChapter = Schema<'ProfileChapter'>
export type Enumeration = Schema<'ProfileEnumeration'>
export type EnumerationItem = Enumeration['items'][number]
export type ProfileRule = Schema<'ProfileRule'>
export type Checkable = ProfileRule['checkable']
export type ParameterValue = NonNullable<ProfileRule['parameters']>[string]
