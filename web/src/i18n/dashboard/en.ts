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
}

export default en
