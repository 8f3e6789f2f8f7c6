// The signed-in user's own notification preference (docs/notifications.md, "Preferences"). The
// shapes come from the contract (src/notification/openapi/notifications.json).
import { api } from './client'
import type { Answer, Body } from './contract'

export type NotificationPreference = Answer<'/api/notifications/preferences', 'get'>
export type NotificationPreferenceInput = Body<'/api/notifications/preferences', 'put'>

export const notificationsApi = {
  preference: () => api.get<NotificationPreference>('/api/notifications/preferences'),
  setPreference: (body: NotificationPreferenceInput) => api.put<NotificationPreference>('/api/notifications/preferences', body),
}
