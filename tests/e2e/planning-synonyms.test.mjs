// End-to-end scenario of the plan-and-budget demo and the screens of issue 18's follow-up, against
// the real server binary (demo tenant Balikpapan): the demo's open cycle with its proposals and a
// duplicate to review; the planning PD corrects a line's classification with a reason on the
// proposal view; the Dinas keeps the duplicate check's synonym list, which a PD only reads.
import assert from 'node:assert/strict'
import { before, describe } from 'node:test'
import { screenshot } from './browser.mjs'
import { consoleSession, pageHelpers, scenarioSteps, signIn } from './scenario.mjs'

const RUN = Date.now().toString(36).toLowerCase().slice(-5)

describe('Rencana dan Anggaran SPBE: demo, koreksi klasifikasi, sinonim', { timeout: 300_000 }, () => {
  const session = consoleSession()
  const step = scenarioSteps(session)
  const { go, main, choose, apiCall } = pageHelpers(session)
  let page
  before(() => ({ page } = session))
  const colleague = (username) => ({ username, password: session.server.colleaguePassword })

  step('the demo shows an open cycle with submitted proposals and one duplicate to review', async () => {
    await signIn(session, colleague('perencana'))
    await go('/anggaran')
    const proposals = main().locator('[data-test=planning-proposals]')
    await proposals.getByText('Dinas Kesehatan', { exact: false }).first().waitFor()
    assert.equal(await proposals.getByText('Diajukan', { exact: true }).count(), 2, 'two PDs submitted')
    await main().locator('[data-test=planning-candidates-link]').click()
    await main().locator('[data-test=planning-pair]').first().getByText('laptop', { exact: false }).first().waitFor()
    assert.equal(await main().locator('[data-test=planning-pair]').count(), 1)
  })

  step('the planning PD corrects a line’s category with a reason; the correction is listed', async () => {
    const cycles = await apiCall('GET', '/api/planning/cycles')
    const list = await apiCall('GET', `/api/planning/cycles/${cycles.body.items[0].id}/proposals`)
    const health = list.body.items.find((p) => p.agency_name.includes('Kesehatan'))
    await go(`/anggaran/usulan/${health.id}`)
    const row = main().locator('[data-test=planning-lines] .el-table__row', { hasText: 'Sewa server aplikasi rekam medis' })
    await row.locator('[data-test=planning-classify]').click()
    const form = row.locator('[data-test=planning-classify-form]')
    await choose('Kategori belanja', 'Aplikasi', form)
    await form.locator('[data-test=planning-classify-reason]').fill(`Sewa server untuk aplikasi rekam medis (${RUN}).`)
    await form.locator('[data-test=planning-classify-save]').click()
    const history = main().locator('[data-test=planning-corrections]')
    await history.getByText(`(${RUN})`, { exact: false }).waitFor()
    await history.getByText('Infrastruktur SPBE → Aplikasi', { exact: false }).waitFor()
    await screenshot(page, 'planning-classification')
  })

  step('the Dinas adds a synonym, is refused a term equal to its canonical, and removes it', async () => {
    await signIn(session, colleague('penelaah.kominfo'))
    await go('/anggaran/sinonim')
    const table = main().locator('[data-test=planning-synonyms]')
    await table.getByText('notebook', { exact: true }).waitFor()
    const term = `sabak ${RUN}`
    await main().locator('[data-test=planning-synonym-term]').fill(term)
    await main().locator('[data-test=planning-synonym-canonical]').fill('Tablet')
    await main().locator('[data-test=planning-synonym-add]').click()
    await table.getByText(term, { exact: true }).waitFor()
    await screenshot(page, 'planning-synonyms')
    // The same word on both sides changes nothing and says why.
    await main().locator('[data-test=planning-synonym-term]').fill('Laptop')
    await main().locator('[data-test=planning-synonym-canonical]').fill('laptop')
    await main().locator('[data-test=planning-synonym-add]').click()
    await main().locator('.el-alert--error').first().waitFor()
    const saved = await apiCall('GET', '/api/planning/synonyms')
    assert.equal(saved.body.items.filter((x) => x.term === 'laptop').length, 0, 'nothing was saved')
    await main().locator('[data-test=planning-synonym-filter]').fill(RUN)
    await main().locator(`[data-test="planning-synonym-remove-${term}"]`).click()
    await table.getByText(term, { exact: true }).waitFor({ state: 'detached' })
  })

  step('a PD operator reads the list but cannot change it', async () => {
    await signIn(session, colleague('op.dinkes'))
    await go('/anggaran/sinonim')
    await main().locator('[data-test=planning-synonyms]').getByText('notebook', { exact: true }).waitFor()
    assert.equal(await main().locator('[data-test=planning-synonym-form]').count(), 0)
  })
})
