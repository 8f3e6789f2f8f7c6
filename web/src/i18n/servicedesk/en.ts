import type id from './id'

// Texts of the service desk and the inbox, in English. Typed against id.ts: a key missing here does
// not compile.
const en: typeof id = {
  servicedesk: {
    nav: { section: 'SPBE services', tickets: 'Service tickets', knowledge: 'Knowledge base', report: 'Service desk report', staffing: 'Service desk staff', catalogue: 'SPBE service catalogue', inbox: 'Notifications' },
    title: 'Service tickets',
    subtitle: 'Complaints, incidents, problems, requests and changes of SPBE services, handled as the region’s regulation says.',
    ticket: 'Ticket',
    tabs: { mine: 'My tickets', queue: 'Queue', all: 'All I can see' },
    newTicket: 'New ticket',
    fields: {
      number: 'Number', title: 'Title', type: 'Type', priority: 'Priority', state: 'State', tier: 'Tier', agency: 'Agency',
      assignee: 'Assignee', urgency: 'Urgency', impact: 'Impact', description: 'Description', created: 'Opened', level2: 'Ask Level 2 directly',
    },
    open: 'Submit',
    redirected: 'The ticket went to your agency’s Level 1, as {citation} says.',
    sla: { title: 'Service times (SLA)', own: 'Time to own', resolve: 'Time to resolve', minutes: '{used} of {target} working minutes', breached: 'Breached', paused: 'Paused: the ticket is pending' },
    timeline: 'Timeline',
    internal: 'Internal note',
    send: 'Send reply',
    actions: {
      assign: 'Take ticket', start: 'Start work', pend: 'Put on hold', resume: 'Resume', resolve: 'Resolve', close: 'Close', reopen: 'Reopen',
      escalate: 'Escalate to Level 2', return: 'Return to Level 1', rate: 'Rate',
    },
    escalateNote: 'What did Level 1 try?',
    escalateRule: 'This step is recorded with its legal basis, {citation}.',
    note: 'Note',
    score: 'Score (1-5)',
    empty: 'No tickets yet.',
    catalogue: {
      title: 'SPBE service catalogue',
      subtitle: 'The services the desk handles: owning PD, the architecture elements they run on, and their SLA class.',
      add: 'Add service', edit: 'Edit', remove: 'Remove', save: 'Save', cancel: 'Cancel',
      removeConfirm: 'Remove the service {name} from the catalogue?',
      empty: 'No services in the catalogue yet.',
      code: 'Code', name: 'Service name', nameEn: 'Name (English)', owner: 'Owning PD',
      elements: 'Runs on elements', sla: 'SLA class',
    },
    monitoring: {
      title: 'Monitoring key (alert API)',
      explain: 'A monitoring system sends alerts to POST /api/servicedesk/alerts with this key in the X-Monitoring-Key header. An alert about an architecture element opens a gangguan (incident) ticket in its owning PD; repeated alerts are added to the ticket while it is open.',
      none: 'No monitoring key yet: alerts are refused.',
      active: 'Active key {prefix}… created by {by}, {at}.',
      create: 'Create monitoring key',
      rotate: 'Rotate key',
      rotateConfirm: 'The old key stops working at once. The monitoring system must use the new key. Continue?',
      revoke: 'Revoke key',
      revokeConfirm: 'Once revoked, every alert is refused until a new key is created. Continue?',
      once: 'Store this key now. It is shown only once; Simpul keeps only its fingerprint (SHA-256).',
      copy: 'Copy key',
      usage: 'Alert body (JSON): element_code (the architecture element code), severity (critical, major, warning, minor), summary, and status (firing or resolved).',
      stored: 'I have stored it',
    },
    staffing: {
      title: 'Service desk staff',
      subtitle: 'Every agency and its desk staff against the region’s regulation.',
      level1: 'Level 1 / service desk',
      level2: 'Level 2',
      desk: 'Unit and SOP',
      report: 'Last report',
      staffed: 'Meets the requirement',
      notStaffed: 'Not yet',
    },
    states: { open: 'Open', new: 'New', assigned: 'Assigned', in_progress: 'In progress', pending: 'Pending', resolved: 'Resolved', closed: 'Closed' },
    events: { created: 'Opened', assigned: 'Taken', state: 'State changed', escalated: 'Escalated to Level 2', returned: 'Returned to Level 1', redirected: 'Redirected to Level 1', reopened: 'Reopened', rated: 'Rated', attachment: 'Attachment added', article: 'Made a knowledge base article', comment: 'Reply', note: 'Internal note' },
    filters: { all: 'All', tier1: 'Level 1', tier2: 'Level 2', breached: 'SLA breached', assignedToMe: 'Assigned to me' },
    bulk: {
      selected: '{n} tickets selected', action: 'Choose a step', run: 'Apply', reason: 'Reason for the hold', resolution: 'Resolution',
      outcome: '{done} tickets done, {refused} refused (outside your queue or in another state).',
    },
    attachments: {
      title: 'Attachments', none: 'No attachments yet.', add: 'Add attachment',
      hint: 'PDF, images (PNG, JPEG, GIF), text or Office documents; at most 5 MB. The type is checked from the content and files are always downloaded.',
    },
    kb: {
      title: 'Knowledge base', subtitle: 'The desk’s solution articles: the record of knowledge management, some written from resolved tickets.',
      search: 'Search title or text', searchRun: 'Search', category: 'Category', visibility: 'Readable by', ticket: 'From ticket', updated: 'Updated',
      new: 'Write article', body: 'Text (Markdown)', public: 'All staff', technicians: 'Service desk staff', save: 'Save', cancel: 'Cancel', edit: 'Edit',
      empty: 'No articles yet.', count: '{n} articles', fromTicket: 'Turn into a knowledge base article', fromTicketLink: 'Written from ticket {number}',
    },
    report: {
      title: 'Service desk report', subtitle: 'Tickets opened in the period per agency and tier: SLA breach rate and backlog.',
      from: 'From', to: 'To', show: 'Show', empty: 'No tickets in this period.', desk: 'Service desk',
      breachRate: 'SLA breach rate (%)', backlog: 'Open backlog', opened: 'Opened', resolved: 'Resolved',
      backlogShort: 'Backlog', breached: 'SLA breached', rate: 'Rate',
    },
    inbox: { title: 'Notifications', empty: 'No notifications.', markRead: 'Mark read', unread: 'Unread' },
  },
}

export default en
