// A server-paged, server-sorted, server-searched list (docs/api.md "Lists"), with the states a
// table shows: loading, failed, empty, filled.
import { reactive, ref, shallowRef, watch } from 'vue'
import type { ListPage, ListQuery } from '@/api/types'

export interface ServerListOptions {
  perPage?: number
  sort?: string
  order?: 'asc' | 'desc'
}

export function useServerList<T>(fetchPage: (q: ListQuery) => Promise<ListPage<T>>, opts: ServerListOptions = {}) {
  const query = reactive<Required<Pick<ListQuery, 'page' | 'per_page'>> & ListQuery>({
    q: '',
    sort: opts.sort,
    order: opts.order ?? 'asc',
    page: 1,
    per_page: opts.perPage ?? 20,
  })
  const items = shallowRef<T[]>([])
  const total = ref(0)
  const loading = ref(false)
  const error = ref<unknown>(null)
  let generation = 0

  async function load(): Promise<void> {
    const mine = ++generation
    loading.value = true
    error.value = null
    try {
      const page = await fetchPage({ ...query, q: query.q?.trim() || undefined })
      if (mine !== generation) return // a newer request superseded this one
      items.value = page.items
      total.value = page.total
    } catch (err) {
      if (mine !== generation) return
      error.value = err
      items.value = []
      total.value = 0
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  // Typing in the search box waits a moment, so the server gets one request per pause, not per key.
  let timer: ReturnType<typeof setTimeout> | undefined
  watch(
    () => query.q,
    () => {
      clearTimeout(timer)
      timer = setTimeout(() => {
        query.page = 1
        void load()
      }, 300)
    },
  )

  function setPage(page: number): void {
    query.page = page
    void load()
  }

  function setPerPage(perPage: number): void {
    query.per_page = perPage
    query.page = 1
    void load()
  }

  /** Handler for el-table's sort-change; null order goes back to the server's default. */
  function onSortChange(e: { prop: string | null; order: 'ascending' | 'descending' | null }): void {
    if (!e.order || !e.prop) {
      query.sort = opts.sort
      query.order = opts.order ?? 'asc'
    } else {
      query.sort = e.prop
      query.order = e.order === 'descending' ? 'desc' : 'asc'
    }
    query.page = 1
    void load()
  }

  return { query, items, total, loading, error, load, setPage, setPerPage, onSortChange }
}
