// Who is signed in, for which Pemda, and what they may do. The server stays the authority:
// permissions here only decide what the console offers.
import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { authApi, type Credentials } from '@/api/auth'
import { ApiError } from '@/api/client'
import type { Tenant, User } from '@/api/types'
import { resetSessionState } from '@/composables/sessionScoped'
import { setDisplayTimeZone } from '@/utils/format'

export const useSessionStore = defineStore('session', () => {
  const user = ref<User | null>(null)
  const tenant = ref<Tenant | null>(null)
  // Dates follow the Pemda's clock (WIB, WITA or WIT), not the browser's.
  watch(tenant, (t) => setDisplayTimeZone(t?.time_zone?.iana, t?.time_zone?.id ?? ''), { immediate: true })
  const csrfToken = ref<string | null>(null)
  /** True once we asked the server who we are on this page load (signed in or not). */
  const checked = ref(false)
  /** The administrator set the password: the console shows nothing but the change until it is made. */
  const mustChangePassword = ref(false)

  const signedIn = computed(() => user.value !== null)
  const permissions = computed(() => new Set(user.value?.permissions ?? []))

  function can(permission: string): boolean {
    return permissions.value.has(permission)
  }

  /** `<permission>`, or `<permission>.own` for records of the user's own agency (agency_operator). */
  function canOwn(permission: string, agencyId?: string | null): boolean {
    if (can(permission)) return true
    return !!agencyId && can(`${permission}.own`) && user.value?.agency_id === agencyId
  }

  /** agency.write, or agency.write.own for the user's own agency. */
  function canWriteAgency(agencyId?: string): boolean {
    return canOwn('agency.write', agencyId)
  }

  /** Ends the session in the console: who is signed in, and every cache of that session's data. */
  function clear(): void {
    user.value = null
    tenant.value = null
    csrfToken.value = null
    mustChangePassword.value = false
    resetSessionState()
  }

  /** Asks /api/auth/me once per page load; a 401 simply means nobody is signed in. */
  async function ensureChecked(): Promise<void> {
    if (checked.value) return
    try {
      const me = await authApi.me(true)
      user.value = me.user
      tenant.value = me.tenant
      csrfToken.value = me.csrf_token
      mustChangePassword.value = me.must_change_password === true
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401)) throw err
      clear()
    } finally {
      checked.value = true
    }
  }

  async function login(credentials: Credentials): Promise<void> {
    // Whatever an earlier session in this tab loaded (another user, maybe another tenant) goes first.
    resetSessionState()
    const answer = await authApi.login(credentials)
    csrfToken.value = answer.csrf_token
    user.value = answer.user
    // /me carries the tenant (name and regulation) the header shows.
    const me = await authApi.me(true)
    user.value = me.user
    tenant.value = me.tenant
    csrfToken.value = me.csrf_token
    mustChangePassword.value = answer.must_change_password === true || me.must_change_password === true
    checked.value = true
  }

  /** The password is changed: the console opens. */
  function passwordChanged(): void {
    mustChangePassword.value = false
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout()
    } finally {
      clear()
    }
  }

  return {
    user, tenant, csrfToken, checked, mustChangePassword, signedIn, permissions,
    can, canOwn, canWriteAgency, clear, ensureChecked, login, logout, passwordChanged,
  }
})
