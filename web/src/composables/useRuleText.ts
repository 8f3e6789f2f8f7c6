// A rule's summary, party and object in the user's language: the profile states each in English
// (`what`) and Indonesian (`what_id`); Indonesian readers get the English one only where a profile
// has no Indonesian text yet.
import { useI18n } from 'vue-i18n'
import type { Profile, ProfileRule } from '@/api/profile'

type Field = 'what' | 'who' | 'object'

export function useRuleText() {
  const { locale } = useI18n()
  const english = () => locale.value === 'en'

  function text(r: ProfileRule, field: Field): string {
    const en = r[field] ?? ''
    const id = r[`${field}_id`]
    return english() ? en || id || '' : id || en
  }

  function caveats(p: Profile): string[] {
    const id = p.regulation.caveats_id
    return !english() && id?.length ? id : p.regulation.caveats ?? []
  }

  return {
    what: (r: ProfileRule) => text(r, 'what'),
    who: (r: ProfileRule) => text(r, 'who'),
    object: (r: ProfileRule) => text(r, 'object'),
    caveats,
  }
}
