// End-to-end scenario of the network devices (demo tenant, Balikpapan): the device import places a
// device in the demo rack R-01 — a row over a unit already held is refused with the occupant named,
// the clean file is imported and the device stands on its units in the rack's front view — and a
// device's own fields (name, coordination reference) are changed with the Jaringan Intra page's edit
// dialog, which keeps the record before and after in the ledger; the device list exports as CSV.
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { before, describe } from 'node:test'
import { screenshot } from './browser.mjs'
import { consoleSession, pageHelpers, scenarioSteps, signIn } from './scenario.mjs'

const RUN = Date.now().toString(36).toUpperCase().slice(-5)

describe('Infrastruktur SPBE: perangkat jaringan', { timeout: 300_000 }, () => {
  const session = consoleSession({ tempDir: 'simpul-infra-devices-e2e-' })
  const step = scenarioSteps(session)
  const { go, apiCall } = pageHelpers(session)
  const dir = mkdtempSync(join(tmpdir(), 'simpul-infra-devices-files-'))
  let page
  let pageErrors
  let rack
  before(() => ({ page, pageErrors } = session))
  const dialogOf = (inner) => page.locator(inner).locator('xpath=ancestor-or-self::div[contains(@class, "el-dialog")]').first()

  step('the device import places a device in rack R-01 and refuses a row over a unit already held', async () => {
    await signIn(session)
    const sites = await apiCall('GET', '/api/infrastructure/sites')
    const pd01 = sites.body.items.find((s) => s.code === 'PD-01')
    rack = (await apiCall('GET', `/api/infrastructure/sites/${pd01.id}`)).body.racks.find((r) => r.code === 'R-01')
    const held = await apiCall('POST', '/api/infrastructure/devices', { agency_id: pd01.agency.id, name: `Firewall ${RUN}`, kind: 'firewall', installed_on: '2025-01-10' })
    assert.equal(held.status, 201, JSON.stringify(held.body))
    const placed = await apiCall('PUT', `/api/infrastructure/devices/${held.body.id}/placement`, { rack_id: rack.id, unit: 30, height: 1 })
    assert.equal(placed.status, 200, JSON.stringify(placed.body))

    await go('/infrastruktur/jaringan')
    await page.locator('[data-test=infra-device-import]').click()
    const header = 'kode_pd;nama;jenis;tanggal_pasang;koordinasi;kode_lokasi;kode_rak;unit;tinggi\n'
    const bad = join(dir, 'perangkat-salah.csv')
    writeFileSync(bad, header + `DISHUB;Switch Rak ${RUN};switch;2025-03-01;;PD-01;R-01;29;2\n`)
    await page.locator('[data-test=infra-device-import-file]').setInputFiles(bad)
    await page.locator('[data-test=infra-device-import-check]').click()
    const problem = page.locator('[data-test=infra-device-import-problems] .el-table__row', { hasText: 'unit' })
    await problem.getByText(`Firewall ${RUN}`).first().waitFor()
    assert.equal(await page.locator('[data-test=infra-device-import-run]').count(), 0, 'no import while there are problems')
    await screenshot(page, 'infrastructure-device-import-rack')
    const good = join(dir, 'perangkat.csv')
    writeFileSync(good, header + `DISHUB;Switch Rak ${RUN};switch;2025-03-01;;PD-01;R-01;27;2\n`)
    await page.locator('[data-test=infra-device-import-file]').setInputFiles(good)
    await page.locator('[data-test=infra-device-import-check]').click()
    await page.locator('[data-test=infra-device-import-clean]').waitFor()
    await page.locator('[data-test=infra-device-import-run]').click()
    await page.locator('[data-test=infra-device-import-done]').getByText('1 perangkat didaftarkan.').waitFor()
    await dialogOf('[data-test=infra-device-import-done]').getByRole('button', { name: 'Tutup' }).click()
    await page.locator('[data-test=infra-devices] .el-table__row', { hasText: `Switch Rak ${RUN}` }).waitFor()
    const view = await apiCall('GET', `/api/infrastructure/racks/${rack.id}`)
    const mine = view.body.placements.find((p) => p.name === `Switch Rak ${RUN}`)
    assert.deepEqual([mine.unit, mine.height], [27, 2])
  })

  step('the device edit dialog changes its name and coordination reference', async () => {
    const row = page.locator('[data-test=infra-devices] .el-table__row', { hasText: `Switch Rak ${RUN}` })
    await row.locator('[data-test=infra-device-edit]').click()
    const dialog = dialogOf('[data-test=infra-device-edit-dialog]')
    await dialog.locator('#infra-device-edit-name').fill(`Switch Inti ${RUN}`)
    await dialog.locator('#infra-device-edit-coordination').fill(`Surat 005/${RUN}`)
    await screenshot(page, 'infrastructure-device-edit')
    await dialog.locator('[data-test=infra-device-edit-save]').click()
    const edited = page.locator('[data-test=infra-devices] .el-table__row', { hasText: `Switch Inti ${RUN}` })
    await edited.getByText(`Surat 005/${RUN}`).waitFor()
    const ledger = await apiCall('GET', '/api/ledger?per_page=1')
    assert.equal(ledger.body.items[0].action, 'infrastructure.device.update')
    // The devices shown export as CSV with the new name and reference.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=infra-devices-export] [data-test=export-csv]').click()])
    assert.match(csv.suggestedFilename(), /^perangkat-jaringan-.*\.csv$/)
    const text = readFileSync(await csv.path(), 'utf8')
    assert.match(text, new RegExp(`Switch Inti ${RUN}.*Surat 005/${RUN}`))
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page')
  })
})
