// The agencies a form of Infrastruktur SPBE offers: all of them (e.g. the other end of a WAN link),
// and those the user may write for (every PD with infrastructure.write, their own with .own).
import { computed, onMounted, ref } from 'vue'
import type { Named } from '@/api/infrastructure'
import { organisationApi } from '@/api/organisation'
import { useSessionStore } from '@/stores/session'

export function useInfraAgencies() {
  const session = useSessionStore()
  const all = ref<Named[]>([])
  const writable = computed(() => all.value.filter((a) => session.canOwn('infrastructure.write', a.id)))
  onMounted(async () => {
    const page = await organisationApi.agencies({ per_page: 200, sort: 'code', order: 'asc' })
    all.value = page.items.map((a) => ({ id: a.id, name: a.name }))
  })
  return { all, writable }
}
