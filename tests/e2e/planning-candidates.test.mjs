// The duplicate review one page at a time (issue 18): the demo tenant's (Balikpapan) cycle has one
// candidate pair; the planning PD filters it by decision and by PD, the pager counts the whole list.
import assert from 'node:assert/strict'
import { describe } from 'node:test'
import { consoleSession, pageHelpers, scenarioSteps, signIn } from './scenario.mjs'

describe('Rencana dan Anggaran SPBE: kandidat duplikasi per halaman', { timeout: 300_000 }, () => {
  const session = consoleSession()
  const step = scenarioSteps(session)
  const { go, main, choose, apiCall } = pageHelpers(session)
  const pairs = () => main().locator('[data-test=planning-pair]')

  step('the review shows the pair with its total and filters by decision and by PD', async () => {
    await signIn(session, { username: 'perencana', password: session.server.colleaguePassword })
    const cycles = await apiCall('GET', '/api/planning/cycles')
    const cycle = cycles.body.items[0].id
    const api = await apiCall('GET', `/api/planning/cycles/${cycle}/candidates?limit=1`)
    assert.equal(api.body.total, 1, JSON.stringify(api.body))
    await go(`/anggaran/duplikasi/${cycle}`)
    await pairs().first().getByText('laptop', { exact: false }).first().waitFor()
    await main().locator('[data-test=planning-pair-pager]').getByText('1', { exact: false }).first().waitFor()

    const state = main().locator('[data-test=planning-pair-state]')
    await state.getByText('Sudah diputuskan', { exact: true }).click()
    await main().getByText('Tidak ada kandidat duplikasi.', { exact: true }).waitFor()
    assert.equal(await pairs().count(), 0)
    await state.getByText('Belum diputuskan', { exact: true }).click()
    await pairs().first().waitFor()
    assert.equal(await pairs().count(), 1)

    // A PD with no line in the pair has none; one of its two PDs has it.
    const agencies = (await apiCall('GET', '/api/agencies')).body.items
    const kominfo = agencies.find((a) => a.code === 'DISKOMINFO')
    const health = agencies.find((a) => a.code === 'DINKES')
    assert.ok(kominfo && health, JSON.stringify(agencies.map((a) => a.code)))
    await choose('Perangkat Daerah', kominfo.name)
    await main().getByText('Tidak ada kandidat duplikasi.', { exact: true }).waitFor()
    await choose('Perangkat Daerah', health.name)
    await pairs().first().getByText(health.name, { exact: false }).first().waitFor()
    assert.equal(await pairs().count(), 1)
  })
})
