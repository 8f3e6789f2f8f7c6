// End-to-end scenario of Infrastruktur SPBE against the real server binary (demo tenant, Balikpapan):
// the Pusat Data page shows the demo data centre and a pending VPS request with the duty Pasal 14
// ayat (6) gives the Dinas; a Diskominfo user decides it; the backup board shows the demo duty as
// met; on the Jaringan Intra page a PD's LAN takes its diagram and a new version, offers the latest
// for download, and refuses a file that is no diagram; on the Bandwidth page the Dinas sets a PD's
// bandwidth request with a priority score and the allocation.
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
  const { go, main, apiCall } = pageHelpers(session)
  let page
  let pageErrors
  let dir
  before(() => ({ page, pageErrors, dir } = session))

  step('the Pusat Data page lists the demo data centre and the pending VPS request with the Dinas duty and its article', async () => {
    await signIn(session)
    const nav = page.getByRole('navigation')
    await nav.getByRole('link', { name: 'Pusat Data' }).click()
    await page.waitForURL(/\/infrastruktur\/pusat-data$/)
    await main().getByRole('heading', { name: 'Pusat Data' }).waitFor()
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
})
