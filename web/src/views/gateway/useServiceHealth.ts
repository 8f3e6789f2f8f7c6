// Health of each service from GET /api/gateway/status, for lists that show a dot per service. Only
// users with gateway.traffic may read the status; for the others every service is 'not checked'.
import { shallowRef } from 'vue'
import { gatewayApi, type ServiceStatus } from '@/api/gateway'
import { useSessionStore } from '@/stores/session'

export function useServiceHealth() {
  const session = useSessionStore()
  const byId = shallowRef<Map<string, ServiceStatus>>(new Map())
  const running = shallowRef<boolean | null>(null)

  async function load(): Promise<void> {
    if (!session.can('gateway.traffic')) return
    try {
      const status = await gatewayApi.status()
      byId.value = new Map(status.services.map((s) => [s.id, s]))
      running.value = status.running
    } catch {
      // Health is extra information on these screens; the list itself still works.
    }
  }

  return { byId, running, load, of: (id: string) => byId.value.get(id) ?? null }
}
