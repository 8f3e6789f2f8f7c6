// vue-i18n set-up: Indonesian by default, English on request, the choice kept in localStorage.
import { createI18n } from 'vue-i18n'
import type { Locale } from '@/api/types'
import id, { type MessageSchema } from './id'
import en from './en'

export const LOCALES: readonly Locale[] = ['id', 'en']
const STORAGE_KEY = 'simpul.locale'

function savedLocale(): Locale {
  try {
    const v = localStorage.getItem(STORAGE_KEY)
    if (v === 'id' || v === 'en') return v
  } catch {
    // Storage can be unavailable (privacy mode); Indonesian is the right default anyway.
  }
  return 'id'
}

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: savedLocale(),
  fallbackLocale: 'id',
  messages: { id, en },
  // Message keys are never shown to users; a missing key is a bug found by the type check.
  missingWarn: false,
  fallbackWarn: false,
})

export function currentLocale(): Locale {
  return i18n.global.locale.value
}

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Not saved: the choice still holds for this page.
  }
}

document.documentElement.lang = savedLocale()
