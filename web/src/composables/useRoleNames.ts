// Role names in the UI language, from GET /api/roles.
import { ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { usersApi } from '@/api/users'
import type { Locale, Role } from '@/api/types'

export function useRoles() {
  const { locale } = useI18n()
  const roles = shallowRef<Role[]>([])
  const loading = ref(false)
  const error = ref<unknown>(null)

  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      roles.value = await usersApi.roles()
    } catch (err) {
      error.value = err
    } finally {
      loading.value = false
    }
  }

  function roleName(id: string): string {
    const r = roles.value.find((x) => x.id === id)
    return r ? r.name[locale.value as Locale] ?? r.name.id : id
  }

  function roleDescription(r: Role): string {
    return r.description[locale.value as Locale] ?? r.description.id
  }

  return { roles, loading, error, load, roleName, roleDescription }
}
