// End-to-end: SLA targets per category (docs/service-desk.md, "SLA targets"), Balikpapan demo
// tenant. The administrator sets a category's targets for the Tinggi priority on the staffing
// board; a ticket in that category shows them on its page with the reason (the category and the
// priority); reclassified without a category, the page shows the profile's targets for the priority.
import assert from 'node:assert/strict'
import { before, describe } from 'node:test'
import { join } from 'node:path'
import { screenshot } from './browser.mjs'
import { consoleSession, pageHelpers, scenarioSteps, signIn } from './scenario.mjs'
import { repoRoot } from './server.mjs'

const RUN = Date.now().toString(36).slice(-5)

describe('Layanan SPBE: target SLA per kategori', { timeout: 300_000 }, () => {
  const session = consoleSession()
  const step = scenarioSteps(session)
  const { go, main, apiCall } = pageHelpers(session)
  let page
  let pageErrors
  let category
  let ticket
  before(() => ({ page, pageErrors } = session))

  step('the administrator sets the targets of a category for one priority', async () => {
    await signIn(session)
    const made = await apiCall('POST', '/api/servicedesk/categories', { name: `Jaringan ${RUN}` })
    assert.equal(made.status, 201)
    category = made.body
    await go('/layanan/staf')
    const panel = main().locator('[data-test=category-targets]')
    await panel.getByText('Target SLA per kategori').waitFor()
    await panel.locator('[data-test=category-targets-category]').click()
    await page.getByRole('option', { name: `Jaringan ${RUN}`, exact: true }).click()
    await panel.locator('[data-test=target-own-tinggi] input').fill('20')
    await panel.locator('[data-test=target-resolve-tinggi] input').fill('120')
    await panel.locator('[data-test=target-resolve-tinggi] input').press('Tab')
    await panel.locator('[data-test=category-targets-save]').click()
    await panel.locator('[data-test=category-targets-saved]', { hasText: `Jaringan ${RUN}` }).waitFor()
    const listed = await apiCall('GET', '/api/servicedesk/categories')
    const saved = listed.body.items.find((c) => c.id === category.id)
    assert.deepEqual(saved.targets.map((x) => [x.priority, x.own_minutes, x.resolve_minutes]), [['tinggi', 20, 120]])
    // The panel sits below the staffing table: the picture is of the panel itself.
    if (process.env.SIMPUL_SCREENSHOTS === '1')
      await panel.screenshot({ path: join(repoRoot, 'docs', 'screenshots', 'servicedesk-category-targets.png') })
  })

  step('the ticket page shows the targets in force and why, and follows a reclassification', async () => {
    const agencies = await apiCall('GET', '/api/agencies?per_page=200')
    const pd = agencies.body.items.find((a) => a.code === 'DISDIK') ?? agencies.body.items[0]
    const opened = await apiCall('POST', '/api/servicedesk/tickets', {
      type: 'gangguan', title: `Jaringan lambat ${RUN}`, urgency: 'tinggi', impact: 'sedang', category_id: category.id, agency_id: pd.id,
    })
    assert.equal(opened.status, 201)
    ticket = opened.body
    await go(`/layanan/tiket/${ticket.id}`)
    const target = main().locator('[data-test=ticket-sla-target]')
    await target.getByText('20 menit menanggapi, 120 menit menyelesaikan', { exact: false }).waitFor()
    await target.getByText(`menurut kategori Jaringan ${RUN}, prioritas Tinggi`, { exact: false }).waitFor()
    await screenshot(page, 'servicedesk-ticket-target')
    // Without a category the profile's Tinggi targets apply (60 / 480), recorded on the timeline.
    const form = main().locator('[data-test=ticket-classify]')
    await form.locator('[data-test=ticket-classify-category]').click()
    await page.getByRole('option', { name: 'Tanpa kategori', exact: true }).click()
    await form.locator('[data-test=ticket-classify-save]').click()
    await target.getByText('60 menit menanggapi, 480 menit menyelesaikan', { exact: false }).waitFor()
    await target.getByText('menurut prioritas Tinggi (target profil)', { exact: false }).waitFor()
    await main().locator('[data-test=ticket-timeline]').getByText('Klasifikasi diubah').waitFor()
    assert.deepEqual(pageErrors, [])
  })
})
