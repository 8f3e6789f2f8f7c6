// A value fetched once per session and shared by every component that asks for it (the profile's
// options of a module): concurrent callers wait for the same request, a failure is kept for display
// and the next load() tries again. The value is forgotten when the session ends or another user
// signs in (sessionScoped.ts), and an answer that arrives after that is dropped.
import { ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import { onSessionReset, sessionGeneration } from '@/composables/sessionScoped'

export interface OnceLoaded<T> {
  value: ShallowRef<T | null>
  loading: Ref<boolean>
  error: Ref<unknown>
  load: () => Promise<void>
}

export function onceLoaded<T>(fetch: () => Promise<T>): OnceLoaded<T> {
  const value = shallowRef<T | null>(null)
  const loading = ref(false)
  const error = ref<unknown>(null)
  let pending: Promise<void> | null = null

  onSessionReset(() => {
    value.value = null
    error.value = null
    loading.value = false
    pending = null
  })

  function load(): Promise<void> {
    if (value.value) return Promise.resolve()
    if (pending) return pending
    const started = sessionGeneration()
    const current = () => started === sessionGeneration()
    loading.value = true
    error.value = null
    const request: Promise<void> = fetch()
      .then((v) => {
        if (current()) value.value = v
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
  return { value, loading, error, load }
}
