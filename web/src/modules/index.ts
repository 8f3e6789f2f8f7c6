// The console's modules: ONE list, read by the router (routes and landing pages), the side
// navigation (sections and entries) and i18n (each module's texts). Adding a module means a folder
// of views, a folder of texts (src/i18n/<module>/id.ts and en.ts), a file here describing it, and
// one line in this list. The order of the list does not matter to users: menus sort by `order`.
import type { RouteRecordRaw } from 'vue-router'
import applications from './applications'
import architecture from './architecture'
import audit from './audit'
import compliance from './compliance'
import dashboard from './dashboard'
import evaluation from './evaluation'
import gateway from './gateway'
import infrastructure from './infrastructure'
import ledger from './ledger'
import notification from './notification'
import organisation from './organisation'
import planning from './planning'
import regulation from './regulation'
import roadmap from './roadmap'
import servicedesk from './servicedesk'
import { shellMenu, shellSections } from './shell'
import type { MenuEntry, MenuSection } from './types'

export const consoleModules = [
  dashboard,
  organisation,
  architecture,
  roadmap,
  planning,
  applications,
  compliance,
  evaluation,
  gateway,
  infrastructure,
  servicedesk,
  notification,
  audit,
  regulation,
  ledger,
] as const

/** Screens of every module, inside the signed-in frame. */
export function moduleRoutes(): RouteRecordRaw[] {
  const routes = consoleModules.flatMap((m) => m.routes)
  // Two modules naming a route alike would silently replace one screen with another.
  const names = new Set<unknown>()
  for (const r of routes) {
    if (names.has(r.name)) throw new Error(`console modules: route name '${String(r.name)}' is defined twice`)
    names.add(r.name)
  }
  return routes
}

/** Route names of landing pages in order: a user without the dashboard opens the first allowed one. */
export function landingRoutes(): { name: string; permission: string | undefined }[] {
  return moduleRoutes()
    .filter((r) => r.meta?.landing !== undefined && typeof r.name === 'string')
    .sort((a, b) => (a.meta?.landing ?? 0) - (b.meta?.landing ?? 0))
    .map((r) => ({ name: r.name as string, permission: r.meta?.permission }))
}

export interface NavSection extends MenuSection {
  entries: MenuEntry[]
}

/** The side navigation: every section with its entries, both in order; sections without entries are left out. */
export function navigation(): NavSection[] {
  const sections = [...shellSections, ...consoleModules.flatMap((m) => m.sections ?? [])]
  const entries = [...shellMenu, ...consoleModules.flatMap((m) => m.menu)]
  // A menu entry in a section nobody declares would vanish from the navigation without a word.
  for (const e of entries) {
    if (!sections.some((s) => s.id === e.section)) throw new Error(`console modules: menu entry '${e.label}' names unknown section '${e.section}'`)
  }
  return sections
    .sort((a, b) => a.order - b.order)
    .map((s) => ({ ...s, entries: entries.filter((e) => e.section === s.id).sort((a, b) => a.order - b.order) }))
    .filter((s) => s.entries.length > 0)
}
