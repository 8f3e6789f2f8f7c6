// End-to-end: the architecture import a Pemda can use (issue 20, items 8 and 9). The import dialog
// offers the templates and the list of allowed values; a file with several bad rows gets every
// problem in one table with the row, the column and what to write instead, in Indonesian and in
// English; the model exported as CSV (';', UTF-8 with BOM) checks clean and imports with no change.
import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { before, describe } from 'node:test'
import { screenshot } from './browser.mjs'
import { consoleSession, pageHelpers, scenarioSteps, signIn } from './scenario.mjs'

const RUN = Date.now().toString(36).toUpperCase().slice(-5)
const BOM = '\ufeff'

describe('Arsitektur SPBE import and export', { timeout: 300_000 }, () => {
  const session = consoleSession({ tempDir: 'simpul-arch-import-e2e-' })
  const step = scenarioSteps(session)
  const { go } = pageHelpers(session)
  let page
  let pageErrors
  let dir
  before(() => ({ page, pageErrors, dir } = session))

  const dialog = () => page.getByRole('dialog', { name: /Impor Arsitektur SPBE|Import Arsitektur SPBE/ })

  async function openImport() {
    await go('/arsitektur?domain=layanan')
    await page.locator('[data-test=arch-import]').click()
    await dialog().waitFor()
  }

  async function check(file) {
    await page.locator('[data-test=import-file]').setInputFiles(file)
    await page.locator('[data-test=import-check]').click()
  }

  async function downloadOf(trigger) {
    const [download] = await Promise.all([page.waitForEvent('download'), trigger()])
    return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) }
  }

  step('sign in; the import dialog offers the templates and the allowed values', async () => {
    await signIn(session)
    await openImport()
    const links = page.locator('[data-test=import-templates]')
    await links.getByText('Templat Excel (XLSX)').waitFor()
    await links.getByText('Daftar pilihan nilai (CSV)').waitFor()

    const xlsx = await downloadOf(() => page.locator('[data-test=import-template-xlsx]').click())
    assert.match(xlsx.name, /\.xlsx$/)
    assert.equal(xlsx.bytes.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX file is a ZIP archive')

    const csv = await downloadOf(() => page.locator('[data-test=import-template-csv-elements]').click())
    const text = csv.bytes.toString('utf8')
    assert.ok(text.startsWith(`${BOM}Kode;Nama;Domain;`), `Indonesian headers, ';', BOM: ${text.slice(0, 60)}`)

    const values = (await downloadOf(() => page.locator('[data-test=import-template-values]').click())).bytes.toString('utf8')
    assert.ok(values.startsWith(`${BOM}Kolom;Tulis;`), values.slice(0, 60))
    assert.match(values, /Kategori Aplikasi;Aplikasi Khusus;/, "the tenant's own application categories")
    assert.match(values, /Perangkat Daerah;DISKOMINFO;/, "the tenant's agencies")
  })

  step('a file with several bad rows: every problem in one table, with what to write instead', async () => {
    const file = join(dir, 'elemen-salah.csv')
    writeFileSync(
      file,
      `${BOM}Kode;Nama;Domain;Perangkat Daerah;Kondisi\r\n` +
        `RAL.BAIK.${RUN};Layanan Baik;Layanan;Diskominfo;Saat ini\r\n` +
        `RAL.SALAH.${RUN};;Sihir;Dinas Tidak Ada;Rusak\r\n` +
        `RAL.BAIK.${RUN};Kembar;Layanan;DISKOMINFO;Target\r\n`,
    )
    await check(file)
    const problems = page.locator('[data-test=import-problems]')
    await problems.locator('.el-table__row').first().waitFor()
    assert.equal(await problems.locator('.el-table__body .el-table__row').count(), 5, 'four problems in row 3, one in row 4')
    await dialog().getByText('5 masalah pada 2 baris (berkas berisi 3 baris data)').waitFor()
    for (const header of ['Baris', 'Kolom', 'Masalah', 'Yang harus ditulis']) await problems.getByText(header, { exact: true }).first().waitFor()
    await problems.getByText('Tulis salah satu: Proses Bisnis, Data dan Informasi, Layanan', { exact: false }).first().waitFor()
    await problems.getByText('Tulis salah satu: Saat ini, Target, Dihentikan').first().waitFor()
    await problems.getByText('sudah dipakai di baris 2', { exact: false }).first().waitFor()
    assert.equal(await page.locator('[data-test=import-run]').count(), 0, 'no import while there are problems')
    await screenshot(page, 'architecture-import-problems')

    // The same table in English.
    await dialog().getByRole('button', { name: 'Batal' }).click()
    await page.locator('[data-test=lang-en]').click()
    await openImport()
    await check(file)
    await problems.locator('.el-table__row').first().waitFor()
    await dialog().getByText('5 problems in 2 rows (the file has 3 data rows)').waitFor()
    await problems.getByText('What to write', { exact: true }).first().waitFor()
    await problems.getByText('Write one of: Business process, Data and information, Service', { exact: false }).first().waitFor()
    await dialog().getByRole('button', { name: 'Cancel' }).click()
    await page.locator('[data-test=lang-id]').click()
  })

  step('the model exported as CSV with ; checks clean and imports with no change', async () => {
    // A row of our own first, so the export is not empty whatever the demo holds.
    const seed = join(dir, 'elemen.csv')
    writeFileSync(seed, `${BOM}Kode;Nama;Domain;Perangkat Daerah;Jenis Layanan\r\nRAL.IMP.${RUN};Layanan Impor ${RUN};layanan;Diskominfo;Layanan publik\r\n`)
    await openImport()
    await check(seed)
    await page.locator('[data-test=import-clean]').waitFor()
    await page.locator('[data-test=import-run]').click()
    await page.locator('[data-test=import-done]').waitFor()
    await dialog().getByRole('button', { name: 'Tutup' }).last().click()

    await page.locator('[data-test=arch-export]').click()
    const exported = await downloadOf(() => page.locator('[data-test=arch-export-csv-elements]').click())
    assert.match(exported.name, /\.csv$/)
    const text = exported.bytes.toString('utf8')
    assert.ok(text.startsWith(`${BOM}Kode;Nama;Domain;`), text.slice(0, 60))
    assert.match(text, new RegExp(`RAL\\.IMP\\.${RUN};Layanan Impor ${RUN};Layanan;`), 'labels, not codes')
    const file = join(dir, exported.name)
    writeFileSync(file, exported.bytes)

    await openImport()
    await check(file)
    await page.locator('[data-test=import-clean]').waitFor()
    await page.locator('[data-test=import-run]').click()
    const done = page.locator('[data-test=import-done]')
    await done.waitFor()
    assert.match(await done.innerText(), /0 elemen baru, 0 elemen diperbarui/, 'the exported file changes nothing')
    await dialog().getByRole('button', { name: 'Tutup' }).last().click()
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page')
  })
})
