// Element Plus sorts a column when its header is clicked, but headers cannot be focused.
// This directive makes every sortable header of a table a keyboard stop (Enter or Space sorts)
// and announces the current order through aria-sort.
import type { Directive } from 'vue'

function enhance(root: HTMLElement): void {
  root.querySelectorAll<HTMLTableCellElement>('th.is-sortable').forEach((th) => {
    if (!th.dataset.keyboardSort) {
      th.dataset.keyboardSort = '1'
      th.tabIndex = 0
      th.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault()
          th.click()
        }
      })
    }
    const order = th.classList.contains('ascending') ? 'ascending' : th.classList.contains('descending') ? 'descending' : 'none'
    th.setAttribute('aria-sort', order)
  })
}

export const vKeyboardSort: Directive<HTMLElement> = {
  mounted: (el) => enhance(el),
  updated: (el) => enhance(el),
}
