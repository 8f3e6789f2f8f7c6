// End-to-end: the service desk's monitoring key and the Layanan SPBE catalogue (Balikpapan demo
// tenant). The administrator creates the monitoring key on the staffing board and sees it once; a
// monitoring system's alert with it opens a gangguan ticket; rotating the key stops the old one.
// Then the administrator adds a service to the catalogue with its owning PD, SLA class and its kind
// and sector; it is grouped under its kind and shows the Aplikasi Umum finding (Pasal 27 ayat (3)).
import assert from 'node:assert/strict'
import { before, describe } from 'node:test'
import { screenshot } from './browser.mjs'
import { consoleSession, pageHelpers, scenarioSteps, signIn } from './scenario.mjs'

const RUN = Date.now().toString(36).slice(-5)

describe('Layanan SPBE: kunci pemantauan dan katalog layanan', { timeout: 300_000 }, () => {
  const session = consoleSession()
  const step = scenarioSteps(session)
  const { go, main, apiCall } = pageHelpers(session)
  let page
  let pageErrors
  let element
  let firstKey
  before(() => ({ page, pageErrors } = session))

  const alert = (key, body) =>
    fetch(`${session.server.url}/api/servicedesk/alerts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Monitoring-Key': key },
      body: JSON.stringify(body),
    }).then(async (r) => ({ status: r.status, body: await r.json().catch(() => null) }))

  step('the administrator creates the monitoring key and sees it once', async () => {
    await signIn(session)
    // An application owned by a PD for the monitoring system to report on.
    const agencies = await apiCall('GET', '/api/agencies?per_page=200')
    assert.equal(agencies.status, 200)
    const owner = agencies.body.items.find((a) => a.code === 'DINKES') ?? agencies.body.items[0]
    const made = await apiCall('POST', '/api/architecture/elements', { domain: 'aplikasi', code: `APL-MON-${RUN}`, name: 'SIMPUS', owner_agency_id: owner.id })
    assert.equal(made.status, 201)
    element = { ...made.body, owner_agency_name: owner.name }
    await go('/layanan/staf')
    const panel = main().locator('[data-test=monitoring-key]')
    await panel.getByText('Belum ada kunci pemantauan').waitFor()
    await panel.locator('[data-test=monitoring-key-rotate]').click()
    firstKey = (await panel.locator('[data-test=monitoring-key-value]').innerText()).trim()
    assert.ok(firstKey.length >= 32)
    await panel.getByText(`Kunci aktif ${firstKey.slice(0, 8)}`).waitFor()
    await screenshot(page, 'servicedesk-monitoring-key')
    await panel.locator('[data-test=monitoring-key-stored]').click()
    assert.equal(await panel.locator('[data-test=monitoring-key-value]').count(), 0)
  })

  step('an alert with the key opens a gangguan ticket for the element owner; a rotated key is refused', async () => {
    const opened = await alert(firstKey, { element_code: element.code, severity: 'critical', summary: `Tidak merespons ${RUN}` })
    assert.equal(opened.status, 201)
    await go(`/layanan/tiket/${opened.body.ticket_id}`)
    await main().getByText(`Gangguan terpantau: ${element.code}`, { exact: false }).first().waitFor()
    await go('/layanan/staf')
    const panel = main().locator('[data-test=monitoring-key]')
    await panel.locator('[data-test=monitoring-key-rotate]').click()
    await page.locator('.el-message-box__btns .el-button--primary').click()
    const secondKey = (await panel.locator('[data-test=monitoring-key-value]').innerText()).trim()
    assert.notEqual(secondKey, firstKey)
    const stale = await alert(firstKey, { element_code: element.code, severity: 'critical', summary: 'lagi' })
    assert.equal(stale.status, 401)
    assert.equal(stale.body.error.code, 'servicedesk.monitoring_key_invalid')
    const repeated = await alert(secondKey, { element_code: element.code, severity: 'warning', summary: 'lagi' })
    assert.equal(repeated.status, 200)
    assert.equal(repeated.body.outcome, 'added')
  })

  step('the administrator adds a service to the Layanan SPBE catalogue', async () => {
    await go('/layanan/katalog')
    await main().getByRole('heading', { name: 'Katalog Layanan SPBE' }).waitFor()
    await main().locator('[data-test=service-add]').click()
    const dialog = page.locator('[data-test=service-dialog]')
    await dialog.locator('[data-test=service-code]').fill(`LYN-${RUN}`)
    await dialog.locator('[data-test=service-name]').fill(`Surel dinas ${RUN}`)
    await dialog.locator('[data-test=service-agency]').click()
    await page.getByRole('option', { name: element.owner_agency_name, exact: true }).click()
    await dialog.locator('[data-test=service-sla]').click()
    await page.getByRole('option', { name: 'Tinggi', exact: true }).click()
    // Classified as a public service in one of the sectors Pasal 27 ayat (1) lists.
    await dialog.locator('[data-test=service-kind]').click()
    await page.getByRole('option', { name: 'Layanan publik berbasis elektronik', exact: true }).click()
    await dialog.locator('[data-test=service-area]').click()
    await page.getByRole('option', { name: 'layanan pengaduan masyarakat', exact: true }).click()
    await dialog.locator('[data-test=service-save]').click()
    // Grouped under its kind; on no Aplikasi Umum and without a reason, the finding shows Pasal 27 ayat (3).
    const group = main().locator('[data-test=service-group-publik]')
    await group.getByRole('heading', { name: /Layanan publik berbasis elektronik/ }).waitFor()
    const row = group.locator('.el-table__row', { hasText: `Surel dinas ${RUN}` })
    await row.getByText('layanan pengaduan masyarakat').waitFor()
    await row.getByText(element.owner_agency_name).waitFor()
    await row.locator('[data-test=service-umum-finding]', { hasText: 'Pasal 27 ayat (3)' }).waitFor()
    await screenshot(page, 'servicedesk-catalogue')
    assert.deepEqual(pageErrors, [])
  })
})
