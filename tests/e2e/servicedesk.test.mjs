// End-to-end scenario of the service desk console against the real server binary (Balikpapan
// demo tenant): the Dinkes operator, the demo's Level 1 of Dinkes, opens a ticket from "Tiket layanan", lands on the ticket page
// with its SLA clocks and timeline, takes and resolves it; the staffing board lists each PD against
// the regulation; the header's inbox badge leads to the notifications.
import assert from 'node:assert/strict'
import { before, describe } from 'node:test'
import { screenshot } from './browser.mjs'
import { consoleSession, pageHelpers, scenarioSteps, signIn } from './scenario.mjs'

const RUN = Date.now().toString(36).slice(-5)
const TITLE = `Printer ruang rapat macet ${RUN}`

describe('Layanan SPBE: meja layanan', { timeout: 300_000 }, () => {
  const session = consoleSession()
  const step = scenarioSteps(session)
  const { go, main, apiCall } = pageHelpers(session)
  let page
  let pageErrors
  before(() => ({ page, pageErrors } = session))

  step('the Dinkes operator (its Level 1 in the demo) opens a ticket and lands on its page with SLA clocks and timeline', async () => {
    await signIn(session, { username: 'op.dinkes', password: session.server.colleaguePassword })
    await go('/layanan/tiket')
    await main().getByRole('heading', { name: 'Tiket layanan' }).waitFor()
    await page.locator('[data-test=ticket-new]').click()
    const form = page.locator('[data-test=ticket-form]')
    await form.getByLabel('Judul').fill(TITLE)
    await page.locator('[data-test=ticket-submit]').click()
    await page.waitForURL(/\/layanan\/tiket\/[^/]+$/)
    await main().locator('[data-test=ticket-sla]').getByText('Waktu menanggapi').waitFor()
    await main().locator('[data-test=ticket-timeline]').getByText('Dibuat').waitFor()
    assert.equal(await main().locator('[data-test=ticket-state]').innerText(), 'Baru')
    await screenshot(page, 'servicedesk-ticket')
  })

  step('the desk takes the ticket and resolves it; the timeline keeps every step', async () => {
    await main().locator('[data-test=ticket-action-assign]').click()
    await main().locator('[data-test=ticket-action-start]').waitFor()
    await main().locator('[data-test=ticket-action-start]').click()
    await main().locator('[data-test=ticket-actions] textarea').fill('Rol kertas diganti')
    await main().locator('[data-test=ticket-action-resolve]').click()
    await main().locator('[data-test=ticket-state]').getByText('Selesai').waitFor()
    // Balikpapan has two tiers: the escalation step names its article while the ticket is open.
    const opened = await apiCall('POST', '/api/servicedesk/tickets', { type: 'gangguan', title: `Aplikasi lambat ${RUN}`, urgency: 'sedang', impact: 'sedang' })
    assert.equal(opened.status, 201)
    await go(`/layanan/tiket/${opened.body.id}`)
    await main().locator('[data-test=escalation-rule]').getByText('Pasal 37 ayat (9)').waitFor()
  })

  step('the staffing board lists every PD against the regulation, and the inbox badge opens the notifications', async () => {
    await go('/layanan/staf')
    await main().locator('[data-test=staffing-table]').getByText('Dinas Kesehatan', { exact: false }).first().waitFor()
    await page.locator('[data-test=inbox-badge]').click()
    await page.waitForURL(/\/notifikasi$/)
    await main().getByRole('heading', { name: 'Notifikasi' }).waitFor()
    assert.deepEqual(pageErrors, [])
  })
})
