// All agencies of the tenant, for select boxes. Pages through the list (200 is the API's maximum
// page size), so a Pemda with many Perangkat Daerah still gets every one.
import { ref, shallowRef } from 'vue'
import { organisationApi } from '@/api/organisation'
import type { Agency } from '@/api/types'

export function useAgencyOptions() {
  const agencies = shallowRef<Agency[]>([])
  const loading = ref(false)
  const error = ref<unknown>(null)

  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      const all: Agency[] = []
      for (let page = 1; ; page++) {
        const res = await organisationApi.agencies({ page, per_page: 200, sort: 'name', order: 'asc' })
        all.push(...res.items)
        if (res.items.length === 0 || all.length >= res.total) break
      }
      agencies.value = all
    } catch (err) {
      error.value = err
    } finally {
      loading.value = false
    }
  }

  return { agencies, loading, error, load }
}
