// Regulatory fidelity seen by a user (issue 22): the gateway's refusal names the article where the
// region's regulation is the reason, and an Aplikasi Khusus shows when its next audit is due
// before it is overdue (Balikpapan Pasal 40 ayat (3)).
import assert from 'node:assert/strict'
import { before, describe } from 'node:test'
import { consoleSession, pageHelpers, scenarioSteps, signIn } from './scenario.mjs'

const RUN = Date.now().toString(36).toUpperCase().slice(-5)

describe('Regulatory fidelity', { timeout: 300_000 }, () => {
  const session = consoleSession()
  const step = scenarioSteps(session)
  const { go, main, apiCall } = pageHelpers(session)
  let server
  let page
  before(() => ({ server, page } = session))

  step('the demo key without a grant for a service is refused citing Pasal 9 ayat (5)', async () => {
    assert.ok(server.gatewayKey, 'the demo printed its consumer key')
    // The demo consumer asked for Perizinan, but no one has decided: the key opens nothing there.
    const res = await fetch(`${server.gateway}/balikpapan/perizinan/izin/1`, { headers: { 'X-API-Key': server.gatewayKey } })
    assert.equal(res.status, 403)
    const body = await res.json()
    assert.equal(body.error.code, 'gateway.no_grant')
    assert.deepEqual(body.error.rule, { id: 'BPN-09-5', citation: 'Pasal 9 ayat (5)' })
  })

  step('an Aplikasi Khusus shows its next audit date before it is overdue', async () => {
    await signIn(session)
    const agencies = await apiCall('GET', '/api/agencies?per_page=1')
    const code = agencies.body.items[0].code
    const csv = 'kode;nama;deskripsi;kode_pd;kategori;tahap;url;subdomain;email;hosting;pembangun;vendor;model_sumber;audit_terakhir;sejenis_aplikasi_umum\r\n' +
      `AUD-${RUN};Sistem Audit ${RUN};;${code};aplikasi_khusus;pemeliharaan;;;;;;;;2025-06-30;tidak\r\n`
    const imported = await page.evaluate(async (text) => {
      const me = await (await fetch('/api/auth/me')).json()
      const res = await fetch('/api/applications/import?dry_run=false', {
        method: 'POST', headers: { 'Content-Type': 'text/csv', 'X-CSRF-Token': me.csrf_token }, body: text,
      })
      return { status: res.status, body: await res.json() }
    }, csv)
    assert.equal(imported.status, 200, JSON.stringify(imported.body))
    const list = await apiCall('GET', `/api/applications?q=AUD-${RUN}`)
    const id = list.body.items[0].id

    await go(`/aplikasi/${id}`)
    await main().getByRole('heading', { name: `Sistem Audit ${RUN}` }).waitFor()
    const due = page.locator('[data-test=audit-due]')
    await due.waitFor()
    // The tenant's date format (30 Juni 2027 or 30/06/2027): the year and the day are there, no overdue tag.
    const text = await due.innerText()
    assert.match(text, /2027/)
    assert.match(text, /30/)
    await main().getByText('Pasal 40 ayat (3)').first().waitFor()
    assert.equal(await main().getByText('Terlambat', { exact: true }).count(), 0, 'not overdue yet')
  })
})
