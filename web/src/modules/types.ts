// What a console module says about itself, once: its screens (routes), its entries in the side
// navigation and its texts (i18n namespaces). The router, the navigation and i18n read these from
// the one list in ./index.ts, so a new module is a folder of views, a folder of texts in
// src/i18n/<module>/, one file here and one line in that list.
import type { Component } from 'vue'
import type { RouteRecordRaw } from 'vue-router'

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean
    /** What /api/auth/me must grant to open the screen; the API still checks every call. */
    permission?: string
    /** i18n key of the page title */
    title?: string
    /**
     * Where a user without the dashboard lands: the allowed route with the lowest number wins.
     * Routes without it are never a landing page.
     */
    landing?: number
  }
}

/** A group of the side navigation; a section without a label is a single line of its own. */
export interface MenuSection {
  id: string
  /** Position among sections (lower first). */
  order: number
  /** i18n key of the heading. */
  label?: string
}

export interface MenuEntry {
  /** Id of the section it belongs to (declared by the shell or by a module). */
  section: string
  /** Position inside the section (lower first). */
  order: number
  /** i18n key of the label. */
  label: string
  /** Address it opens; without one the entry is a module not built yet, shown as 'segera hadir'. */
  to?: string
  /** Shown only to users with this permission. */
  permission?: string
  /** Optional icon component shown before the label. */
  icon?: Component
}

/** Texts of one language: namespaces (top-level keys) of nested messages. */
export type ModuleMessages = Record<string, object>

export interface ConsoleModule<M extends ModuleMessages = ModuleMessages> {
  id: string
  /**
   * The module's texts, Indonesian first; each top-level key is a namespace only this module
   * defines (`npm run check:i18n` refuses duplicates). en is typed against id in its own file.
   */
  messages: { id: M; en: M }
  /** Screens inside the signed-in frame (paths relative to '/'). */
  routes: RouteRecordRaw[]
  menu: MenuEntry[]
  /** Sections this module adds to the navigation, if it does not fit the shell's. */
  sections?: MenuSection[]
}

/** Identity function that keeps the type of the module's messages for the i18n schema. */
export function defineConsoleModule<M extends ModuleMessages>(module: ConsoleModule<M>): ConsoleModule<M> {
  return module
}
