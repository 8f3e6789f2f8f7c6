import type id from './id'

// Texts of the notification preference, in English. Typed against id.ts: a key missing here does
// not compile.
const en: typeof id = {
  notifications: {
    settings: {
      title: 'Notification settings',
      open: 'Notification settings',
      intro: 'Every notification always reaches your Notifications inbox. Here you choose how e-mail is sent to you. This setting applies to your own account only.',
      email: 'E-mail',
      immediate: 'At once, one e-mail per notification',
      daily: 'Daily digest, one e-mail a day',
      none: 'No e-mail, in the application only',
      summaries: 'Daily summaries from modules',
      summariesHelp: 'For example the service desk’s daily queue digest for desk staff.',
      emailOff: 'The operator has not set up e-mail yet; the e-mail choice applies once it is.',
      save: 'Save',
      saved: 'Notification settings saved.',
      updated: 'Last changed {at}',
      back: 'Back to Notifications',
    },
    inbox: { openLink: 'Open' },
  },
}

export default en
