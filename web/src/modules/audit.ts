// Audit TIK: what is due per audit type, audit programmes with their steps and gates, and findings.
import id from '@/i18n/ictAudit/id'
import en from '@/i18n/ictAudit/en'
import historyId from '@/i18n/auditHistory/id'
import historyEn from '@/i18n/auditHistory/en'
import { defineConsoleModule } from './types'

export default defineConsoleModule({
  id: 'audit',
  messages: { id: { ...id, ...historyId }, en: { ...en, ...historyEn } },
  routes: [
    { path: 'audit', name: 'audit-due', component: () => import('@/views/audit/AuditDueView.vue'), meta: { permission: 'audit.read', title: 'ictAudit.due.title' } },
    { path: 'audit/program', name: 'audit-programmes', component: () => import('@/views/audit/ProgrammesView.vue'), meta: { permission: 'audit.read', title: 'ictAudit.programmes.title' } },
    { path: 'audit/kalender', name: 'audit-calendar', component: () => import('@/views/audit/AuditCalendarView.vue'), meta: { permission: 'audit.read', title: 'ictAudit.calendar.title' } },
    { path: 'audit/program/baru', name: 'audit-programme-new', component: () => import('@/views/audit/ProgrammePlanView.vue'), meta: { permission: 'audit.manage', title: 'ictAudit.plan.title' } },
    { path: 'audit/program/:id', name: 'audit-programme', component: () => import('@/views/audit/ProgrammeView.vue'), props: true, meta: { permission: 'audit.read', title: 'ictAudit.programmes.title' } },
    { path: 'audit/temuan', name: 'audit-findings', component: () => import('@/views/audit/FindingsView.vue'), meta: { permission: 'audit.read', title: 'ictAudit.findings.title' } },
  ],
  menu: [
    { section: 'audit', order: 10, label: 'nav.audit', to: '/audit', permission: 'audit.read' },
    { section: 'audit', order: 15, label: 'ictAudit.nav.calendar', to: '/audit/kalender', permission: 'audit.read' },
    { section: 'audit', order: 20, label: 'ictAudit.nav.programmes', to: '/audit/program', permission: 'audit.read' },
    { section: 'audit', order: 30, label: 'ictAudit.nav.findings', to: '/audit/temuan', permission: 'audit.read' },
  ],
})
