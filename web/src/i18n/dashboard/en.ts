import type id from './id'

// Texts of the dashboard (Beranda), in English. Typed against id.ts: a key missing here does not
// compile.
const en: typeof id = {
  dashboard: {
    nav: {
      home: 'Home',
    },
    title: 'Home',
    subtitle: 'SPBE at a glance for {name}.',
    agencies: 'Agencies',
    users: 'Users',
    teams: 'Teams',
    rules: 'Regulation rules',
    rulesHint: 'rules in the regulation profile',
    recentActivity: 'Recent activity',
    activityNoPermission: 'Your role does not cover reading the audit trail, so recent activity is not shown.',
    recentActivityEmpty: 'No activity recorded yet.',
    allActivity: 'See the whole audit trail',
    notYet: 'Not available yet',
    notYetText: 'Not available yet — the {module} module will fill in this number.',
    teamFill: 'Team staffing against the regulation',
    teamFillHint: 'Members of each team compared with the minimum the regulation sets for its positions.',
    teamFillMembers: 'Members',
    teamFillMinimum: 'Minimum by regulation',
    teamFillEmpty: 'No teams yet.',
    teamFillTable: 'Team staffing chart data',
  },
  tasks: {
    title: 'My tasks',
    hint: 'What waits for you: recommendations to decide, access requests to recommend or decide, and findings of your agency due within two weeks.',
    empty: 'Nothing waits for you right now.',
    noPermission: 'Your role covers no recommendations, access requests or compliance findings, so this list is empty.',
    dueOn: 'due {date}',
    kind: { recommendation: 'Recommendation', request: 'Access request', finding: 'Finding' },
  },
  start: {
    title: 'Start here',
    hint: 'The order in which a Diskominfo usually sets Simpul up. Each step opens its page.',
    steps: {
      agencies: 'Agencies: check the list and each agency\'s short code.',
      users: 'Users: create accounts and give each the role of their duty (agency operator, reviewer, assessor, …).',
      teams: 'Teams: fill the positions of the SPBE coordination team and the other teams the regulation sets.',
      architecture: 'SPBE architecture: import or enter the elements of the six domains, then approve a version.',
      applications: 'SPBE applications: register applications, request recommendations, pass the feasibility test.',
      gateway: 'Service gateway: register services and decide access requests.',
      evaluation: 'SPBE evaluation: create this year\'s period; the assessor team is filled from the evaluation team.',
    },
    glossary: 'Terms',
    terms: {
      spbe: 'SPBE — Sistem Pemerintahan Berbasis Elektronik: electronic-based government.',
      pd: 'PD — Perangkat Daerah: the agencies of the regional government.',
      walidata: 'Wali Data — the agency responsible for its sector\'s data.',
      spl: 'SPL — Sistem Penghubung Layanan: the gateway through which agencies\' services exchange data.',
      tenant: 'Tenant code — the regional government\'s short name in Simpul (e.g. balikpapan), used to sign in.',
    },
  },
}

export default en
