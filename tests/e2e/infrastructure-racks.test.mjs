// End-to-end scenario of the rack elevation and an edit form (demo tenant, Balikpapan): a server
// recorded in the demo rack R-01 is listed as not yet placed; the administrator opens the rack from
// the Pusat Data page, places the server on its units and sees it drawn there; a network device
// placed over it is refused with the occupant named, then placed higher; the rack's height cannot
// shrink below it; the backup duty of the demo is edited with the board's edit form, and the
// Balikpapan article refusing the Dinas as performer without the owner's approval shows in the form.
import assert from 'node:assert/strict'
import { before, describe } from 'node:test'
import { screenshot } from './browser.mjs'
import { consoleSession, pageHelpers, scenarioSteps, signIn } from './scenario.mjs'

const RUN = Date.now().toString(36).toUpperCase().slice(-5)

describe('Infrastruktur SPBE: rak dan formulir ubah', { timeout: 300_000 }, () => {
  const session = consoleSession({ tempDir: 'simpul-infra-racks-e2e-' })
  const step = scenarioSteps(session)
  const { go, main, apiCall } = pageHelpers(session)
  let page
  let pageErrors
  let rack
  before(() => ({ page, pageErrors } = session))
  const dialogOf = (inner) => page.locator(inner).locator('xpath=ancestor-or-self::div[contains(@class, "el-dialog")]').first()

  step('the Pusat Data page leads to the demo rack, which lists a recorded server as not yet placed', async () => {
    await signIn(session)
    const agencies = await apiCall('GET', '/api/agencies?per_page=200')
    const dishub = agencies.body.items.find((a) => a.code === 'DISHUB')
    const sites = await apiCall('GET', '/api/infrastructure/sites')
    const pd01 = sites.body.items.find((s) => s.code === 'PD-01')
    rack = (await apiCall('GET', `/api/infrastructure/sites/${pd01.id}`)).body.racks.find((r) => r.code === 'R-01')
    const server = await apiCall('POST', '/api/infrastructure/servers', {
      code: `SRV-RAK-${RUN}`, name: 'Server SIM Perhubungan', owner_agency_id: dishub.id, hosting: 'kolokasi', site_id: pd01.id, rack_id: rack.id,
    })
    assert.equal(server.status, 201, JSON.stringify(server.body))
    const device = await apiCall('POST', '/api/infrastructure/devices', { agency_id: dishub.id, name: `Switch Inti ${RUN}`, kind: 'switch', installed_on: '2025-01-10' })
    assert.equal(device.status, 201, JSON.stringify(device.body))

    await go('/infrastruktur/pusat-data')
    await page.locator('[data-test=infra-sites]').getByText('Pusat Data Pemerintah Daerah').first().waitFor()
    // The demo tenant has one site, PD-01: its row opens to its racks.
    await page.locator('[data-test=infra-sites] button.el-table__expand-icon').first().click()
    await page.locator('[data-test=infra-site-racks]').getByRole('link', { name: /R-01/ }).click()
    await page.waitForURL(/\/infrastruktur\/pusat-data\/rak\//)
    await main().getByRole('heading', { name: 'Rak R-01' }).waitFor()
    await page.locator('[data-test=infra-rack-unplaced]').getByText(`SRV-RAK-${RUN}`).waitFor()
    await page.locator('[data-test=infra-rack-elevation]').getByText('U42').waitFor()
  })

  step('the server is placed on U10–U11 and drawn there; a device over it is refused naming the server', async () => {
    const row = page.locator('[data-test=infra-rack-unplaced] .el-table__row', { hasText: `SRV-RAK-${RUN}` })
    await row.locator('[data-test=infra-rack-place]').click()
    const dialog = dialogOf('[data-test=infra-place-dialog]')
    await dialog.getByLabel('Unit terbawah (U)').fill('10')
    await dialog.getByLabel('Tinggi (U)').fill('2')
    await dialog.locator('[data-test=infra-place-save]').click()
    const occupant = page.locator('[data-test=infra-rack-occupant]', { hasText: `SRV-RAK-${RUN}` })
    await occupant.waitFor()
    assert.match(await occupant.getAttribute('title'), /U10–U11/)
    await page.locator('[data-test=infra-rack-unplaced]').getByText('Semua server rak ini sudah ditempatkan.').waitFor()

    await page.locator('[data-test=infra-rack-place-device]').click()
    await dialog.locator('#infra-place-device').locator('xpath=ancestor::div[contains(@class, "el-select__wrapper")]').click()
    await page.getByRole('option', { name: new RegExp(`Switch Inti ${RUN}`) }).click()
    await dialog.getByLabel('Unit terbawah (U)').fill('11')
    await dialog.locator('[data-test=infra-place-save]').click()
    await dialog.getByText('sudah dipakai perangkat lain').waitFor()
    await dialog.locator('[data-test=infra-place-occupant]').getByText(`SRV-RAK-${RUN}`).waitFor()
    await dialog.getByLabel('Unit terbawah (U)').fill('20')
    await dialog.locator('[data-test=infra-place-save]').click()
    await page.locator('[data-test=infra-rack-occupant]', { hasText: `Switch Inti ${RUN}` }).waitFor()
    await page.locator('[data-test=infra-rack-summary]').getByText('3 U terpakai').waitFor()
    await screenshot(page, 'infrastructure-rack-elevation')
    const view = await apiCall('GET', `/api/infrastructure/racks/${rack.id}`)
    assert.deepEqual(view.body.placements.map((p) => [p.unit, p.height]), [[10, 2], [20, 1]])
  })

  step('the rack edit form refuses a height below the switch and saves a new code', async () => {
    const form = page.locator('[data-test=infra-rack-edit-form]')
    await form.locator('#infra-rack-edit-units').fill('15')
    await form.locator('[data-test=infra-rack-edit-save]').click()
    await main().getByText('di luar tinggi rak').waitFor()
    await form.locator('#infra-rack-edit-units').fill('42')
    await form.locator('#infra-rack-edit-code').fill(`R-01-${RUN}`)
    await form.locator('[data-test=infra-rack-edit-save]').click()
    await main().getByRole('heading', { name: `Rak R-01-${RUN}` }).waitFor()
  })

  step('the backup board edits the demo duty; the Dinas as performer needs the owner approval (Pasal 15 ayat (2))', async () => {
    await go('/infrastruktur/pencadangan')
    const row = page.locator('[data-test=infra-backup-board] .el-table__row', { hasText: 'Basis data rekam medis' })
    await row.locator('[data-test=infra-duty-edit]').click()
    const dialog = dialogOf('[data-test=infra-duty-edit-dialog]')
    await dialog.locator('#infra-duty-edit-schedule').fill('7')
    await dialog.locator('#infra-duty-edit-by').locator('xpath=ancestor::div[contains(@class, "el-select__wrapper")]').click()
    await page.getByRole('option', { name: 'Dinas', exact: false }).last().click()
    await dialog.locator('[data-test=infra-duty-edit-save]').click()
    await dialog.getByText('Pasal 15 ayat (2)').first().waitFor()
    await screenshot(page, 'infrastructure-duty-edit')
    await dialog.locator('#infra-duty-edit-approval').fill(`Surat Kadinkes ${RUN}`)
    await dialog.locator('[data-test=infra-duty-edit-save]').click()
    await row.getByText('setiap 7 hari').waitFor()
    const board = await apiCall('GET', '/api/infrastructure/backup-duties')
    const duty = board.body.items.find((d) => d.name.startsWith('Basis data rekam medis'))
    assert.equal(duty.performed_by, 'dinas')
    assert.equal(duty.owner_approval, `Surat Kadinkes ${RUN}`)
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page')
  })
})
