// Turns any thrown value into what a person should read: the server's message (already in their
// language), the article the refusal rests on, and the request id to quote when reporting.
import { ElMessage } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { ApiError, CLIENT_ERROR } from '@/api/client'
import type { RuleRef } from '@/api/types'

export interface ErrorView {
  message: string
  rule: RuleRef | null
  requestId: string | null
  code: string | null
  status: number | null
}

export function useApiError() {
  const { t } = useI18n()

  function describe(err: unknown): ErrorView {
    if (err instanceof ApiError) {
      let message = err.message
      if (err.code === CLIENT_ERROR.network) message = t('errors.network')
      else if (!message) message = t('errors.unexpected', { status: err.status })
      return { message, rule: err.rule, requestId: err.requestId, code: err.code, status: err.status }
    }
    return { message: t('errors.unexpected', { status: '—' }), rule: null, requestId: null, code: null, status: null }
  }

  /** One line for a toast: message, then the legal basis when the refusal cites one. */
  function summary(err: unknown): string {
    const v = describe(err)
    return v.rule ? `${v.message} (${t('errors.legalBasis')}: ${v.rule.citation}, ${v.rule.id})` : v.message
  }

  /** Shows a transient error. A 401 is not shown: the client already sends the user to sign in. */
  function notify(err: unknown): void {
    if (err instanceof ApiError && err.status === 401) return
    ElMessage({ type: 'error', message: summary(err), duration: 8000, showClose: true })
  }

  return { describe, summary, notify }
}
