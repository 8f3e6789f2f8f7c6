// A value fetched once per page load and shared by every component that asks for it (the
// profile's options of a module): concurrent callers wait for the same request, a failure is kept
// for display and the next load() tries again.
import { ref, shallowRef, type Ref, type ShallowRef } from 'vue'

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
  function load(): Promise<void> {
    if (value.value) return Promise.resolve()
    if (pending) return pending
    loading.value = true
    error.value = null
    pending = fetch()
      .then((v) => {
        value.value = v
      })
      .catch((err: unknown) => {
        error.value = err
      })
      .finally(() => {
        loading.value = false
        pending = null
      })
    return pending
  }
  return { value, loading, error, load }
}
