// Texts of an object's audit history, in English (typed against the Indonesian keys).
import type id from './id'

const en: typeof id = {
  auditHistory: {
    title: 'Audit history',
    hint: 'ICT audit programmes covering this object and the audit findings about it, newest first.',
    programmes: 'Audit programmes',
    findings: 'Audit findings',
    noProgrammes: 'No audit programme has covered this object yet.',
    noFindings: 'No audit finding about this object.',
    type: 'Audit type',
    programme: 'Programme',
    dates: 'Carried out',
    reportDate: 'Report {date}',
    planned: 'Planned {date}',
    started: 'Started {date}',
    state: 'Step',
    auditor: 'Auditor',
    imported: 'Imported history',
    importedHint: 'Made from the last audit date recorded on the application before audits were kept in Simpul.',
    severityLabel: 'Severity',
    finding: 'Finding',
    dueDate: 'Follow-up due',
    followUp: 'Follow-up',
    overdue: 'Overdue',
    viaControl: 'Through a security control',
    kind: { eksternal: 'ICT audit', internal: 'Internal audit' },
    steps: { direncanakan: 'Planned', dimulai: 'Started', laporan_diterima: 'Report received', ditutup: 'Closed' },
    severity: { rendah: 'Low', sedang: 'Medium', tinggi: 'High' },
    followUpState: {
      terbuka: 'Not followed up yet',
      ditindaklanjuti: 'Followed up {date}',
      terverifikasi: 'Verified {date}',
    },
  },
}

export default en
