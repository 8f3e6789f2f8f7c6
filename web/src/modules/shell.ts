// The frame every module fits into: the sections of the side navigation, which follow the
// regulation's structure (Tata Kelola, Manajemen, Audit TIK, Penyelenggara, Pemantauan dan
// Evaluasi), and the entries of modules not built yet, shown disabled as 'segera hadir' (never as
// empty pages). The shell's texts are in src/i18n/shell/.
import type { MenuEntry, MenuSection } from './types'

export const shellSections: MenuSection[] = [
  { id: 'governance', order: 20, label: 'nav.governance' },
  { id: 'management', order: 40 },
  { id: 'audit', order: 50 },
  { id: 'organisers', order: 60, label: 'nav.organisers' },
  { id: 'monitoring', order: 70, label: 'nav.monitoring' },
]

export const shellMenu: MenuEntry[] = [
  { section: 'management', order: 10, label: 'nav.management' },
]
