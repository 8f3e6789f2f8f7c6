// What a detail page (one agency, element, application, finding) does to load its record: the
// loading and error state for its skeleton and error alert, and whether the error means the record
// does not exist, in which case a retry would not help.
import { computed, ref, shallowRef, type ShallowRef } from 'vue'
import { ApiError } from '@/api/client'

/** `onLoaded` runs after each successful load, e.g. to fetch what depends on the record. */
export function useDetailLoad<T>(fetch: () => Promise<T>, onLoaded?: (data: T) => void) {
  // Annotated: shallowRef<T | null>() would give a type that stays unresolved for the type parameter T.
  const data: ShallowRef<T | null> = shallowRef(null)
  const loading = ref(true)
  const error = ref<unknown>(null)

  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      const loaded = await fetch()
      data.value = loaded
      onLoaded?.(loaded)
    } catch (err) {
      error.value = err
      data.value = null
    } finally {
      loading.value = false
    }
  }

  const notFound = computed(() => error.value instanceof ApiError && error.value.status === 404)

  return { data, loading, error, notFound, load }
}
