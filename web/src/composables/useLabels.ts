// Labels for codes the server sends (ledger actions, rule kinds, flags). Unknown codes are shown
// as they are rather than hidden: a new server action must still be visible.
// tm() is used because some codes contain '.', '/' or spaces, which i18n key paths cannot hold.
import { useI18n } from 'vue-i18n'

export function useLabels() {
  const { t, tm, rt, te } = useI18n()

  function fromMap(path: string, key: string): string {
    const map = tm(path) as unknown as Record<string, unknown>
    const msg = map?.[key]
    return msg === undefined ? key : rt(msg as Parameters<typeof rt>[0])
  }

  return {
    fromMap,
    action: (code: string) => fromMap('ledger.actionName', code),
    objectType: (type: string) => fromMap('ledger.objectType', type),
    ruleKind: (kind: string) => fromMap('regulation.kindValue', kind),
    checkable: (value: string) => fromMap('regulation.checkableValue', value),
    enumeration: (id: string) => fromMap('regulation.enumerationName', id),
    flag: (flag: string) => (te(`agencies.flag.${flag}`) ? t(`agencies.flag.${flag}`) : flag),
    problem: (kind: string) => fromMap('ledger.problem', kind),
  }
}
