// Audit TIK console forms and calendar against the real server binary. Balikpapan (the demo tenant):
// an audit programme is planned through the form (type, objects, aspects, auditor with its
// accreditation reference, dates, assignment letter), a finding is recorded on it once it runs, and
// the audit calendar shows per month and type what the API counts, with the objects of a cell.
// Lampung Timur (a second tenant): linking an internal audit that ends after the deadline is refused
// in the form with Pasal 34 ayat (5) (no later than one month before the external audit).
import assert from 'node:assert/strict'
import { before, describe } from 'node:test'
import { screenshot } from './browser.mjs'
import { consoleSession, pageHelpers, scenarioSteps, signIn } from './scenario.mjs'

const RUN = Date.now().toString(36).toUpperCase().slice(-5)

/** YYYY-MM-DD plus `days`. */
function addDays(date, days) {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}
/** "DD-MM-YYYY", as the console's date pickers take it. */
const typed = (date) => date.split('-').reverse().join('-')

describe('Audit TIK: plan and finding forms, audit calendar', { timeout: 300_000 }, () => {
  const session = consoleSession()
  const step = scenarioSteps(session)
  const { go, main, apiCall, choose, selectBox } = pageHelpers(session)
  let page
  before(() => ({ page } = session))

  let today
  let options
  let programmeId
  const title = `Audit pusat data ${RUN}`

  async function pickDate(placeholder, date) {
    const input = main().getByPlaceholder(placeholder, { exact: true })
    await input.fill(typed(date))
    await input.press('Enter')
  }

  step('plan an external infrastructure audit through the form', async () => {
    await signIn(session)
    today = (await apiCall('GET', '/api/audit/due')).body.today
    options = (await apiCall('GET', '/api/audit/options')).body
    const infra = options.types.find((x) => x.id === 'infrastruktur')
    await go('/audit/program')
    await main().locator('[data-test=plan-programme]').click()
    await page.waitForURL(/\/audit\/program\/baru$/)
    await choose('Jenis audit', infra.name)
    await main().getByLabel('Nama program').fill(title)
    await main().locator('[data-test=plan-aspects]').getByText('Penerapan tata kelola dan manajemen TIK').click()
    await main().locator('[data-test=plan-aspects]').getByText('Kinerja TIK yang dihasilkan').click()
    await choose('Objek audit', 'SRV-AUD-02 Server basis data kepegawaian')
    await page.keyboard.press('Escape')
    await choose('Pelaksana audit', 'Lembaga pelaksana Audit TIK pemerintah')
    await main().getByLabel('Auditor', { exact: true }).fill('Badan Siber dan Sandi Negara')
    await main().getByLabel('Rujukan akreditasi/sertifikat').fill(`AKR-${RUN}/2026`)
    await pickDate('Tanggal mulai rencana', addDays(today, -10))
    await pickDate('Tanggal selesai rencana', addDays(today, 20))
    await main().getByLabel('Surat tugas: Tujuan').fill('Menilai tata kelola pusat data')
    await main().getByLabel('Surat tugas: Lingkup').fill('Server basis data kepegawaian')
    await screenshot(page, 'audit-plan-form')
    await main().locator('[data-test=plan-save]').click()
    await page.waitForURL(/\/audit\/program\/(?!baru)[^/]+$/)
    programmeId = page.url().split('/').pop()
    await main().getByRole('heading', { name: title }).waitFor()
    await main().getByText('Menilai tata kelola pusat data').waitFor()
    const saved = await apiCall('GET', `/api/audit/programmes/${programmeId}`)
    assert.equal(saved.status, 200, JSON.stringify(saved.body))
    assert.equal(saved.body.auditor_reference, `AKR-${RUN}/2026`)
    assert.equal(saved.body.planned_start, addDays(today, -10))
    assert.deepEqual(saved.body.aspects.map((a) => a.id).sort(), ['kinerja', 'tata_kelola'])
    assert.equal(saved.body.object_ids.length, 1)
  })

  step('record a finding on the running programme through the form', async () => {
    const started = await apiCall('POST', `/api/audit/programmes/${programmeId}/steps`, { to: 'dimulai', date: today })
    assert.equal(started.status, 200, JSON.stringify(started.body))
    const owners = await apiCall('GET', '/api/agencies?per_page=100')
    const kominfo = owners.body.items.find((a) => a.code === 'DISKOMINFO').id
    const made = await apiCall('POST', '/api/architecture/elements', { domain: 'keamanan', code: `KAM-${RUN}`, name: `Kontrol cadangan ${RUN}`, owner_agency_id: kominfo })
    assert.equal(made.status, 201, JSON.stringify(made.body))
    await page.reload()
    const form = main().locator('[data-test=finding-form]')
    await form.waitFor()
    await choose('Objek', 'SRV-AUD-02 Server basis data kepegawaian')
    await choose('Tingkat', 'Tinggi')
    await main().getByLabel('Temuan', { exact: true }).fill(`Cadangan tidak diuji ${RUN}`)
    await main().getByLabel('Rekomendasi').fill('Uji pemulihan tiap semester')
    await main().getByLabel('Tindakan yang disepakati').fill('Uji pemulihan bulan depan')
    await pickDate('Batas waktu tindak lanjut', addDays(today, 30))
    // The security control it concerns: searched among the tenant's elements of the domain keamanan.
    const control = main().getByLabel('Kontrol keamanan terkait')
    await control.click()
    await control.pressSequentially(`KAM-${RUN}`)
    await page.getByRole('option', { name: `KAM-${RUN} · Kontrol cadangan ${RUN}`, exact: true }).click()
    await screenshot(page, 'audit-finding-form')
    await main().locator('[data-test=finding-save]').click()
    await main().locator('[data-test=programme-findings]').getByText(`Cadangan tidak diuji ${RUN}`).waitFor()
    const findings = await apiCall('GET', `/api/audit/findings?programme=${programmeId}`)
    assert.equal(findings.body.items.length, 1)
    const f = findings.body.items[0]
    assert.equal(f.severity, 'tinggi')
    assert.equal(f.due_date, addDays(today, 30))
    assert.equal(f.control_id, made.body.id)
    const agencies = await apiCall('GET', '/api/agencies?per_page=100')
    assert.equal(f.agency_id, agencies.body.items.find((a) => a.code === 'DISKOMINFO').id) // the server's owner PD
  })

  step('the audit calendar shows the counts of the API per month and type, and a cell lists its objects', async () => {
    const cal = (await apiCall('GET', '/api/audit/calendar')).body
    assert.equal(cal.today, today)
    await go('/audit/kalender')
    await main().locator('[data-test=calendar-year]').getByText(String(cal.year)).waitFor()
    const month = Number(today.slice(5, 7))
    // The running programme sits in this month's infrastructure cell.
    const cell = main().locator(`[data-test=cell-${month}-infrastruktur]`)
    const expected = cal.months[month - 1].cells.find((c) => c.type === 'infrastruktur')
    assert.ok(expected.programmes.some((p) => p.id === programmeId), JSON.stringify(expected.programmes))
    await cell.getByText(`${expected.programmes.length} program`).waitFor()
    // Every cell with objects shows the API's count and its overdue count; this year, then the next
    // (the demo's next due dates may all fall next year).
    let opened = false
    for (const year of [cal.year, cal.year + 1]) {
      const shownYear = year === cal.year ? cal : (await apiCall('GET', `/api/audit/calendar?year=${year}`)).body
      if (year !== cal.year) {
        await main().locator('[data-test=calendar-year]').getByRole('button', { name: 'Tahun berikutnya' }).click()
        await main().locator('[data-test=calendar-year]').getByText(String(year)).waitFor()
      }
      for (const m of shownYear.months)
        for (const c of m.cells) {
          const shown = main().locator(`[data-test=cell-${m.month}-${c.type}]`)
          if (c.due > 0) await shown.getByText(`${c.due} jatuh tempo`).waitFor()
          if (c.overdue > 0) await shown.getByText(`${c.overdue} terlambat`).waitFor()
          if (c.due > 0 && !opened) {
            await screenshot(page, 'audit-calendar')
            await shown.locator('button').click()
            const dialog = page.locator('.el-dialog')
            for (const o of c.objects) await dialog.locator('[data-test=calendar-objects]').getByText(o.object_code).first().waitFor()
            await screenshot(page, 'audit-calendar-cell')
            await page.keyboard.press('Escape')
            await dialog.waitFor({ state: 'hidden' })
            opened = true
          }
        }
    }
    assert.ok(opened, 'the demo has objects falling due this year or the next')
  })

  step('Lampung Timur: the form shows the internal audit deadline and the refusal with Pasal 34 ayat (5)', async () => {
    const created = await session.server.cli(['tenant', 'create', '--profile', 'lampung-timur'])
    assert.match(created, /Created tenant lampung-timur/)
    const added = await session.server.cli(['user', 'add', '--tenant', 'lampung-timur', '--username', 'admin', '--role', 'tenant_admin', '--display-name', 'Admin Lampung Timur'])
    const password = /Password \(shown once\): (\S+)/.exec(added)?.[1]
    assert.ok(password, added)
    await page.context().clearCookies()
    await page.goto(`${session.server.url}/login`)
    await page.getByLabel('Nama pengguna').waitFor()
    const tenantField = page.getByLabel('Pemerintah daerah (kode tenant)')
    if (!(await tenantField.isVisible())) await page.getByRole('button', { name: 'Masuk ke pemerintah daerah lain' }).click()
    await tenantField.fill('lampung-timur')
    await page.getByLabel('Nama pengguna').fill('admin')
    await page.getByLabel('Kata sandi', { exact: true }).fill(password)
    await page.getByRole('button', { name: 'Masuk', exact: true }).click()
    await page.waitForURL((url) => !url.pathname.startsWith('/login'))

    const ltmToday = (await apiCall('GET', '/api/audit/due')).body.today
    const agency = await apiCall('POST', '/api/agencies', { code: `DIS-${RUN}`, name: `Dinas Uji ${RUN}`, type: 'dinas_daerah' })
    assert.equal(agency.status, 201, JSON.stringify(agency.body))
    const element = await apiCall('POST', '/api/architecture/elements', {
      domain: 'infrastruktur', code: `SRV-LTM-${RUN}`, name: 'Server pusat data', owner_agency_id: agency.body.id, attributes: { infra_type: 'perangkat_keras' },
    })
    assert.equal(element.status, 201, JSON.stringify(element.body))
    const ltmOptions = (await apiCall('GET', '/api/audit/options')).body
    const infra = ltmOptions.types.find((x) => x.id === 'infrastruktur')
    // The internal audit ends 50 days ahead; the external one starts in 60 days: less than a month between.
    const internal = await apiCall('POST', '/api/audit/programmes', {
      type: 'infrastruktur', kind: 'internal', title: `Audit internal ${RUN}`, aspects: ['tata_kelola'], object_ids: [element.body.id],
      auditor_name: 'Inspektorat', planned_start: addDays(ltmToday, 10), planned_end: addDays(ltmToday, 50),
    })
    assert.equal(internal.status, 201, JSON.stringify(internal.body))

    await go('/audit/program/baru')
    await choose('Jenis audit', infra.name)
    await main().getByLabel('Nama program').fill(`Audit eksternal ${RUN}`)
    await main().locator('[data-test=plan-aspects]').getByText('Fungsionalitas TIK').click()
    await choose('Objek audit', `SRV-LTM-${RUN} Server pusat data`)
    await page.keyboard.press('Escape')
    await choose('Pelaksana audit', 'Lembaga pelaksana Audit TIK terakreditasi')
    await main().getByLabel('Auditor', { exact: true }).fill('Lembaga Audit Nusantara')
    await main().getByLabel('Rujukan akreditasi/sertifikat').fill('KAN-LA-001')
    const start = addDays(ltmToday, 60)
    await pickDate('Tanggal mulai rencana', start)
    await pickDate('Tanggal selesai rencana', addDays(ltmToday, 75))
    await selectBox('Audit internal pendahuluan').click()
    await page.getByRole('option', { name: new RegExp(`Audit internal ${RUN}`) }).click()
    await main().locator('[data-test=plan-internal-deadline]').waitFor()
    await main().locator('[data-test=plan-save]').click()
    const refusal = main().locator('[data-test=audit-plan-form] .el-alert')
    await refusal.getByText('Pasal 34 ayat (5)').waitFor()
    await screenshot(page, 'audit-plan-lead-time')
    // Nothing was planned.
    const list = await apiCall('GET', '/api/audit/programmes')
    assert.equal(list.body.items.filter((p) => p.kind === 'eksternal').length, 0)
    assert.match(page.url(), /\/audit\/program\/baru$/)
  })
})
