// End-to-end scenarios of Arsitektur SPBE and Peta Rencana against the real server binary:
// create a service and an application, relate them and see the service trace; create a document,
// approve it with an instrument number and record a review; create a roadmap initiative and see
// it on the timeline; import a CSV with a bad row, fix it and import; export the model as XLSX.
import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { before, describe } from 'node:test'
import { screenshot } from './browser.mjs'
import { consoleSession, pageHelpers, scenarioSteps, signIn } from './scenario.mjs'

// Codes that cannot collide with demo data.
const RUN = Date.now().toString(36).toUpperCase().slice(-5)
const SERVICE = { code: `RAL.UJI.${RUN}`, name: `Layanan Perizinan Uji ${RUN}` }
const APP = { code: `RAA.UJI.${RUN}`, name: `Aplikasi Perizinan Uji ${RUN}` }
const INITIATIVE = { code: `PR-${RUN}`, name: `Pembangunan Sistem Perizinan ${RUN}` }
const TOBE = { code: `RAA.RENCANA.${RUN}`, name: `Aplikasi Rencana Uji ${RUN}` }
const IMPORTED = { code: `RAD.IMP.${RUN}`, name: `Data Penduduk Impor ${RUN}` }

describe('Arsitektur SPBE and Peta Rencana', { timeout: 300_000 }, () => {
  const session = consoleSession({ tempDir: 'simpul-arch-e2e-' })
  const step = scenarioSteps(session)
  const { go, main, selectBox, choose, apiCall } = pageHelpers(session)
  let server
  let page
  let pageErrors
  let dir
  before(() => ({ server, page, pageErrors, dir } = session))

  /** Types into a searching select (ElementPicker) and picks the option that contains the text. */
  async function search(label, text, scope = page) {
    await selectBox(label, scope).click()
    // Wait for the server's answer to this very search, so the click lands on its options.
    const answered = page.waitForResponse((r) => r.url().includes('/api/architecture/elements?') && r.url().includes(`q=${encodeURIComponent(text)}`))
    await scope.getByLabel(label, { exact: true }).fill(text)
    await answered
    await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: text }).first().click()
    await selectBox(label, scope).getByText(text).first().waitFor()
  }

  step('sign in; the navigation opens Arsitektur; the dashboard shows its checks', async () => {
    await go('/login')
    await page.getByLabel('Nama pengguna').fill(server.username)
    await page.getByLabel('Kata sandi', { exact: true }).fill(server.password)
    await page.getByRole('button', { name: 'Masuk', exact: true }).click()
    await page.waitForURL(`${server.url}/`)
    const card = page.locator('[data-test=architecture-status]')
    await card.getByText('Arsitektur SPBE telah ditetapkan').waitFor()
    await card.getByText('Pasal 5 ayat (2)').first().waitFor()

    // The administrator manages the architecture but cannot make itself an approver.
    const me = await apiCall('GET', '/api/auth/me')
    const patched = await apiCall('PATCH', `/api/users/${me.body.user.id}`, { roles: [...me.body.user.roles, 'approver'] })
    assert.equal(patched.status, 403, JSON.stringify(patched.body))
    assert.equal(patched.body.error.code, 'role.self_grant')

    await page.getByRole('navigation').getByRole('link', { name: 'Arsitektur', exact: true }).click()
    await page.waitForURL(/\/arsitektur(\?|$)/)
    await main().getByRole('heading', { name: 'Arsitektur SPBE' }).waitFor()
    await main().getByRole('tab', { name: 'Layanan' }).waitFor()
  })

  step('create a service (layanan) with its domain attributes', async () => {
    await go('/arsitektur?domain=layanan')
    await page.locator('[data-test=element-create]').click()
    const dialog = page.getByRole('dialog', { name: 'Tambah elemen Layanan' })
    await dialog.getByLabel('Kode', { exact: true }).fill(SERVICE.code)
    await dialog.getByLabel('Nama', { exact: true }).fill(SERVICE.name)
    await choose('Perangkat Daerah pemilik', 'Dinas Komunikasi dan Informatika Kota Balikpapan', dialog)
    await choose('Jenis layanan', 'Layanan publik', dialog)
    await choose('Sektor / bidang layanan', 'kesehatan', dialog)
    await dialog.getByLabel('Alamat (URL)').fill('https://perizinan.example.go.id')
    await dialog.locator('[data-test=element-save]').click()
    await page.waitForURL(/\/arsitektur\/elemen\/[^/]+$/)
    await main().getByRole('heading', { name: SERVICE.name }).waitFor()
    await main().getByText('Layanan publik').waitFor()
    // A service with nothing under it shows the gaps in its trace.
    await page.locator('[data-test=service-trace]').getByText('Belum ada').first().waitFor()
  })

  let serviceUrl
  step('create an application (aplikasi) and relate the service to it; the trace shows it', async () => {
    serviceUrl = page.url()
    await go('/arsitektur?domain=aplikasi')
    await main().getByRole('tab', { name: 'Aplikasi', selected: true }).waitFor()
    await page.locator('[data-test=element-create]').click()
    const dialog = page.getByRole('dialog', { name: 'Tambah elemen Aplikasi' })
    await dialog.getByLabel('Kode', { exact: true }).fill(APP.code)
    await dialog.getByLabel('Nama', { exact: true }).fill(APP.name)
    await choose('Perangkat Daerah pemilik', 'Dinas Komunikasi dan Informatika Kota Balikpapan', dialog)
    await choose('Kategori aplikasi', 'Aplikasi Umum', dialog)
    await dialog.locator('[data-test=element-save]').click()
    await page.waitForURL(/\/arsitektur\/elemen\/[^/]+$/)
    await main().getByRole('heading', { name: APP.name }).waitFor()

    await page.goto(serviceUrl)
    await main().getByRole('heading', { name: SERVICE.name }).waitFor()
    await page.locator('[data-test=relation-add]').click()
    const rel = page.getByRole('dialog', { name: /Tambah relasi/ })
    await choose('Jenis relasi', 'didukung oleh … (Aplikasi)', rel)
    await search('Elemen terkait', APP.code, rel)
    await rel.locator('[data-test=relation-save]').click()
    await rel.waitFor({ state: 'hidden' })
    await page.locator('[data-test=relations-out]').getByRole('link', { name: new RegExp(APP.name) }).waitFor()

    const trace = page.locator('[data-test=service-trace]')
    await trace.getByRole('link', { name: APP.name }).waitFor()
    await trace.getByRole('link', { name: SERVICE.name }).waitFor()
    await page.locator('[data-test=element-graph] canvas').waitFor()
    await screenshot(page, 'architecture-element')

    // The list shows both, with filters.
    await go('/arsitektur?domain=aplikasi')
    await page.locator('[data-test=element-table]').getByRole('link', { name: APP.name }).waitFor()
    await screenshot(page, 'architecture')
  })

  step('create an Arsitektur SPBE document, approve it with its instrument, record a review', async () => {
    await page.getByRole('link', { name: 'Dokumen dan reviu' }).click()
    await page.waitForURL(/\/arsitektur\/dokumen/)
    await page.locator('[data-test=document-create]').click()
    const dialog = page.getByRole('dialog', { name: 'Buat versi baru' })
    await dialog.getByLabel('Judul').fill(`Arsitektur SPBE Kota Balikpapan ${RUN}`)
    await dialog.locator('[data-test=document-save]').click()
    await dialog.waitFor({ state: 'hidden' })
    const detail = page.locator('[data-test=document-detail]')
    await detail.locator('[data-test=document-status]').getByText('Draf').waitFor()

    // A draft's domain coordinators are editable: set the coordinator of Layanan.
    await detail.locator('[data-test=coordinators-edit]').click()
    const coord = page.getByRole('dialog', { name: /Koordinator domain Arsitektur SPBE/ })
    await choose('Layanan', 'Dinas Komunikasi dan Informatika Kota Balikpapan', coord)
    await coord.locator('[data-test=coordinators-save]').click()
    await coord.waitFor({ state: 'hidden' })
    await detail.locator('[data-test=coordinator-table] .el-table__row', { hasText: 'Layanan' })
      .getByText('Dinas Komunikasi dan Informatika Kota Balikpapan').waitFor()

    // The Sekda (the demo's approver) decides; the administrator is offered no approve button.
    assert.equal(await detail.locator('[data-test=document-approve]').count(), 0)
    const documentUrl = page.url()
    await signIn(session, { username: 'sekda', password: server.colleaguePassword })
    await page.goto(documentUrl)
    await detail.locator('[data-test=document-approve]').click()
    const approve = page.getByRole('dialog', { name: /Tetapkan Arsitektur SPBE/ })
    assert.equal(await approve.getByLabel('Jenis penetapan').inputValue(), 'Keputusan Wali Kota', 'the instrument type comes from the profile')
    await approve.getByLabel('Nomor penetapan').fill(`188.45/${RUN}/2026`)
    await approve.getByLabel('Tanggal penetapan').fill('2026-01-15')
    await approve.getByLabel('Tanggal penetapan').press('Enter')
    await approve.locator('[data-test=approve-save]').click()
    await approve.waitFor({ state: 'hidden' })
    await detail.locator('[data-test=document-status]').getByText('Ditetapkan').waitFor()
    await detail.locator('[data-test=instrument-number]').getByText(`188.45/${RUN}/2026`).waitFor()
    await detail.locator('[data-test=review-schedule] .el-table__row').first().waitFor()
    await signIn(session)  // back to the administrator, who records reviews
    await page.goto(documentUrl)

    await detail.locator('[data-test=review-add]').click()
    const review = page.getByRole('dialog', { name: /Catat reviu/ })
    await review.getByText('perubahan RPJMD', { exact: true }).click()
    await review.getByLabel('Ringkasan hasil').fill(`Reviu paruh waktu ${RUN}: arsitektur tetap.`)
    await review.locator('[data-test=review-save]').click()
    await review.waitFor({ state: 'hidden' })
    await page.locator('[data-test=review-table]').getByText(`Reviu paruh waktu ${RUN}: arsitektur tetap.`).waitFor()

    // Comparing the approved version with the live model: nothing changed since approval.
    await page.locator('[data-test=diff-run]').click()
    await page.locator('[data-test=diff-none]').waitFor()
    await screenshot(page, 'architecture-documents')
  })

  step('create a roadmap initiative that delivers the application; it is on the timeline', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Peta Rencana' }).click()
    await page.waitForURL(/\/peta-rencana/)
    await page.locator('[data-test=initiative-create]').click()
    const dialog = page.getByRole('dialog', { name: 'Tambah inisiatif' })
    await dialog.getByLabel('Kode', { exact: true }).fill(INITIATIVE.code)
    await dialog.getByLabel('Nama program/kegiatan').fill(INITIATIVE.name)
    await choose('Kategori', 'Aplikasi SPBE', dialog)
    await choose('Perangkat Daerah pelaksana', 'Dinas Komunikasi dan Informatika Kota Balikpapan', dialog)
    const year = new Date().getFullYear()
    await dialog.getByLabel('Tahun mulai').fill(String(year))
    await dialog.getByLabel('Tahun target').fill(String(year + 2))
    await dialog.locator('[data-test=initiative-add-element]').click()
    await search('Elemen 1', APP.code, dialog)
    await dialog.locator('[data-test=initiative-save]').click()
    await dialog.waitFor({ state: 'hidden' })

    const drawer = page.locator('[data-test=initiative-drawer]')
    await drawer.getByRole('link', { name: new RegExp(APP.name) }).waitFor()
    await drawer.locator('[data-test=monitoring-save]').click()
    await drawer.locator('[data-test=monitoring-table] .el-table__row').first().waitFor()
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })

    await page.locator('[data-test=initiative-table]').getByText(INITIATIVE.code).waitFor()
    await page.locator('[data-test=roadmap-timeline] canvas').waitFor()
    // The timeline's text twin lists the initiative with its years.
    await page.locator('table.visually-hidden').getByText(`${year}–${year + 2}`).first().waitFor({ state: 'attached' })
    await screenshot(page, 'architecture-roadmap')
  })

  step('the gap view counts the new elements', async () => {
    // A planned (to-be) application that no initiative delivers: the gap view must count it and list
    // it as unplanned, while the application the initiative delivers is not listed there.
    const app = (await apiCall('GET', `/api/architecture/elements?q=${encodeURIComponent(APP.code)}`)).body.items[0]
    const tobe = await apiCall('POST', '/api/architecture/elements', {
      domain: 'aplikasi', code: TOBE.code, name: TOBE.name, owner_agency_id: app.owner_agency_id, state: 'to_be',
    })
    assert.equal(tobe.status, 201, JSON.stringify(tobe.body))
    const gap = (await apiCall('GET', '/api/architecture/gap')).body.domains
    const total = (k) => gap.reduce((n, d) => n + d[k], 0)
    assert.ok(gap.some((d) => d.unplanned.some((e) => e.code === TOBE.code)), 'the API lists the new to-be element as unplanned')

    await go('/arsitektur/kesenjangan')
    const summary = page.locator('[data-test=gap-summary]')
    await summary.waitFor()
    const counts = await summary.locator('[data-test=count]').allInnerTexts()
    const number = (text) => Number(text.replace(/\D/g, ''))
    assert.deepEqual(counts.map(number), [total('as_is'), total('to_be'), total('retired'), gap.reduce((n, d) => n + d.unplanned.length, 0)],
      'the summary shows the counts of the live model')
    assert.ok(total('as_is') >= 2, 'the service and the application created above are counted as they are')
    assert.ok(total('to_be') >= 1, 'the planned application is counted as to-be')
    const unplanned = page.locator('[data-test=gap-unplanned]')
    await unplanned.getByText(TOBE.name).waitFor()
    assert.equal(await unplanned.getByText(APP.name).count(), 0, 'the application an initiative delivers is not unplanned')
    await page.locator('[data-test=gap-chart] canvas').waitFor()
    await screenshot(page, 'architecture-gap')
  })

  step('import a CSV: a bad row is reported and nothing changes; fixed, it imports', async () => {
    const header = 'code;name;domain;level;parent_code;reference_code;owner_agency_code;state;description'
    const good = `${IMPORTED.code};${IMPORTED.name};data_informasi;3;;;DISKOMINFO;as_is;Diimpor dari berkas`
    const bad = `RAD.BAD.${RUN};Baris Salah;domain_tidak_ada;3;;;DISKOMINFO;as_is;`
    const badFile = join(dir, 'elemen-salah.csv')
    const goodFile = join(dir, 'elemen.csv')
    writeFileSync(badFile, `\ufeff${header}\r\n${good}\r\n${bad}\r\n`)
    writeFileSync(goodFile, `\ufeff${header}\r\n${good}\r\n`)

    await go('/arsitektur?domain=data_informasi')
    await page.locator('[data-test=arch-import]').click()
    const dialog = page.locator('[data-test=import-dialog]').locator('xpath=ancestor-or-self::div[contains(@class, "el-dialog")]').first()
    await page.locator('[data-test=import-file]').setInputFiles(badFile)
    await page.locator('[data-test=import-check]').click()
    const problems = page.locator('[data-test=import-problems]')
    await problems.locator('.el-table__row').first().waitFor()
    assert.match(await problems.innerText(), /3/, 'the problem names row 3 (the header is row 1)')
    await screenshot(page, 'architecture-import')
    assert.equal(await page.locator('[data-test=import-run]').count(), 0, 'no import while there are problems')

    await page.locator('[data-test=import-file]').setInputFiles(goodFile)
    await page.locator('[data-test=import-check]').click()
    await page.locator('[data-test=import-clean]').waitFor()
    await page.locator('[data-test=import-run]').click()
    await page.locator('[data-test=import-done]').waitFor()
    await dialog.getByRole('button', { name: 'Tutup' }).last().click()
    await page.locator('[data-test=element-table]').getByRole('link', { name: IMPORTED.name }).waitFor()
  })

  step('export the whole model as XLSX from the server', async () => {
    await page.locator('[data-test=arch-export]').click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=arch-export-xlsx]').click()])
    assert.match(download.suggestedFilename(), /\.xlsx$/)
    const bytes = readFileSync(await download.path())
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX file is a ZIP archive')
  })

  step('the dashboard lists the architecture checks, in English too', async () => {
    await go('/')
    const card = page.locator('[data-test=architecture-status]')
    await card.locator('[data-test=check-architecture_approved]').waitFor()
    await screenshot(page, 'architecture-dashboard')
    await page.locator('[data-test=lang-en]').click()
    await card.getByText('Arsitektur SPBE is approved').waitFor()
    await page.locator('[data-test=lang-id]').click()
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page')
  })
})
