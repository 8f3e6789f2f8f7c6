// Console state belongs to one session: one tab signs into Balikpapan (the demo tenant), opens the
// screens that load the profile's options (evaluation, applications, gateway), signs out and signs
// into Bontang (a second tenant made with the CLI), all without reloading the page. Bontang's
// regulation, its evaluation basis and its application recommender must show, and every module
// must ask the server for its options again; nothing of Balikpapan's profile may linger in the
// console's caches.
import assert from 'node:assert/strict'
import { before, describe } from 'node:test'
import { consoleSession, scenarioSteps } from './scenario.mjs'

describe('Simpul console with two tenants in one tab', { timeout: 240_000 }, () => {
  const session = consoleSession()
  const step = scenarioSteps(session)
  let server
  let page
  let bontangPassword
  const optionRequests = []
  before(() => {
    ;({ server, page } = session)
    // Which profile options the console asks the server for, in order (the caches under test).
    page.on('request', (req) => {
      const m = /\/api\/(applications|evaluation|gateway)\/options/.exec(req.url())
      if (m) optionRequests.push(m[1])
    })
  })
  const nav = (name) => page.getByRole('navigation').getByRole('link', { name, exact: true })
  const main = () => page.locator('main')
  const header = () => page.locator('[data-test=tenant]')

  /** Signs in through the form already on screen, naming the tenant (the server serves two). */
  async function signInAs(tenant, username, password) {
    // The form shows the tenant field on request (one click), or already after a tenant.required.
    await page.getByLabel('Nama pengguna').waitFor()
    const tenantField = page.getByLabel('Pemerintah daerah (kode tenant)')
    if (!(await tenantField.isVisible())) await page.getByRole('button', { name: 'Masuk ke pemerintah daerah lain' }).click()
    await tenantField.fill(tenant)
    await page.getByLabel('Nama pengguna').fill(username)
    await page.getByLabel('Kata sandi', { exact: true }).fill(password)
    await page.getByRole('button', { name: 'Masuk', exact: true }).click()
    await page.waitForURL(`${server.url}/`)
  }

  /** Opens Rekomendasi Aplikasi, whose subtitle names the profile's recommender (application options). */
  async function openRecommendations() {
    await nav('Rekomendasi Aplikasi').click()
    await page.waitForURL(/\/aplikasi\/rekomendasi$/)
    await main().getByRole('heading', { name: 'Rekomendasi Aplikasi' }).waitFor()
  }

  step('a second tenant, Bontang, with its own administrator (CLI, while the server runs)', async () => {
    const created = await server.cli(['tenant', 'create', '--profile', 'bontang'])
    assert.match(created, /Created tenant bontang/)
    const added = await server.cli(['user', 'add', '--tenant', 'bontang', '--username', 'admin', '--role', 'tenant_admin', '--display-name', 'Admin Bontang'])
    bontangPassword = /Password \(shown once\): (\S+)/.exec(added)?.[1]
    assert.ok(bontangPassword, `no password printed: ${added}`)
  })

  step('Balikpapan: sign in and open the screens that load profile options', async () => {
    await page.goto(`${server.url}/login`)
    await signInAs(server.tenant ?? 'balikpapan', server.username, server.password)
    await header().getByText('Kota Balikpapan').waitFor()
    await header().getByText('Peraturan Wali Kota Nomor 31 Tahun 2020').waitFor()

    await nav('Evaluasi SPBE').click()
    const basis = page.locator('[data-test=evaluation-basis]')
    await basis.getByText('BPN-44-1').waitFor()

    await openRecommendations()
    await main().getByText('Dinas Komunikasi dan Informatika Kota Balikpapan').waitFor()

    await nav('Direktori Layanan').click()
    await page.waitForURL(/\/penghubung\/direktori$/)
    await main().getByRole('heading', { name: 'Direktori Layanan' }).waitFor()
    assert.deepEqual([...new Set(optionRequests)].sort(), ['applications', 'evaluation', 'gateway'])
  })

  step('sign out and into Bontang in the same tab (no reload)', async () => {
    // A marker on the window survives only as long as the page is not reloaded.
    await page.evaluate(() => {
      window.__sameTab = true
    })
    optionRequests.length = 0
    await page.locator('[data-test=user-menu]').click()
    await page.locator('[data-test=logout]').click()
    await page.waitForURL(/\/login$/)
    await signInAs('bontang', 'admin', bontangPassword)
    assert.equal(await page.evaluate(() => window.__sameTab), true, 'the page was reloaded; the test would prove nothing')
    await header().getByText('Kota Bontang').waitFor()
    await header().getByText('Peraturan Wali Kota Nomor 18 Tahun 2021').waitFor()
    assert.equal(await header().getByText('Balikpapan').count(), 0)
  })

  step("Bontang's options are shown, not Balikpapan's", async () => {
    await nav('Evaluasi SPBE').click()
    await page.waitForURL(/\/evaluasi$/)
    const basis = page.locator('[data-test=evaluation-basis]')
    // Bontang's evaluation article (Pasal 49 ayat (1)), not Balikpapan's (Pasal 44 ayat (1)).
    await basis.getByText('BTG-49-1').waitFor()
    assert.equal(await basis.getByText('BPN-44-1').count(), 0)

    // Bontang's regulation names its recommender differently; Balikpapan's Dinas must not appear.
    await openRecommendations()
    await main().getByText('Perangkat Daerah yang membidangi komunikasi dan informatika').waitFor()
    assert.equal(await main().getByText('Balikpapan').count(), 0)

    await nav('Direktori Layanan').click()
    await page.waitForURL(/\/penghubung\/direktori$/)
    await main().getByRole('heading', { name: 'Direktori Layanan' }).waitFor()
    // Each module asked the server again, for the tenant now signed in.
    assert.deepEqual([...new Set(optionRequests)].sort(), ['applications', 'evaluation', 'gateway'])
    assert.deepEqual(session.pageErrors, [])
  })
})
