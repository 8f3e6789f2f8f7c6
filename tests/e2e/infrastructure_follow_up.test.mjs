// End-to-end scenario of issue 16's follow-ups against the real server binary (demo tenant,
// Balikpapan): a closed month's bandwidth evaluation is downloaded as a PDF from the Bandwidth page,
// and the Pusat Data page's service review panel says Balikpapan's regulation has no yearly review
// (Bandar Lampung's "dapat" reminder is covered by the API tests) while a member of the Tim
// Koordinasi records one with the form.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { before, describe } from 'node:test'
import { screenshot } from './browser.mjs'
import { consoleSession, pageHelpers, scenarioSteps, signIn } from './scenario.mjs'

const RUN = Date.now().toString(36).toUpperCase().slice(-5)

describe('Infrastruktur SPBE: evaluation PDF and Pusat Data service review', { timeout: 300_000 }, () => {
  const session = consoleSession({ tempDir: 'simpul-infra-followup-e2e-' })
  const step = scenarioSteps(session)
  const { go, main, apiCall } = pageHelpers(session)
  let page
  let pageErrors
  before(() => ({ page, pageErrors } = session))

  step('a closed month evaluation is downloaded as a PDF from the Bandwidth page', async () => {
    await signIn(session)
    const agencies = await apiCall('GET', '/api/agencies?per_page=200')
    const dishub = agencies.body.items.find((a) => a.code === 'DISHUB')
    // Readings 40 days ago lie in a closed month of the tenant's calendar.
    const day = new Date(Date.now() - 40 * 86_400_000)
    const samples = [0, 1, 2].map((k) => ({
      agency_id: dishub.id,
      interface: `ge-${RUN.toLowerCase()}`,
      at: new Date(day.getTime() + k * 300_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      in_octets: 150_000_000 * k,
      out_octets: 0,
    }))
    const posted = await apiCall('POST', '/api/infrastructure/bandwidth/samples', { samples })
    assert.equal(posted.status, 200, JSON.stringify(posted.body))
    const month = samples[1].at.slice(0, 7)
    const evaluated = await apiCall('POST', '/api/infrastructure/bandwidth/evaluations', { month })
    assert.ok([200, 201].includes(evaluated.status), JSON.stringify(evaluated.body))

    await go('/infrastruktur/bandwidth')
    const block = page.locator('[data-test=infra-bw-evaluation]', { hasText: month })
    await block.getByText(dishub.name).first().waitFor()
    const link = block.locator('[data-test=infra-bw-pdf]')
    await link.getByText('Unduh PDF').waitFor()
    await screenshot(page, 'infrastructure-evaluation-pdf')
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
    assert.equal(download.suggestedFilename(), `evaluasi-bandwidth-${month}.pdf`)
    const bytes = readFileSync(await download.path())
    assert.equal(bytes.subarray(0, 4).toString('latin1'), '%PDF')
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page')
  })

  step('the Pusat Data page says Balikpapan has no yearly service review, and a team member records one', async () => {
    await go('/infrastruktur/pusat-data')
    const panel = page.locator('[data-test=infra-service-review]')
    await panel.getByRole('heading', { name: 'Reviu layanan Pusat Data' }).waitFor()
    await panel.getByText('Regulasi daerah ini tidak mengatur reviu layanan Pusat Data').waitFor()

    // The administrator joins the Tim Koordinasi, which holds the review.
    const me = await apiCall('GET', '/api/auth/me')
    const teams = await apiCall('GET', '/api/teams')
    const team = teams.body.find((t) => t.kind === 'tim_koordinasi')
    const joined = await apiCall('POST', `/api/teams/${team.id}/members`, { user_id: me.body.user.id, position_id: 'pelaksana' })
    assert.equal(joined.status, 201, JSON.stringify(joined.body))

    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10) // WITA
    const date = panel.getByPlaceholder('Tanggal reviu')
    await date.fill(today.split('-').reverse().join('-'))
    await date.press('Enter')
    await panel.getByLabel('Ringkasan hasil').fill(`Layanan kolokasi ditinjau ${RUN}`)
    await panel.locator('[data-test=infra-review-save]').click()
    await panel.locator('[data-test=infra-reviews]').getByText(`Layanan kolokasi ditinjau ${RUN}`).waitFor()
    await screenshot(page, 'infrastructure-service-review')
    const status = await apiCall('GET', '/api/infrastructure/service-review')
    assert.equal(status.body.rule, null)
    assert.equal(status.body.reviews.length, 1)
    assert.equal(status.body.reviews[0].reviewed_on, today)
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page')
  })
})
