// End-to-end: the "Riwayat audit" section of an application page (demo tenant Balikpapan). An
// application in scope of the application audit gets a running programme and a finding through the
// API; its page lists the programme with its step and the finding with its severity, its follow-up
// state and its due date in the Pemda's local date, labels not codes.
import assert from 'node:assert/strict'
import { before, describe } from 'node:test'
import { screenshot } from './browser.mjs'
import { consoleSession, pageHelpers, scenarioSteps, signIn } from './scenario.mjs'

const RUN = Date.now().toString(36).toUpperCase().slice(-5)

/** YYYY-MM-DD `months` from `date` (negative: before), day clamped to the month. */
function shiftMonths(date, months) {
  const [y, m, d] = date.split('-').map(Number)
  const total = y * 12 + (m - 1) + months
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

describe('Audit TIK: riwayat audit', { timeout: 180_000 }, () => {
  const session = consoleSession()
  const step = scenarioSteps(session)
  const { go, main, apiCall } = pageHelpers(session)
  let page
  before(() => ({ page } = session))

  let application
  let due

  step('an application audit with a finding is recorded through the API', async () => {
    await signIn(session)
    // A live Aplikasi Khusus (in scope of Balikpapan's application audit) through the inventory import.
    const code = `APL-RWY-${RUN}`
    const imported = await page.evaluate(async (code) => {
      const me = await (await fetch('/api/auth/me')).json()
      const template = (await (await fetch('/api/applications/import/template.csv')).text()).replace(/^\uFEFF/, '')
      const [header, example] = template.split('\r\n')
      const row = example.split(',')
      Object.assign(row, { 0: code, 1: `Aplikasi ${code}`, 4: 'aplikasi_khusus', 6: `https://${code}.kota.go.id`, 7: `${code}.kota.go.id` })
      const res = await fetch('/api/applications/import?dry_run=false', {
        method: 'POST', headers: { 'Content-Type': 'application/octet-stream', 'X-CSRF-Token': me.csrf_token },
        body: `${header}\r\n${row.join(',')}\r\n`,
      })
      return { status: res.status, body: await res.text() }
    }, code)
    assert.equal(imported.status, 200, imported.body)
    const objects = await apiCall('GET', '/api/audit/objects?type=aplikasi')
    assert.equal(objects.status, 200, JSON.stringify(objects.body))
    application = objects.body.items.find((o) => o.object_code === code)
    assert.ok(application, JSON.stringify(objects.body.items.map((o) => o.object_code)))
    const today = (await apiCall('GET', '/api/audit/due')).body.today
    const plan = await apiCall('POST', '/api/audit/programmes', {
      type: 'aplikasi', title: `Audit aplikasi ${RUN}`, aspects: ['fungsionalitas'], object_ids: [application.object_id],
      auditor_kind: 'lembaga_pemerintah', auditor_name: `Lembaga Audit ${RUN}`, auditor_reference: 'AKR-02/2026',
      planned_start: shiftMonths(today, -1), planned_end: today,
    })
    assert.equal(plan.status, 201, JSON.stringify(plan.body))
    const started = await apiCall('POST', `/api/audit/programmes/${plan.body.id}/steps`, { to: 'dimulai', date: shiftMonths(today, -1) })
    assert.equal(started.status, 200, JSON.stringify(started.body))
    due = shiftMonths(today, 2)
    const finding = await apiCall('POST', `/api/audit/programmes/${plan.body.id}/findings`, {
      object_id: application.object_id, severity: 'tinggi', title: `Validasi masukan lemah ${RUN}`,
      recommendation: 'Validasi di server', agency_id: application.agency_id, agreed_action: 'Perbaikan formulir', due_date: due,
    })
    assert.equal(finding.status, 201, JSON.stringify(finding.body))
  })

  step('the application page shows its audit history with labels and local dates', async () => {
    await go(`/aplikasi/${application.object_id}`)
    const section = main().locator('[data-test=audit-history]')
    await section.getByRole('heading', { name: 'Riwayat audit' }).waitFor()
    const programme = section.locator('[data-test=audit-history-programmes] tr', { hasText: `Audit aplikasi ${RUN}` })
    await programme.getByText('Dimulai', { exact: true }).waitFor()
    await programme.getByText(`Lembaga Audit ${RUN}`).waitFor()
    const finding = section.locator('[data-test=audit-history-findings] tr', { hasText: `Validasi masukan lemah ${RUN}` })
    await finding.getByText('Tinggi', { exact: true }).waitFor()
    await finding.getByText('Belum ditindaklanjuti').waitFor()
    const tz = (await apiCall('GET', '/api/auth/me')).body.tenant.time_zone.iana
    const local = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric', timeZone: tz }).format(new Date(due))
    await finding.getByText(local).waitFor()
    await section.scrollIntoViewIfNeeded()
    await screenshot(page, 'audit-history-application')
  })
})
