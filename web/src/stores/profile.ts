// The tenant's regulation profile, loaded once per session and shared: forms take their choices
// from it (agency types, role flags), the Regulasi screen shows it whole. Forgotten with the session
// (sessionScoped.ts).
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { organisationApi } from '@/api/organisation'
import { onSessionReset, sessionGeneration } from '@/composables/sessionScoped'
import type { EnumerationItem, Profile, ProfileRule } from '@/api/profile'

/** Flags the API knows (docs/profile-format.md), in the order the form lists them. */
export const AGENCY_FLAGS = [
  'kominfo',
  'planning',
  'inspectorate',
  'finance',
  'organisation_bureau',
  'wali_data',
  'mandiri_tik',
] as const

export const useProfileStore = defineStore('profile', () => {
  const profile = ref<Profile | null>(null)
  const loading = ref(false)
  const error = ref<unknown>(null)
  let pending: Promise<void> | null = null

  async function load(profileId: string, force = false): Promise<void> {
    if (profile.value?.id === profileId && !force) return
    if (pending) return pending
    const started = sessionGeneration()
    const current = () => started === sessionGeneration()
    loading.value = true
    error.value = null
    const request: Promise<void> = organisationApi
      .profile(profileId)
      .then((p) => {
        if (current()) profile.value = p
      })
      .catch((err: unknown) => {
        if (current()) error.value = err
      })
      .finally(() => {
        if (!current()) return
        loading.value = false
        if (pending === request) pending = null
      })
    pending = request
    return request
  }

  const agencyTypes = computed<EnumerationItem[]>(() => profile.value?.enumerations?.agency_types?.items ?? [])

  /** The flags this regulation assigns to agencies; every known flag when the profile names none. */
  const agencyFlags = computed<string[]>(() => {
    const named = new Set((profile.value?.roles ?? []).map((r) => r.agency_flag).filter((f): f is string => !!f))
    return named.size ? AGENCY_FLAGS.filter((f) => named.has(f)) : [...AGENCY_FLAGS]
  })

  /** The regulation's own name for the role behind a flag (e.g. 'Dinas Komunikasi dan Informatika'). */
  function flagRegulationName(flag: string): string | null {
    return profile.value?.roles?.find((r) => r.agency_flag === flag)?.name ?? null
  }

  function agencyTypeName(id: string): string {
    return agencyTypes.value.find((t) => t.id === id)?.name ?? id
  }

  function rule(id: string | null | undefined): ProfileRule | null {
    if (!id) return null
    return profile.value?.rules.find((r) => r.id === id) ?? null
  }

  function clear(): void {
    profile.value = null
    error.value = null
    loading.value = false
    pending = null
  }
  onSessionReset(clear)

  return { profile, loading, error, load, agencyTypes, agencyFlags, flagRegulationName, agencyTypeName, rule, clear }
})
