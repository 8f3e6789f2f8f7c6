import { createApp } from 'vue'
import { createPinia } from 'pinia'
import 'element-plus/dist/index.css'
import './styles/theme.css'
import './styles/base.css'
import App from './App.vue'
import { configureClient } from './api/client'
import { currentLocale, i18n } from './i18n'
import { router } from './router'
import { useSessionStore } from './stores/session'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia).use(i18n).use(router)

const session = useSessionStore()
configureClient({
  locale: currentLocale,
  csrfToken: () => session.csrfToken,
  onUnauthorized: () => {
    // The session ended on the server (expired, signed out elsewhere): forget it and ask to sign in
    // again, coming back to the same page afterwards.
    // clear() also forgets the session's caches (profile, module options).
    session.clear()
    const current = router.currentRoute.value
    if (current.name === 'login') return
    void router.push({ name: 'login', query: { next: current.fullPath, expired: '1' } })
  },
})

app.mount('#app')
