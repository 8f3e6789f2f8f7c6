// End-to-end scenario of Infrastruktur SPBE against the real server binary (demo tenant, Balikpapan):
// the Pusat Data page shows the demo data centre and a pending VPS request with the duty Pasal 14
// ayat (6) gives the Dinas; a Diskominfo user decides it; the backup board shows the demo duty as
// met; on the Jaringan Intra page a PD's LAN takes its diagram and a new version, offers the latest
// for download, and refuses a file that is no diagram; on the Bandwidth page the Dinas sets a PD's
// bandwidth request with a priority score and the allocation. The forms register a rack, a server
// (then edited), servers from a CSV file (dry run first), a backup duty, a LAN and a WAN link; the
// Bandwidth page draws a PD's usage from the API's answer.
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { before, describe } from 'node:test'
import { screenshot } from './browser.mjs'
import { consoleSession, pageHelpers, scenarioSteps, signIn } from './scenario.mjs'

const RUN = Date.now().toString(36).toUpperCase().slice(-5)
const DINAS = { username: `infra_${RUN.toLowerCase()}`, display_name: `Kepala Seksi Infrastruktur ${RUN}`, password: `Rahasia-Uji-${RUN}-2026` }

describe('Infrastruktur SPBE', { timeout: 300_000 }, () => {
  const session = consoleSession({ tempDir: 'simpul-infra-e2e-' })
  const step = scenarioSteps(session)
  const { go, main, apiCall, choose } = pageHelpers(session)
  /** Waits until `check` holds (the console answers asynchronously). */
  async function until(check, what) {
    for (let i = 0; i < 100; i++) {
      if (await check()) return
      await new Promise((r) => setTimeout(r, 200))
    }
    assert.fail(`timed out waiting for ${what}`)
  }
  const dialogOf = (inner) => page.locator(inner).locator('xpath=ancestor-or-self::div[contains(@class, "el-dialog")]').first()
  async function agencyNamed(code) {
    const agencies = await apiCall('GET', '/api/agencies?per_page=200')
    return agencies.body.items.find((a) => a.code === code)
  }
  let page
  let pageErrors
  let dir
  before(() => ({ page, pageErrors, dir } = session))

  step('the Pusat Data page lists the demo data centre and the pending VPS request with the Dinas duty and its article', async () => {
    await signIn(session)
    const nav = page.getByRole('navigation')
    await nav.getByRole('link', { name: 'Pusat Data' }).click()
    await page.waitForURL(/\/infrastruktur\/pusat-data$/)
    await main().getByRole('heading', { name: 'Pusat Data', exact: true }).waitFor()
    await page.locator('[data-test=infra-sites]').getByText('Pusat Data Pemerintah Daerah').first().waitFor()
    const request = page.locator('[data-test=infra-requests] .el-table__row', { hasText: 'Server aplikasi rujukan puskesmas' })
    await request.getByText('Diajukan').waitFor()
    await request.getByText('Pasal 14 ayat (6)').waitFor()
    await page.locator('[data-test=infra-placement]').getByText('Pasal 14 ayat (3)').waitFor()
    await screenshot(page, 'infrastructure-pusat-data')
  })

  step('a Diskominfo user approves the request with reasons', async () => {
    const agencies = await apiCall('GET', '/api/agencies?per_page=200')
    const kominfo = agencies.body.items.find((a) => a.flags.includes('kominfo'))
    const created = await apiCall('POST', '/api/users', {
      must_change_password: false,
      username: DINAS.username,
      display_name: DINAS.display_name,
      email: `${DINAS.username}@balikpapan.go.id`,
      agency_id: kominfo.id,
      roles: ['technical_reviewer'],
      password: DINAS.password,
    })
    assert.equal(created.status, 201, JSON.stringify(created.body))
    await signIn(session, { username: DINAS.username, password: DINAS.password })
    await go('/infrastruktur/pusat-data')
    const request = page.locator('[data-test=infra-requests] .el-table__row', { hasText: 'Server aplikasi rujukan puskesmas' })
    await request.locator('[data-test=infra-decide]').click()
    const dialog = page.locator('[data-test=infra-decision-dialog]').locator('xpath=ancestor-or-self::div[contains(@class, "el-dialog")]').first()
    await dialog.getByLabel('Alasan keputusan').fill(`Kapasitas Pusat Data tersedia (${RUN}).`)
    await dialog.locator('[data-test=infra-approve]').click()
    await request.getByText('Disetujui').waitFor()
    const answer = await apiCall('GET', '/api/infrastructure/requests?state=disetujui')
    assert.equal(answer.body.total, 1)
    assert.equal(answer.body.items[0].decided_by_name, DINAS.display_name)
  })

  step('the backup board shows the demo duty as met, with the article of the backup duty', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Pencadangan Data' }).click()
    await main().getByRole('heading', { name: 'Pencadangan Data' }).waitFor()
    const row = page.locator('[data-test=infra-backup-board] .el-table__row', { hasText: 'Basis data rekam medis' })
    await row.locator('[data-test=infra-backup-state]').getByText('Terpenuhi').waitFor()
    await main().getByText('Pasal 15 ayat (1)').first().waitFor()
  })

  step('the Jaringan Intra page takes a LAN diagram and a new version, downloads the latest and refuses a file that is no diagram', async () => {
    await signIn(session)
    const agencies = await apiCall('GET', '/api/agencies?per_page=200')
    const dishub = agencies.body.items.find((a) => a.code === 'DISHUB')
    const lan = await apiCall('POST', '/api/infrastructure/lans', { agency_id: dishub.id, name: `LAN Dinas Perhubungan ${RUN}` })
    assert.equal(lan.status, 201, JSON.stringify(lan.body))
    await go('/infrastruktur/jaringan')
    await main().getByRole('heading', { name: 'Jaringan Intra' }).waitFor()
    await page.locator('[data-test=infra-cadence]').getByText('tidak menetapkan jangka waktu').waitFor()
    const row = page.locator('[data-test=infra-lans] .el-table__row', { hasText: `LAN Dinas Perhubungan ${RUN}` })
    await row.getByText('Belum ada diagram').waitFor()

    const svg = join(dir, 'lan-dishub.svg')
    writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>')
    await row.locator('[data-test=infra-diagram-input]').setInputFiles(svg)
    await row.getByText('lan-dishub.svg').waitFor()
    const pdf = join(dir, 'lan-dishub-2026.pdf')
    writeFileSync(pdf, '%PDF-1.4\n% diagram LAN Dinas Perhubungan 2026\n')
    await row.locator('[data-test=infra-diagram-input]').setInputFiles(pdf)
    await row.getByText('lan-dishub-2026.pdf').waitFor()
    await row.getByText(/^v2/).waitFor()
    const download = page.waitForEvent('download')
    await row.locator('[data-test=infra-diagram-download]').click()
    assert.equal((await download).suggestedFilename(), 'lan-dishub-2026.pdf')

    const fake = join(dir, 'bukan-diagram.pdf')
    writeFileSync(fake, 'ini hanya teks')
    await row.locator('[data-test=infra-diagram-input]').setInputFiles(fake)
    await main().getByText('PDF, PNG, SVG, atau draw.io').waitFor()
    await screenshot(page, 'infrastructure-jaringan')
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page')
  })

  step('the Dinas sets a PD bandwidth request with a priority score and the allocation on the Bandwidth page', async () => {
    const agencies = await apiCall('GET', '/api/agencies?per_page=200')
    const dishub = agencies.body.items.find((a) => a.code === 'DISHUB')
    const asked = await apiCall('POST', '/api/infrastructure/bandwidth/requests', {
      agency_id: dishub.id,
      need_mbps: 50,
      justification: `Layanan perizinan daring ${RUN}`,
    })
    assert.equal(asked.status, 201, JSON.stringify(asked.body))
    await signIn(session, { username: DINAS.username, password: DINAS.password })
    await page.getByRole('navigation').getByRole('link', { name: 'Bandwidth dan WAN' }).click()
    await main().getByRole('heading', { name: 'Bandwidth dan WAN' }).waitFor()
    const row = page.locator('[data-test=infra-bw-requests] .el-table__row', { hasText: `Layanan perizinan daring ${RUN}` })
    await row.getByText('Diajukan').waitFor()
    await row.locator('[data-test=infra-bw-decide]').click()
    const dialog = page.locator('[data-test=infra-bw-decision-dialog]').locator('xpath=ancestor-or-self::div[contains(@class, "el-dialog")]').first()
    await dialog.getByLabel('Alasan keputusan').fill(`Prioritas layanan publik (${RUN}).`)
    await dialog.locator('[data-test=infra-bw-approve]').click()
    await row.getByText('Disetujui').waitFor()
    const answer = await apiCall('GET', `/api/infrastructure/bandwidth/requests/${asked.body.id}`)
    assert.equal(answer.body.priority, 3)
    assert.equal(answer.body.allocated_mbps, 50)
    await main().getByRole('heading', { name: 'Tautan WAN antar Perangkat Daerah' }).waitFor()
    await screenshot(page, 'infrastructure-bandwidth')
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page')
  })

  step('the administrator registers a site with the form on the Pusat Data page', async () => {
    await signIn(session)
    await go('/infrastruktur/pusat-data')
    const form = page.locator('[data-test=infra-site-form]')
    await form.getByLabel('Kode').fill(`DRC-${RUN}`)
    await form.getByLabel('Nama').fill(`Pusat Pemulihan Data ${RUN}`)
    await form.locator('[data-test=infra-site-save]').click()
    await page.locator('[data-test=infra-sites] .el-table__row', { hasText: `Pusat Pemulihan Data ${RUN}` }).getByText('Pusat Data Pemerintah Daerah').waitFor()
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page')
  })

  step('the administrator adds a rack and a server with the forms, then edits the server', async () => {
    const dishub = await agencyNamed('DISHUB')
    await go('/infrastruktur/pusat-data')
    const rackForm = page.locator('[data-test=infra-rack-form]')
    await choose('Lokasi', 'PD-01 — Pusat Data Pemerintah Daerah', rackForm)
    await rackForm.getByLabel('Kode rak').fill(`R-${RUN}`)
    await rackForm.locator('[data-test=infra-rack-save]').click()
    const sites = await apiCall('GET', '/api/infrastructure/sites')
    const pd01 = sites.body.items.find((x) => x.code === 'PD-01')
    await until(async () => (await apiCall('GET', `/api/infrastructure/sites/${pd01.id}`)).body.racks.some((r) => r.code === `R-${RUN}`), 'the new rack')

    await page.locator('[data-test=infra-server-add]').click()
    const dialog = dialogOf('[data-test=infra-server-form]')
    await dialog.getByLabel('Kode', { exact: true }).fill(`SRV-${RUN}`)
    await dialog.getByLabel('Nama', { exact: true }).fill(`Server Perizinan ${RUN}`)
    await choose('Perangkat Daerah', dishub.name, dialog)
    await choose('Lokasi', 'PD-01 — Pusat Data Pemerintah Daerah', dialog)
    await choose('Rak', `R-${RUN}`, dialog)
    await dialog.getByLabel('Nama host').fill(`perizinan-${RUN.toLowerCase()}.balikpapan.go.id`)
    await dialog.locator('[data-test=infra-server-save]').click()
    const row = page.locator('[data-test=infra-servers] .el-table__row', { hasText: `SRV-${RUN}` })
    await row.getByText('PD-01').or(row.getByText('Pusat Data Pemerintah Daerah')).first().waitFor()
    const listed = await apiCall('GET', `/api/infrastructure/servers?agency=${dishub.id}`)
    const server = listed.body.items.find((x) => x.code === `SRV-${RUN}`)
    assert.equal(server.site.code, 'PD-01')
    assert.equal(server.hosting, 'kolokasi')
    await screenshot(page, 'infrastructure-server-form')

    await row.locator('[data-test=infra-server-edit]').click()
    const edit = dialogOf('[data-test=infra-server-form]')
    const code = edit.getByLabel('Kode', { exact: true })
    await until(async () => (await code.inputValue()) === `SRV-${RUN}`, 'the server loaded into the dialog')
    await edit.getByLabel('Nama', { exact: true }).fill(`Server Perizinan Terpadu ${RUN}`)
    await edit.locator('[data-test=infra-server-save]').click()
    await page.locator('[data-test=infra-servers] .el-table__row', { hasText: `Server Perizinan Terpadu ${RUN}` }).waitFor()
    const detail = await apiCall('GET', `/api/infrastructure/servers/${server.id}`)
    assert.equal(detail.body.rack_id !== null, true, 'the rack stays')
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page')
  })

  step('servers are imported from a CSV file: the dry run names each problem, the clean file is imported', async () => {
    await go('/infrastruktur/pusat-data')
    await page.locator('[data-test=infra-server-import]').click()
    assert.equal(await page.locator('[data-test=infra-import-template]').getAttribute('href'), '/api/infrastructure/servers/import/template.csv')
    const header = 'kode;nama;kode_pd;penempatan;kode_lokasi\n'
    const bad = join(dir, 'server-salah.csv')
    writeFileSync(bad, header + `SRV-IMP-${RUN};Server Impor ${RUN};DISHUB;kolokasi;PD-01\nSRV-IMQ-${RUN};Server Salah ${RUN};TIDAKADA;kolokasi;PD-01\n`)
    await page.locator('[data-test=infra-import-file]').setInputFiles(bad)
    await page.locator('[data-test=infra-import-check]').click()
    const problem = page.locator('[data-test=infra-import-problems] .el-table__row', { hasText: 'kode_pd' })
    await problem.getByText('TIDAKADA').first().waitFor()
    assert.equal(await page.locator('[data-test=infra-import-run]').count(), 0, 'no import while there are problems')
    const good = join(dir, 'server.csv')
    writeFileSync(good, header + `SRV-IMP-${RUN};Server Impor ${RUN};DISHUB;kolokasi;PD-01\nSRV-IMQ-${RUN};Server Kedua ${RUN};DISHUB;vps;PD-01\n`)
    await page.locator('[data-test=infra-import-file]').setInputFiles(good)
    await page.locator('[data-test=infra-import-check]').click()
    await page.locator('[data-test=infra-import-clean]').waitFor()
    await page.locator('[data-test=infra-import-run]').click()
    await page.locator('[data-test=infra-import-done]').getByText('2 server didaftarkan.').waitFor()
    await dialogOf('[data-test=infra-import-done]').getByRole('button', { name: 'Tutup' }).click()
    await page.locator('[data-test=infra-servers] .el-table__row', { hasText: `Server Kedua ${RUN}` }).waitFor()
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page')
  })

  step('a backup duty, a LAN and a WAN link are registered with their forms', async () => {
    await go('/infrastruktur/pencadangan')
    const duty = page.locator('[data-test=infra-duty-form]')
    await duty.getByLabel('Data', { exact: true }).fill(`Arsip perizinan ${RUN}`)
    await duty.locator('[data-test=infra-duty-save]').click()
    await page.locator('[data-test=infra-backup-board] .el-table__row', { hasText: `Arsip perizinan ${RUN}` }).waitFor()

    await go('/infrastruktur/jaringan')
    const lan = page.locator('[data-test=infra-lan-form]')
    await lan.getByLabel('Nama', { exact: true }).fill(`LAN Gedung B ${RUN}`)
    await lan.locator('[data-test=infra-lan-save]').click()
    await page.locator('[data-test=infra-lans] .el-table__row', { hasText: `LAN Gedung B ${RUN}` }).getByText('Belum ada diagram').waitFor()

    await go('/infrastruktur/bandwidth')
    const wan = page.locator('[data-test=infra-wan-form]')
    await wan.getByLabel('Kode', { exact: true }).fill(`WAN-${RUN}`)
    await wan.getByLabel('Nama', { exact: true }).fill(`Serat optik ${RUN}`)
    await wan.locator('[data-test=infra-wan-save]').click()
    await page.locator('[data-test=infra-wan-links] .el-table__row', { hasText: `Serat optik ${RUN}` }).getByText('Fiber optik Pemerintah Daerah').waitFor()
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page')
  })

  step('the Bandwidth page draws a PD usage chart from the readings the monitoring posted', async () => {
    const dishub = await agencyNamed('DISHUB')
    const now = Date.now()
    const samples = [10, 5, 0].map((minutes, k) => ({
      agency_id: dishub.id,
      interface: `ge-${RUN.toLowerCase()}`,
      at: new Date(now - minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      in_octets: 37_500_000 * k,
      out_octets: 75_000_000 * k,
    }))
    const posted = await apiCall('POST', '/api/infrastructure/bandwidth/samples', { samples })
    assert.equal(posted.status, 200, JSON.stringify(posted.body))
    await go('/infrastruktur/bandwidth')
    const usage = page.locator('[data-test=infra-usage]')
    await choose('Perangkat Daerah', dishub.name, usage)
    await usage.locator('[data-test=infra-usage-chart]').waitFor()
    await usage.getByText(/titik 5 menit/).waitFor()
    await screenshot(page, 'infrastructure-usage')
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page')
  })
})
