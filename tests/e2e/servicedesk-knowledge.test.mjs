// End-to-end: the desk's knowledge base and queue tools (Balikpapan demo tenant). The Dinkes
// operator, the demo's Level 1 of Dinkes, resolves a ticket, turns it into an article and finds it
// in the knowledge base; in the queue, the filters narrow the list and a bulk step reports per ticket.
import assert from 'node:assert/strict'
import { before, describe } from 'node:test'
import { screenshot } from './browser.mjs'
import { consoleSession, pageHelpers, scenarioSteps, signIn } from './scenario.mjs'

const RUN = Date.now().toString(36).slice(-5)

describe('Layanan SPBE: basis pengetahuan dan antrean', { timeout: 300_000 }, () => {
  const session = consoleSession()
  const step = scenarioSteps(session)
  const { go, main, apiCall } = pageHelpers(session)
  let page
  let pageErrors
  before(() => ({ page, pageErrors } = session))

  step('a resolved ticket becomes a Markdown article the knowledge base finds', async () => {
    await signIn(session, { username: 'op.dinkes', password: session.server.colleaguePassword })
    const opened = await apiCall('POST', '/api/servicedesk/tickets', { type: 'gangguan', title: `Proyektor tidak tampil ${RUN}`, urgency: 'sedang', impact: 'sedang' })
    assert.equal(opened.status, 201)
    const id = opened.body.id
    for (const body of [{ action: 'assign' }, { action: 'start' }, { action: 'resolve', resolution: `Kabel HDMI diganti ${RUN}` }])
      assert.equal((await apiCall('POST', `/api/servicedesk/tickets/${id}/actions`, body)).status, 200)
    await go(`/layanan/tiket/${id}`)
    await main().locator('[data-test=ticket-attachments]').getByText('Lampiran').waitFor()
    await main().locator('[data-test=ticket-write-article]').click()
    await page.waitForURL(/\/layanan\/pengetahuan\/[^/]+$/)
    await main().locator('[data-test=kb-body] h2', { hasText: 'Penyelesaian' }).waitFor()
    await main().locator('[data-test=kb-body]').getByText(`Kabel HDMI diganti ${RUN}`).waitFor()
    await screenshot(page, 'servicedesk-article')
    await go('/layanan/pengetahuan')
    await main().locator('[data-test=kb-search]').fill(`HDMI diganti ${RUN}`)
    await main().locator('[data-test=kb-search-run]').click()
    await main().locator('[data-test=kb-table]').getByText(`Proyektor tidak tampil ${RUN}`).waitFor()
    await screenshot(page, 'servicedesk-knowledge')
  })

  step('the queue filters by priority and a bulk step reports each ticket', async () => {
    const opened = await apiCall('POST', '/api/servicedesk/tickets', { type: 'gangguan', title: `Jaringan lantai 3 ${RUN}`, urgency: 'tinggi', impact: 'tinggi' })
    assert.equal(opened.status, 201)
    await go('/layanan/tiket')
    await page.locator('[data-test=ticket-tabs]').getByText('Antrean').click()
    await main().locator('[data-test=ticket-table]').getByText(`Jaringan lantai 3 ${RUN}`).waitFor()
    await main().locator('[data-test=filter-mine]').click()
    await main().locator('[data-test=ticket-table]').getByText(`Jaringan lantai 3 ${RUN}`).waitFor({ state: 'detached' })
    await main().locator('[data-test=filter-mine]').click()
    const row = main().locator('[data-test=ticket-table] tr', { hasText: `Jaringan lantai 3 ${RUN}` })
    await row.locator('.el-checkbox').click()
    await main().locator('[data-test=ticket-bulk] .el-select').click()
    await page.locator('.el-select-dropdown__item', { hasText: 'Ambil tiket' }).click()
    await main().locator('[data-test=ticket-bulk-run]').click()
    await main().locator('[data-test=ticket-bulk-outcome]').getByText('1 tiket diproses, 0 ditolak', { exact: false }).waitFor()
    await screenshot(page, 'servicedesk-queue')
    assert.deepEqual(pageErrors, [])
  })
})
