// End-to-end: a PD operator imports the lines of its RKA export into its draft proposal (demo tenant
// Balikpapan): the dialog's dry run lists a bad row with its column and article and offers no import;
// a clean file shows the rows (a heading, lines with the merged sub-activity carried down) and is
// imported, all lines at once.
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { before, describe } from 'node:test'
import { screenshot } from './browser.mjs'
import { consoleSession, pageHelpers, scenarioSteps, signIn } from './scenario.mjs'

const RUN = Date.now().toString(36).toUpperCase().slice(-5)
const PASSWORD = 'kata-sandi-panjang-uji'

describe('Rencana dan Anggaran SPBE: impor RKA', { timeout: 300_000 }, () => {
  const session = consoleSession({ tempDir: 'simpul-rka-' })
  const step = scenarioSteps(session)
  const { go, main, apiCall } = pageHelpers(session)
  let page
  before(() => ({ page } = session))

  const agency = {}
  let proposal
  let year
  const header = 'Sub Kegiatan;Kode Rekening;Uraian;Koefisien;Harga Satuan;Jumlah;Sumber Dana;Kode Elemen Arsitektur;Kode Inisiatif Peta Rencana'

  step('the admin prepares an element, an initiative of next year, the planning PD and a PD operator', async () => {
    await signIn(session)
    const agencies = await apiCall('GET', '/api/agencies?per_page=100')
    for (const code of ['BAPPEDALITBANG', 'DINKES']) agency[code] = agencies.body.items.find((a) => a.code === code).id
    year = new Date().getFullYear() + 2  // next year holds the demo's own cycle
    const e = await apiCall('POST', '/api/architecture/elements', {
      domain: 'aplikasi', code: `APL.RKA.${RUN}`, name: `Aplikasi Puskesmas ${RUN}`, owner_agency_id: agency.DINKES, state: 'to_be',
    })
    assert.equal(e.status, 201, JSON.stringify(e.body))
    const i = await apiCall('POST', '/api/roadmap/initiatives', {
      code: `PR.RKA.${RUN}`, name: `Puskesmas digital ${RUN}`, category: 'layanan_spbe', owner_agency_id: agency.DINKES, start_year: year, target_year: year,
    })
    assert.equal(i.status, 201, JSON.stringify(i.body))
    for (const [username, role, code] of [[`perencana.${RUN.toLowerCase()}`, 'planner', 'BAPPEDALITBANG'], [`dinkes.${RUN.toLowerCase()}`, 'agency_operator', 'DINKES']]) {
      const u = await apiCall('POST', '/api/users', { must_change_password: false, username, display_name: username, password: PASSWORD, roles: [role], agency_id: agency[code] })
      assert.equal(u.status, 201, JSON.stringify(u.body))
    }
    await signIn(session, { username: `perencana.${RUN.toLowerCase()}`, password: PASSWORD })
    const deadline = `${year - 1}-12-31`
    const c = await apiCall('POST', '/api/planning/cycles', { fiscal_year: year, submission_deadline: deadline, verification_deadline: deadline })
    assert.equal(c.status, 201, JSON.stringify(c.body))
    await signIn(session, { username: `dinkes.${RUN.toLowerCase()}`, password: PASSWORD })
    const p = await apiCall('POST', `/api/planning/cycles/${c.body.id}/proposals`, { agency_id: agency.DINKES })
    assert.equal(p.status, 201, JSON.stringify(p.body))
    proposal = p.body.id
  })

  step('a row without its architecture link is shown with its column and article, and nothing can be imported', async () => {
    const file = join(session.dir, 'rka-salah.csv')
    writeFileSync(file, `${header}\r\nPelayanan Puskesmas;5.2.02.10.01.0002;Pengadaan Laptop ${RUN};2 Unit;Rp 15.000.000;Rp 30.000.000;APBD;;\r\n`)
    await go(`/anggaran/usulan/${proposal}`)
    await main().locator('[data-test=planning-import-open]').click()
    await page.locator('[data-test=planning-import-file]').setInputFiles(file)
    await page.locator('[data-test=planning-import-check]').click()
    const problems = page.locator('[data-test=planning-import-problems]')
    await problems.getByText('Pasal 7 ayat (2)', { exact: true }).waitFor()
    await problems.getByText('Kode Elemen Arsitektur', { exact: true }).waitFor()
    assert.equal(await page.locator('[data-test=planning-import-run]').count(), 0, 'no import while there are problems')
  })

  step('a clean RKA export is checked row by row, then imported at once', async () => {
    const file = join(session.dir, 'rka.csv')
    const link = `APL.RKA.${RUN};PR.RKA.${RUN}`
    writeFileSync(
      file,
      `${header}\r\n` +
        'Pelayanan Puskesmas;5.2.02.10.01.0002;Belanja Modal Personal Computer;;;Rp 34.000.000;;;\r\n' +
        `;;Pengadaan Laptop ${RUN};2 Unit;Rp 15.000.000;Rp 30.000.000;APBD;${link}\r\n` +
        `;;Pengadaan Printer ${RUN};1 Unit;4.000.000;4.000.000;apbd;${link}\r\n`,
    )
    await page.locator('[data-test=planning-import-file]').setInputFiles(file)
    await page.locator('[data-test=planning-import-check]').click()
    await page.locator('[data-test=planning-import-clean]').waitFor()
    const rows = page.locator('[data-test=planning-import-rows]')
    await rows.getByText('Judul kelompok (bukan rincian)').waitFor()
    await rows.getByText(`Pengadaan Printer ${RUN}`).waitFor()
    await screenshot(page, 'planning-import')
    await page.locator('[data-test=planning-import-run]').click()
    await page.locator('[data-test=planning-import-done]').waitFor()
    const dialog = page.locator('[data-test=planning-import-dialog]').locator('xpath=ancestor-or-self::div[contains(@class, "el-dialog")]').first()
    await dialog.getByRole('button', { name: 'Tutup' }).click()
    await main().locator('[data-test=planning-lines]').getByText(`Pengadaan Printer ${RUN}`).waitFor()
    const view = await apiCall('GET', `/api/planning/proposals/${proposal}`)
    assert.equal(view.body.lines.length, 2)
    assert.ok(view.body.lines.every((l) => l.sub_activity === 'Pelayanan Puskesmas'))
  })
})
