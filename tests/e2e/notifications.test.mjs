// End-to-end scenario of notifications other modules send (docs/notifications.md) against the real
// server binary (Balikpapan demo tenant): an access request is addressed to the Sekda (Pasal 9
// ayat (5)); the Sekda finds it in Notifikasi and "Buka" opens the request itself; then they choose
// the daily digest and turn the modules' daily summaries off in Pengaturan notifikasi, and the
// choice is kept.
import assert from 'node:assert/strict'
import { before, describe } from 'node:test'
import { screenshot } from './browser.mjs'
import { consoleSession, pageHelpers, scenarioSteps, signIn } from './scenario.mjs'

const RUN = Date.now().toString(36).slice(-5)

describe('Notifikasi', { timeout: 300_000 }, () => {
  const session = consoleSession()
  const step = scenarioSteps(session)
  const { go, main, apiCall } = pageHelpers(session)
  let page
  let pageErrors
  let requestId
  let serviceName
  before(() => ({ page, pageErrors } = session))

  step('the administrator requests access to a demo service for another PD; the letter goes to the Sekda', async () => {
    await signIn(session)
    const services = await apiCall('GET', '/api/gateway/services?per_page=50')
    assert.equal(services.status, 200, JSON.stringify(services.body))
    const service = services.body.items[0]
    serviceName = service.name
    const agencies = await apiCall('GET', '/api/agencies?per_page=200')
    const consumerAgency = agencies.body.items.find((a) => a.id !== service.owner_agency.id)
    const consumer = await apiCall('POST', '/api/gateway/consumers', { name: `Aplikasi Uji Notifikasi ${RUN}`, agency_id: consumerAgency.id })
    assert.equal(consumer.status, 201, JSON.stringify(consumer.body))
    const submitted = await apiCall('POST', '/api/gateway/access-requests', {
      consumer_id: consumer.body.consumer.id,
      service_id: service.id,
      methods: ['GET'],
      responsible_person: `Kepala Bidang ${RUN}`,
      work_unit: 'Bidang Aplikasi Informatika',
      purpose: `Uji notifikasi permohonan akses (${RUN}).`,
      data_needed: 'Status layanan, dalam bentuk JSON',
      commercial_use: false,
    })
    assert.equal(submitted.status, 201, JSON.stringify(submitted.body))
    requestId = submitted.body.id
  })

  step('the Sekda finds it in Notifikasi and "Buka" opens the request', async () => {
    await signIn(session, { username: 'sekda', password: session.server.colleaguePassword })
    await page.locator('[data-test=inbox-badge]').click()
    await page.waitForURL(/\/notifikasi$/)
    const item = main().locator('[data-test=inbox] li', { hasText: serviceName }).filter({ hasText: 'Permohonan akses data kepada' }).first()
    await item.waitFor()
    await screenshot(page, 'notification-inbox')
    await item.getByRole('button', { name: 'Buka' }).click()
    await page.waitForURL((url) => url.pathname === '/penghubung/permohonan' && url.searchParams.get('id') === requestId)
    await page.getByRole('dialog', { name: 'Permohonan akses' }).waitFor()
  })

  step('the Sekda chooses the daily digest and no daily summaries; the choice is kept', async () => {
    await go('/notifikasi')
    await main().locator('[data-test=notification-settings-link]').click()
    await page.waitForURL(/\/notifikasi\/pengaturan$/)
    await main().getByRole('heading', { name: 'Pengaturan notifikasi' }).waitFor()
    const form = main().locator('[data-test=notification-settings]')
    await form.getByText('Segera, satu surel untuk setiap notifikasi').waitFor()
    await form.getByText('Ringkasan harian, satu surel sehari').click()
    await form.locator('[data-test=daily-summaries]').click()
    await form.locator('[data-test=save-settings]').click()
    await page.getByText('Pengaturan notifikasi disimpan.').waitFor()
    await form.getByText('Terakhir diubah', { exact: false }).waitFor()
    await screenshot(page, 'notification-settings')
    const saved = await apiCall('GET', '/api/notifications/preferences')
    assert.equal(saved.body.email, 'daily')
    assert.equal(saved.body.daily_summaries, false)
    await page.reload()
    await form.locator('[data-test=mode-daily].is-checked').waitFor()
    assert.deepEqual(pageErrors, [])
  })
})
