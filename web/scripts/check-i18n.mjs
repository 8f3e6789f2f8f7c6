#!/usr/bin/env node
// `npm run check:i18n`: the console's texts are all used and all there.
//
//   - every key defined in an Indonesian message file (src/i18n/<module>/id.ts, which defines the
//     keys; each en.ts is typed against it) is referenced somewhere in src/;
//   - every key written literally in t('…'), te('…'), $t('…'), a route's title or a menu label, and
//     every map passed to fromMap('…'), exists;
//   - no namespace (top-level key) is defined by two modules;
//   - every entry of the allow-list below still matches a defined key.
//
// A key counts as referenced when its full path appears as a quoted string ('apps.code'), or when
// a quoted prefix of at least two segments names a group of it: fromMap('ledger.actionName', code)
// or t(`roleGrants.states.${state}`) use every key under that group. Keys reached in other ways are
// listed in ALLOWED with the reason. Exits 1, naming each problem with its file and line.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const web = fileURLToPath(new URL('..', import.meta.url))
const src = join(web, 'src')
const i18nDir = join(src, 'i18n')

/**
 * Keys used through names the code builds in ways this check cannot follow. An entry is a full key
 * or a group ending in '.*'. Keep each with the place that uses it.
 */
const ALLOWED = [
  // LanguageSwitch.vue: t(`language.${l}`) for each locale of LOCALES ('id', 'en').
  'language.id',
  'language.en',
]

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) walk(path, out)
    else if (/\.(ts|vue)$/.test(name)) out.push(path)
  }
  return out
}

/** The keys of one message file: leaves (texts) and groups, as paths of segments with their line. */
function keysOf(file) {
  const text = readFileSync(file, 'utf8')
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const leaves = []
  const groups = []
  let root = null
  sf.forEachChild(function find(node) {
    if (!root && ts.isVariableDeclaration(node) && node.initializer && ts.isObjectLiteralExpression(node.initializer)) root = node.initializer
    else node.forEachChild(find)
  })
  if (!root) throw new Error(`${relative(web, file)}: no object literal of messages found`)
  const visit = (obj, path) => {
    for (const prop of obj.properties) {
      if (!ts.isPropertyAssignment(prop)) throw new Error(`${relative(web, file)}: unexpected ${ts.SyntaxKind[prop.kind]} in messages`)
      const name = ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name) ? prop.name.text : null
      if (name === null) throw new Error(`${relative(web, file)}: computed key in messages`)
      const p = [...path, name]
      const line = sf.getLineAndCharacterOfPosition(prop.getStart()).line + 1
      if (ts.isObjectLiteralExpression(prop.initializer)) {
        groups.push({ path: p, line })
        visit(prop.initializer, p)
      } else leaves.push({ path: p, line })
    }
  }
  visit(root, [])
  return { leaves, groups }
}

const problems = []
const join_ = (path) => path.join('.')

// 1. What the message files define.
const moduleDirs = readdirSync(i18nDir).filter((d) => statSync(join(i18nDir, d)).isDirectory())
const leaves = new Map() // key -> {file, line}
const groups = new Map() // key -> [leaf keys]
const namespaceOwner = new Map()
for (const dir of moduleDirs) {
  const file = join(i18nDir, dir, 'id.ts')
  const rel = relative(web, file)
  let keys
  try {
    keys = keysOf(file)
  } catch (err) {
    problems.push(String(err.message ?? err))
    continue
  }
  try {
    statSync(join(i18nDir, dir, 'en.ts'))
  } catch {
    problems.push(`src/i18n/${dir}/en.ts is missing (every id.ts needs its English twin)`)
  }
  for (const g of keys.groups.filter((g) => g.path.length === 1)) {
    const ns = g.path[0]
    if (namespaceOwner.has(ns)) problems.push(`${rel}:${g.line}: namespace '${ns}' is already defined in ${namespaceOwner.get(ns)}`)
    else namespaceOwner.set(ns, rel)
  }
  for (const leaf of keys.leaves) {
    const key = join_(leaf.path)
    leaves.set(key, { file: rel, line: leaf.line })
    for (let n = 1; n < leaf.path.length; n++) {
      const g = join_(leaf.path.slice(0, n))
      if (!groups.has(g)) groups.set(g, [])
      groups.get(g).push(key)
    }
  }
}

// 2. What the code references: quoted strings that name a key, or a group through a quoted prefix
// (a template literal's head `a.b.${…}` or a whole string 'a.b' given to fromMap/tm).
const used = new Set()
const sources = walk(src).filter((f) => !(f.startsWith(i18nDir) && /\/(id|en)\.ts$/.test(f)))
const QUOTED = /(['"`])([A-Za-z_$][\w$-]*(?:\.[\w$-]+)*)(\.?)(?=\1|\$\{)/g
const LITERAL_CALL = /(?<![\w$.])(\$?t|te|fromMap|tm)\(\s*'([^'\n]+)'/g
const MODULE_FIELD = /\b(title|label):\s*'([^'\n]+)'/g
const useGroup = (g) => {
  for (const k of groups.get(g) ?? []) used.add(k)
}
for (const file of sources) {
  const text = readFileSync(file, 'utf8')
  const rel = relative(web, file)
  const lineAt = (index) => text.slice(0, index).split('\n').length
  for (const m of text.matchAll(QUOTED)) {
    const [, quote, name, dot] = m
    const dynamic = dot === '.' && quote === '`'
    if (!dynamic && dot === '.') continue
    if (!dynamic && leaves.has(name)) used.add(name)
    // A group of two or more segments: a map handed to fromMap() or a prefix completed at run time.
    // A lone namespace is too broad to count ('gw.' would cover hundreds of keys).
    if (groups.has(name) && name.includes('.')) useGroup(name)
  }
  for (const m of text.matchAll(LITERAL_CALL)) {
    const [, fn, key] = m
    const ok = fn === 'fromMap' || fn === 'tm' ? groups.has(key) : leaves.has(key)
    if (!ok) problems.push(`${rel}:${lineAt(m.index)}: ${fn}('${key}') names no ${fn === 'fromMap' || fn === 'tm' ? 'group of keys' : 'key'} in src/i18n/*/id.ts`)
  }
  if (rel.startsWith('src/modules/') || rel === 'src/router/index.ts') {
    for (const m of text.matchAll(MODULE_FIELD)) {
      if (!leaves.has(m[2])) problems.push(`${rel}:${lineAt(m.index)}: ${m[1]} '${m[2]}' names no key in src/i18n/*/id.ts`)
    }
  }
}

// 3. The allow-list: each entry must still name something.
for (const entry of ALLOWED) {
  const matched = entry.endsWith('.*') ? groups.get(entry.slice(0, -2)) ?? [] : leaves.has(entry) ? [entry] : []
  if (matched.length === 0) problems.push(`scripts/check-i18n.mjs: allow-list entry '${entry}' matches no key; remove it`)
  for (const k of matched) used.add(k)
}

const unused = [...leaves].filter(([key]) => !used.has(key))
for (const [key, where] of unused) problems.push(`${where.file}:${where.line}: '${key}' is defined but never used in src/`)

if (problems.length) {
  console.error(problems.join('\n'))
  console.error(`\ncheck:i18n: ${problems.length} problem(s); ${unused.length} unused key(s) of ${leaves.size}.`)
  process.exit(1)
}
console.log(`check:i18n: ${leaves.size} keys in ${moduleDirs.length} modules, all defined where used and all used.`)
