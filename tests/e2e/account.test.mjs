// Account self-service against the real server binary (demo tenant, Balikpapan): after the
// administrator resets a colleague's password, the colleague's first sign-in lands on "Ganti kata
// sandi" and nothing else opens until a new password is chosen; "Profil saya" from the user menu
// changes the name and phone the header and the API then show; the sign-in page offers "Lupa kata
// sandi?", whose answer does not say whether the address has an account.
import assert from 'node:assert/strict'
import { before, describe } from 'node:test'
import { screenshot } from './browser.mjs'
import { consoleSession, pageHelpers, scenarioSteps, signIn } from './scenario.mjs'

const RUN = Date.now().toString(36).toUpperCase().slice(-5)
const STAFF = { username: `staf_${RUN.toLowerCase()}`, display_name: `Staf Perencanaan ${RUN}`, password: `Sandi-Awal-${RUN}-2026` }
const RESET_PASSWORD = `Sandi-Dari-Admin-${RUN}`
const OWN_PASSWORD = `Sandi-Pilihan-Sendiri-${RUN}`

describe('Akun sendiri', { timeout: 300_000 }, () => {
  const session = consoleSession()
  const step = scenarioSteps(session)
  const { go, main, apiCall } = pageHelpers(session)
  let page
  let pageErrors
  before(() => ({ page, pageErrors } = session))

  step('the administrator creates a colleague and resets the password', async () => {
    await signIn(session)
    const created = await apiCall('POST', '/api/users', {
      username: STAFF.username,
      display_name: STAFF.display_name,
      email: `${STAFF.username}@balikpapan.go.id`,
      roles: ['planner'],
      password: STAFF.password,
    })
    assert.equal(created.status, 201, JSON.stringify(created.body))
    assert.equal(created.body.must_change_password, true)
    const reset = await apiCall('PATCH', `/api/users/${created.body.id}`, { password: RESET_PASSWORD })
    assert.equal(reset.status, 200, JSON.stringify(reset.body))
    assert.equal(reset.body.must_change_password, true)
  })

  step('the first sign-in after the reset lands on "Ganti kata sandi" and nothing else opens', async () => {
    await page.context().clearCookies()
    await go('/login')
    await page.getByLabel('Nama pengguna').fill(STAFF.username)
    await page.getByLabel('Kata sandi', { exact: true }).fill(RESET_PASSWORD)
    await page.getByRole('button', { name: 'Masuk', exact: true }).click()
    await page.waitForURL(/\/ganti-kata-sandi/)
    await page.getByRole('heading', { name: 'Ganti kata sandi sebelum melanjutkan' }).waitFor()
    await go('/aplikasi')
    await page.waitForURL(/\/ganti-kata-sandi/)
    const refused = await apiCall('GET', '/api/agencies')
    assert.equal(refused.status, 403)
    assert.equal(refused.body.error.details.reason, 'password_change_required')
    await screenshot(page, 'account-forced-password-change')

    const form = page.locator('[data-test=forced-password-change]')
    await form.getByLabel('Kata sandi sekarang').fill('bukan-sandi-ini-1')
    await form.getByLabel('Kata sandi baru', { exact: true }).fill(OWN_PASSWORD)
    await form.getByLabel('Ulangi kata sandi baru').fill(OWN_PASSWORD)
    await page.locator('[data-test=forced-password-save]').click()
    await page.locator('[data-test=wrong-current]').waitFor()
    assert.match(page.url(), /\/ganti-kata-sandi/)  // still signed in, still here

    await form.getByLabel('Kata sandi sekarang').fill(RESET_PASSWORD)
    await page.locator('[data-test=forced-password-save]').click()
    await page.waitForURL((url) => !url.pathname.startsWith('/ganti-kata-sandi'))
    assert.equal((await apiCall('GET', '/api/agencies')).status, 200)
  })

  step('"Profil saya" from the user menu changes the name and phone, not the roles', async () => {
    await page.locator('[data-test=user-menu]').click()
    await page.locator('[data-test=my-profile-link]').click()
    await page.waitForURL(/\/profil-saya$/)
    await main().getByRole('heading', { name: 'Profil saya' }).waitFor()
    await page.locator('[data-test=my-profile]').getByText('Perencana').first().waitFor()
    await page.locator('[data-test=profile-name]').fill(`Rina Kartika ${RUN}`)
    await page.locator('[data-test=profile-phone]').fill('0812-3456-7890')
    await page.locator('[data-test=profile-save]').click()
    await page.locator('[data-test=user-menu]').getByText(`Rina Kartika ${RUN}`).waitFor()
    const me = await apiCall('GET', '/api/me')
    assert.equal(me.body.display_name, `Rina Kartika ${RUN}`)
    assert.equal(me.body.phone, '0812-3456-7890')
    assert.deepEqual(me.body.roles, ['planner'])
    await page.reload()
    assert.equal(await page.locator('[data-test=profile-phone]').inputValue(), '0812-3456-7890')
    await screenshot(page, 'account-my-profile')
  })

  step('the sign-in page offers "Lupa kata sandi?" and answers alike for any address', async () => {
    await signIn(session, { username: STAFF.username, password: OWN_PASSWORD })
    await page.context().clearCookies()
    await go('/login')
    await page.locator('[data-test=forgot-password]').click()
    await page.waitForURL(/\/lupa-kata-sandi/)
    await page.getByLabel('Alamat surel').fill('tidak.terdaftar@balikpapan.go.id')
    await page.locator('[data-test=reset-request]').click()
    await page.locator('[data-test=reset-sent]').waitFor()
    await go('/reset-password?token=bukan-token-sungguhan')
    await page.getByLabel('Kata sandi baru', { exact: true }).fill(OWN_PASSWORD + '-2')
    await page.getByLabel('Ulangi kata sandi baru').fill(OWN_PASSWORD + '-2')
    await page.locator('[data-test=reset-save]').click()
    await page.locator('[data-test=reset-token-problem]').getByText('tidak dikenal').waitFor()
    assert.deepEqual(pageErrors, [])
  })
})
