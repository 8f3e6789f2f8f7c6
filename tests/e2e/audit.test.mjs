// End-to-end scenario of Audit TIK against the real server binary (demo tenant Balikpapan): a server
// audited 25 months ago shows as overdue in the due list with Pasal 39 ayat (1); the due list counts
// each status in its header, filters by status and Perangkat Daerah and pages; its programme page
// shows the dated steps, records the coordination with the ministry (Pasal 38 ayat (5)) while the
// audit runs, and the closing step; once closed, a correction out of order is refused and a logged
// correction changes the auditor's name; the findings board takes the follow-up and its verification.
import assert from 'node:assert/strict'
import { before, describe } from 'node:test'
import { screenshot } from './browser.mjs'
import { consoleSession, pageHelpers, scenarioSteps, signIn } from './scenario.mjs'

const RUN = Date.now().toString(36).toUpperCase().slice(-5)
const SERVER = { code: `INF.UJI.${RUN}`, name: `Server Basis Data ${RUN}` }
// Audited with it, so the overdue list runs over more than one page of 50 (codes after SERVER's).
const BULK = 55

/** YYYY-MM-DD `months` from `date` (negative: before), day clamped to the month. */
function addMonths(date, months) {
  const [y, m, d] = date.split('-').map(Number)
  const total = y * 12 + (m - 1) + months
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

describe('Audit TIK', { timeout: 300_000 }, () => {
  const session = consoleSession()
  const step = scenarioSteps(session)
  const { go, main, apiCall, choose } = pageHelpers(session)
  let page
  before(() => ({ page } = session))

  let today
  let programmeId
  let findingId
  let other

  step('sign in; an infrastructure element audited 25 months ago, recorded through the API', async () => {
    await signIn(session)
    const me = await apiCall('GET', '/api/auth/me')
    for (const p of ['audit.read', 'audit.manage', 'audit.verify']) assert.ok(me.body.user.permissions.includes(p), p)
    const agencies = await apiCall('GET', '/api/agencies?per_page=100')
    const kominfo = agencies.body.items.find((a) => a.code === 'DISKOMINFO')
    const element = await apiCall('POST', '/api/architecture/elements', {
      domain: 'infrastruktur', code: SERVER.code, name: SERVER.name, owner_agency_id: kominfo.id, attributes: { infra_type: 'perangkat_keras' },
    })
    assert.equal(element.status, 201, JSON.stringify(element.body))
    other = agencies.body.items.find((a) => a.code !== 'DISKOMINFO')
    const bulk = []
    for (let i = 0; i < BULK; i++) {
      const e = await apiCall('POST', '/api/architecture/elements', {
        domain: 'infrastruktur', code: `SRV.MASSAL.${RUN}.${String(i).padStart(2, '0')}`, name: `Server ${i}`,
        owner_agency_id: (i % 2 ? kominfo : other).id, attributes: { infra_type: 'perangkat_keras' },
      })
      assert.equal(e.status, 201, JSON.stringify(e.body))
      bulk.push(e.body.id)
    }
    const due = await apiCall('GET', '/api/audit/due')
    today = due.body.today
    const plan = await apiCall('POST', '/api/audit/programmes', {
      type: 'infrastruktur', title: `Audit infrastruktur ${RUN}`, aspects: ['tata_kelola', 'kinerja'], object_ids: [element.body.id, ...bulk],
      auditor_kind: 'lembaga_pemerintah', auditor_name: 'Badan Siber dan Sandi Negara', auditor_reference: 'AKR-01/2024',
      planned_start: addMonths(today, -26), planned_end: addMonths(today, -25),
      letter: { purpose: 'Menilai tata kelola pusat data', scope: 'Server basis data', authority: 'Surat tugas Kepala Dinas', duties: 'Memeriksa', reporting: 'Laporan kepada Kepala Dinas' },
    })
    assert.equal(plan.status, 201, JSON.stringify(plan.body))
    programmeId = plan.body.id
    for (const [to, date] of [['dimulai', addMonths(today, -26)], ['laporan_diterima', addMonths(today, -25)]]) {
      const r = await apiCall('POST', `/api/audit/programmes/${programmeId}/steps`, { to, date })
      assert.equal(r.status, 200, JSON.stringify(r.body))
    }
    const finding = await apiCall('POST', `/api/audit/programmes/${programmeId}/findings`, {
      object_id: element.body.id, severity: 'tinggi', title: `Cadangan tidak diuji ${RUN}`, recommendation: 'Uji pemulihan tiap semester',
      agency_id: kominfo.id, agreed_action: 'Uji pemulihan', due_date: addMonths(today, -24),
    })
    assert.equal(finding.status, 201, JSON.stringify(finding.body))
    findingId = finding.body.id
  })

  step('the due list shows the server overdue, with the article of Balikpapan that sets the cadence', async () => {
    await go('/audit')
    const row = main().locator('[data-test=audit-due-table] tr', { hasText: SERVER.code })
    await row.getByText('Terlambat').waitFor()
    await row.getByText('Pasal 39 ayat (1)').waitFor()
    // The header counts every status of the list, as the server does.
    const due = await apiCall('GET', '/api/audit/due')
    assert.ok(due.body.totals.terlambat > 50, JSON.stringify(due.body.totals))
    const totals = main().locator('[data-test=audit-due-totals]')
    await totals.getByText(`${due.body.totals.terlambat} terlambat`).waitFor()
    await totals.getByText(`${due.body.totals.jatuh_tempo} jatuh tempo dalam 90 hari`).waitFor()
    await screenshot(page, 'audit-due')
  })

  step('the due list filters by status and Perangkat Daerah, and pages through the server', async () => {
    await main().locator('[data-test=audit-status]').getByText('Terlambat', { exact: true }).click()
    const overdue = await apiCall('GET', '/api/audit/due?status=terlambat&limit=50&offset=50')
    assert.ok(overdue.body.items.length > 0, JSON.stringify(overdue.body.total))
    await main().locator('.el-pager li', { hasText: /^2$/ }).click()
    await main().locator('[data-test=audit-due-table] tr', { hasText: overdue.body.items[0].object_code }).first().waitFor()
    await main().locator('[data-test=audit-due-table] tr', { hasText: SERVER.code }).waitFor({ state: 'detached' })
    // One PD: the other agency's servers only; the header counts that PD's objects.
    await choose('Perangkat Daerah', other.name)
    const mine = await apiCall('GET', `/api/audit/due?status=terlambat&agency=${other.id}`)
    await main().locator('[data-test=audit-due-totals]').getByText(`${mine.body.totals.terlambat} terlambat`).waitFor()
    await main().locator('[data-test=audit-due-table] tr', { hasText: mine.body.items[0].object_code }).first().waitFor()
    for (const item of mine.body.items) assert.equal(item.agency_id, other.id)
    const rows = main().locator('[data-test=audit-due-table] tbody tr')
    assert.equal(await rows.count(), mine.body.items.length)
    await screenshot(page, 'audit-due-filtered')
  })

  step('the programme page shows the plan, the letter and the dated steps, and records the closing step', async () => {
    await go('/audit/program')
    await main().getByRole('link', { name: `Audit infrastruktur ${RUN}` }).click()
    await main().getByText('Menilai tata kelola pusat data').waitFor()
    await main().locator('[data-test=audit-steps]').getByText('Laporan diterima').waitFor()

    // The coordination Balikpapan's article asks for on an infrastructure audit, recorded in the page.
    await main().getByRole('heading', { name: /Koordinasi dengan/ }).getByText('Pasal 38 ayat (5)').waitFor()
    const coordDate = main().getByPlaceholder('Tanggal koordinasi')
    await coordDate.fill(today.split('-').reverse().join('-'))
    await coordDate.press('Enter')
    await main().locator('[data-test=coordination-note]').fill(`Surat ke Kementerian ${RUN}`)
    await main().locator('[data-test=coordination-save]').click()
    await main().locator('[data-test=audit-coordination]').getByText(`Surat ke Kementerian ${RUN}`).waitFor()

    const date = main().getByPlaceholder('Tanggal', { exact: true })
    await date.fill(today.split('-').reverse().join('-'))
    await date.press('Enter')
    await main().locator('[data-test=advance]').click()
    await main().locator('[data-test=audit-steps]').getByText('Ditutup').waitFor()
    const answer = await apiCall('GET', `/api/audit/programmes/${programmeId}`)
    assert.equal(answer.body.state, 'ditutup')
    assert.equal(answer.body.coordination.length, 1)
    assert.equal(answer.body.coordination[0].note, `Surat ke Kementerian ${RUN}`)
    await screenshot(page, 'audit-programme')
  })

  step('a closed programme changes only through a logged correction; one out of order is refused', async () => {
    await main().locator('[data-test=coordination-form]').waitFor({ state: 'detached' })
    const form = main().locator('[data-test=correction-form]')
    await form.waitFor()
    // A start date after the report date breaks the order of the steps: refused, nothing changes.
    await form.locator('[data-test=correction-field]').click()
    await page.getByRole('option', { name: 'Tanggal mulai', exact: true }).click()
    const value = main().getByPlaceholder('Nilai baru')
    await value.fill(today.split('-').reverse().join('-'))
    await value.press('Enter')
    await form.locator('[data-test=correction-reason]').fill('Tanggal mulai tercatat keliru')
    await form.locator('[data-test=correction-save]').click()
    await main().getByText('Tanggal tidak sesuai urutan pelaksanaan audit.').waitFor()
    let answer = await apiCall('GET', `/api/audit/programmes/${programmeId}`)
    assert.equal(answer.body.corrections.length, 0)
    assert.equal(answer.body.started_on, addMonths(today, -26))

    await form.locator('[data-test=correction-field]').click()
    await page.getByRole('option', { name: 'Nama pelaksana', exact: true }).click()
    await form.locator('[data-test=correction-value]').fill('Badan Siber dan Sandi Negara RI')
    await form.locator('[data-test=correction-reason]').fill('Nama lembaga tertulis tidak lengkap')
    await form.locator('[data-test=correction-save]').click()
    const list = main().locator('[data-test=audit-corrections]')
    await list.getByText('Nama pelaksana').waitFor()
    await list.getByText('Nama lembaga tertulis tidak lengkap').waitFor()
    answer = await apiCall('GET', `/api/audit/programmes/${programmeId}`)
    assert.equal(answer.body.auditor_name, 'Badan Siber dan Sandi Negara RI')
    assert.equal(answer.body.corrections.length, 1)
    assert.equal(answer.body.corrections[0].old_value, 'Badan Siber dan Sandi Negara')
    await screenshot(page, 'audit-programme-correction')
  })

  step('the findings board takes the follow-up evidence and the verification', async () => {
    await go('/audit/temuan')
    const row = main().locator('[data-test=audit-findings-table] tr', { hasText: `Cadangan tidak diuji ${RUN}` })
    await row.getByText('Lewat batas').waitFor()
    await row.locator('input').fill('Berita acara uji pemulihan')
    await row.getByRole('button', { name: 'Catat tindak lanjut' }).click()
    await row.getByText('Ditindaklanjuti').waitFor()
    await row.getByRole('button', { name: 'Verifikasi' }).click()
    await row.getByText('Terverifikasi').waitFor()
    const answer = await apiCall('GET', `/api/audit/findings?programme=${programmeId}`)
    assert.equal(answer.body.items.find((f) => f.id === findingId).state, 'terverifikasi')
    await screenshot(page, 'audit-findings')
  })
})
