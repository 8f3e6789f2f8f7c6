// vue-i18n set-up: Indonesian by default, English on request, the choice kept in localStorage.
// The texts are split by module: the shell's in ./shell, each console module's in ./<module>,
// assembled here from the one module list (src/modules). Every en.ts is typed against its id.ts, so
// a key missing in English does not compile; `npm run check:i18n` finds keys nobody uses.
import { createI18n } from 'vue-i18n'
import type { Locale } from '@/api/types'
import { consoleModules } from '@/modules'
import shellId from './shell/id'
import shellEn from './shell/en'

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never
/** Every namespace of the shell and of the modules, as Indonesian defines them. */
export type MessageSchema = typeof shellId & UnionToIntersection<(typeof consoleModules)[number]['messages']['id']>

function assemble(locale: Locale): MessageSchema {
  const messages: Record<string, object> = { ...(locale === 'id' ? shellId : shellEn) }
  for (const m of consoleModules) {
    for (const [namespace, texts] of Object.entries(m.messages[locale])) {
      // One namespace, one owner: a second module would silently replace the first one's texts.
      if (namespace in messages) throw new Error(`i18n: namespace '${namespace}' of module '${m.id}' is already defined`)
      messages[namespace] = texts
    }
  }
  return messages as MessageSchema
}

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
  messages: { id: assemble('id'), en: assemble('en') },
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
