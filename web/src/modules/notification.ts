// Notifications, a platform capability (docs/notifications.md): the signed-in user's own
// preference. The inbox itself is listed with the service desk (/notifikasi).
import id from '@/i18n/notification/id'
import en from '@/i18n/notification/en'
import { defineConsoleModule } from './types'

export default defineConsoleModule({
  id: 'notification',
  messages: { id, en },
  routes: [
    { path: 'notifikasi/pengaturan', name: 'notification-settings', component: () => import('@/views/notification/PreferencesView.vue'), meta: { permission: 'notification.read', title: 'notifications.settings.title' } },
  ],
  menu: [],
})
