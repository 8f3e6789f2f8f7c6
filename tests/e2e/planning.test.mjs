// End-to-end scenario of Rencana dan Anggaran SPBE against the real server binary (demo tenant
// Balikpapan): the planning PD opens the cycle; a PD operator drafts a line with the live check
// showing what would be refused and submits; the same laptop proposed by a second PD becomes a
// duplicate candidate that the planning PD reviews side by side; the cycle board shows the
// consolidated budget and the roadmap gap.
import assert from 'node:assert/strict'
import { before, describe } from 'node:test'
import { screenshot } from './browser.mjs'
import { consoleSession, pageHelpers, scenarioSteps, signIn } from './scenario.mjs'

const RUN = Date.now().toString(36).toUpperCase().slice(-5)
const PASSWORD = 'kata-sandi-panjang-uji'

describe('Rencana dan Anggaran SPBE', { timeout: 300_000 }, () => {
  const session = consoleSession()
  const step = scenarioSteps(session)
  const { go, main, apiCall } = pageHelpers(session)
  let page
  before(() => ({ page } = session))

  const agency = {}
  let element
  let initiative
  let cycle
  let year

  const line = (name) => ({
    sub_activity: 'Penyediaan Layanan Kesehatan', account_code: '5.1.02.01.01.0024', name, specification: 'Core i5, RAM 16 GB',
    volume: [{ quantity: 2, unit: 'Unit' }], unit_price: 'Rp 15.000.000', funding_source: 'apbd', category: 'infrastruktur_spbe',
    element_ids: [element], initiative_id: initiative,
  })

  step('the admin prepares an element, two initiatives of next year and the people of the budget', async () => {
    await signIn(session)
    const agencies = await apiCall('GET', '/api/agencies?per_page=100')
    for (const code of ['BAPPEDALITBANG', 'DINKES', 'DISDUKCAPIL']) agency[code] = agencies.body.items.find((a) => a.code === code).id
    year = new Date().getFullYear() + 2  // next year holds the demo's own cycle
    const e = await apiCall('POST', '/api/architecture/elements', {
      domain: 'aplikasi', code: `APL.ANG.${RUN}`, name: `Aplikasi Layanan ${RUN}`, owner_agency_id: agency.DINKES, state: 'to_be',
    })
    assert.equal(e.status, 201, JSON.stringify(e.body))
    element = e.body.id
    // Another PD's application, which a Dinkes line about the same thing resembles.
    const other = await apiCall('POST', '/api/architecture/elements', {
      domain: 'aplikasi', code: `APL.PRS.${RUN}`, name: `Aplikasi Presensi Pegawai ${RUN}`, owner_agency_id: agency.DISDUKCAPIL, state: 'as_is',
    })
    assert.equal(other.status, 201, JSON.stringify(other.body))
    for (const [code, name] of [[`PR.${RUN}.1`, `Rekam medis ${RUN}`], [`PR.${RUN}.2`, `Jaringan intra ${RUN}`]]) {
      const i = await apiCall('POST', '/api/roadmap/initiatives', {
        code, name, category: 'layanan_spbe', owner_agency_id: agency.DINKES, start_year: year, target_year: year,
      })
      assert.equal(i.status, 201, JSON.stringify(i.body))
      if (!initiative) initiative = i.body.id
    }
    for (const [username, role, code] of [[`perencana.${RUN.toLowerCase()}`, 'planner', 'BAPPEDALITBANG'], [`dinkes.${RUN.toLowerCase()}`, 'agency_operator', 'DINKES'], [`disduk.${RUN.toLowerCase()}`, 'agency_operator', 'DISDUKCAPIL']]) {
      const u = await apiCall('POST', '/api/users', { must_change_password: false, username, display_name: username, password: PASSWORD, roles: [role], agency_id: agency[code] })
      assert.equal(u.status, 201, JSON.stringify(u.body))
    }
  })

  step('the planning PD opens the cycle of next year', async () => {
    await signIn(session, { username: `perencana.${RUN.toLowerCase()}`, password: PASSWORD })
    const deadline = `${year - 1}-12-31`
    const c = await apiCall('POST', '/api/planning/cycles', { fiscal_year: year, submission_deadline: deadline, verification_deadline: deadline })
    assert.equal(c.status, 201, JSON.stringify(c.body))
    cycle = c.body.id
  })

  step('a PD operator drafts a line: the live check shows what is missing, then the line is added and the proposal submitted', async () => {
    await signIn(session, { username: `dinkes.${RUN.toLowerCase()}`, password: PASSWORD })
    await go('/anggaran')
    await main().locator('[data-test=planning-start]').click()
    await main().locator('[data-test=planning-editor]').waitFor()
    await main().locator('[data-test=planning-name]').fill(`Laptop tenaga kesehatan ${RUN}`)
    await main().locator('[data-test=planning-live]').getByText('Rincian ini akan ditolak').waitFor()
    // A line about an application another PD already has: the live check names it.
    await main().locator('[data-test=planning-name]').fill(`Pengembangan Aplikasi Presensi Pegawai ${RUN}`)
    await main().locator('[data-test=planning-similar-applications]').getByText(`APL.PRS.${RUN}`, { exact: false }).waitFor()
    const proposalId = page.url().split('/').pop()
    const added = await apiCall('POST', `/api/planning/proposals/${proposalId}/lines`, line(`Laptop ${RUN}`))
    assert.equal(added.status, 201, JSON.stringify(added.body))
    await go(`/anggaran/usulan/${proposalId}`)
    await main().locator('[data-test=planning-lines]').getByText(`Laptop ${RUN}`).waitFor()
    await screenshot(page, 'planning-proposal')
    await main().locator('[data-test=planning-submit]').click()
    await main().locator('[data-test=planning-proposal-state]').getByText('Diajukan').waitFor()
  })

  step('a second PD proposes the same laptop and submits', async () => {
    await signIn(session, { username: `disduk.${RUN.toLowerCase()}`, password: PASSWORD })
    const p = await apiCall('POST', `/api/planning/cycles/${cycle}/proposals`, { agency_id: agency.DISDUKCAPIL })
    assert.equal(p.status, 201, JSON.stringify(p.body))
    assert.equal((await apiCall('POST', `/api/planning/proposals/${p.body.id}/lines`, line(`Laptop ${RUN}`))).status, 201)
    assert.equal((await apiCall('POST', `/api/planning/proposals/${p.body.id}/submission`, {})).status, 200)
  })

  step('the planning PD reviews the pair side by side and marks it distinct with a reason', async () => {
    await signIn(session, { username: `perencana.${RUN.toLowerCase()}`, password: PASSWORD })
    await go(`/anggaran/duplikasi/${cycle}`)
    const pair = main().locator('[data-test=planning-pair]').first()
    await pair.getByText('Dinas Kesehatan', { exact: false }).first().waitFor()
    await screenshot(page, 'planning-duplicates')
    await pair.locator('[data-test=planning-pair-reason]').fill('Laptop untuk puskesmas dan untuk layanan KTP.')
    await pair.locator('[data-test=planning-pair-distinct]').click()
    await pair.getByText('Berbeda oleh', { exact: false }).waitFor()
  })

  step('the cycle board shows both proposals, the consolidated budget and the initiative without budget', async () => {
    await go('/anggaran')
    await main().locator('[data-test=planning-proposals]').getByText('Diajukan').first().waitFor()
    await main().locator('[data-test=planning-consolidated-total]').getByText('Rp 60.000.000').waitFor()
    await main().locator('[data-test=planning-gaps]').getByText(`Jaringan intra ${RUN}`, { exact: false }).waitFor()
    await screenshot(page, 'planning-board')
  })
})
