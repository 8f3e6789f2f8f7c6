// The service desk console shows only what its reader may do, in the reader's language (issue 17,
// items 4, 6 and 9), against the real server binary (Balikpapan demo tenant): a Dinkes staff member
// who is not desk staff reads the knowledge base without its write buttons (the server would refuse
// them); the Dinas officer (Level 2 in the demo) has them. A ticket about a Layanan SPBE catalogue
// service shows the service and its owning PD; states, tiers, types, priorities and an article's
// readers are labelled in Indonesian, and in English once the reader switches.
import assert from 'node:assert/strict'
import { before, describe } from 'node:test'
import { screenshot } from './browser.mjs'
import { consoleSession, pageHelpers, scenarioSteps, signIn } from './scenario.mjs'

const RUN = Date.now().toString(36).slice(-5)
const STAFF = { username: `staf.label.${RUN}`, password: 'sandi-staf-label-1' }
const ARTICLE = `Menyambung ke Wi-Fi kantor ${RUN}`
const SERVICE = { code: `LYN-SUREL-${RUN}`.toUpperCase(), name: `Surel dinas ${RUN}`, name_en: `Official e-mail ${RUN}` }
const TICKET = `Kotak surel penuh ${RUN}`

describe('Layanan SPBE: tombol menulis hanya untuk petugas, label dua bahasa, layanan pada tiket', { timeout: 300_000 }, () => {
  const session = consoleSession()
  const step = scenarioSteps(session)
  const { go, main, apiCall } = pageHelpers(session)
  let page
  let pageErrors
  let articleId = ''
  let ticketId = ''
  let dinasName = ''
  before(() => ({ page, pageErrors } = session))

  /** Opens a desk page and waits until the console knows what the reader may do (the desk's options). */
  async function open(path) {
    const options = page.waitForResponse((r) => r.url().endsWith('/api/servicedesk/options') && r.ok())
    await go(path)
    return (await options).json()
  }

  step('the administrator adds a Dinkes staff member, a catalogue service of the Dinas and a public article', async () => {
    await signIn(session)
    const agencies = await apiCall('GET', '/api/agencies?per_page=200')
    const dinkes = agencies.body.items.find((a) => a.code === 'DINKES')
    const dinas = agencies.body.items.find((a) => a.code === 'DISKOMINFO')
    assert.ok(dinkes && dinas, 'the demo has the Dinkes and the Dinas')
    dinasName = dinas.name
    const created = await apiCall('POST', '/api/users', {
      username: STAFF.username, display_name: `Staf Label ${RUN}`, password: STAFF.password, roles: ['viewer'], agency_id: dinkes.id, must_change_password: false,
    })
    assert.equal(created.status, 201, JSON.stringify(created.body))
    const service = await apiCall('POST', '/api/servicedesk/services', { ...SERVICE, agency_id: dinas.id, sla_class: 'sedang' })
    assert.equal(service.status, 201, JSON.stringify(service.body))
    SERVICE.id = service.body.id
    const article = await apiCall('POST', '/api/servicedesk/articles', { title: ARTICLE, body: 'Pilih jaringan **KANTOR** lalu masuk dengan akun SSO.', visibility: 'public' })
    assert.equal(article.status, 201, JSON.stringify(article.body))
    articleId = article.body.id
  })

  step('a staff member who is not desk staff reads the knowledge base without its write buttons', async () => {
    await signIn(session, { username: STAFF.username, password: STAFF.password })
    const options = await open('/layanan/pengetahuan')
    assert.equal(options.can_write_articles, false)
    await main().locator('[data-test=kb-table]').getByText(ARTICLE).waitFor()
    assert.equal(await main().locator('[data-test=kb-new]').count(), 0, 'no "Tulis artikel" for who may not write')
    await main().locator('[data-test=kb-table]').getByText('Semua pegawai').first().waitFor()
    await open(`/layanan/pengetahuan/${articleId}`)
    await main().locator('[data-test=kb-body] strong', { hasText: 'KANTOR' }).waitFor()
    assert.equal(await main().locator('[data-test=kb-edit]').count(), 0, 'no "Ubah" for who may not write')
    // The server agrees: the buttons would only have been refused.
    const refused = await apiCall('POST', '/api/servicedesk/articles', { title: 'Coba', body: 'Isi' })
    assert.equal(refused.status, 403)
    await screenshot(page, 'servicedesk-article-reader')
  })

  step('the staff member asks Level 2 about the Dinas\'s service; the ticket names the service and its owning PD', async () => {
    const opened = await apiCall('POST', '/api/servicedesk/tickets', {
      type: 'gangguan', title: TICKET, urgency: 'tinggi', impact: 'sedang', tier: 2, service_id: SERVICE.id,
    })
    assert.equal(opened.status, 201, JSON.stringify(opened.body))
    assert.equal(opened.body.tier, 2, 'a service the Dinas provides itself stays at Level 2 (Balikpapan Pasal 1 angka 34)')
    ticketId = opened.body.id
    await open(`/layanan/tiket/${ticketId}`)
    await main().locator('[data-test=ticket-service]').getByText(`${SERVICE.code} · ${SERVICE.name}`).waitFor()
    assert.equal(await main().locator('[data-test=ticket-service-owner]').innerText(), dinasName)
    assert.equal(await main().locator('[data-test=ticket-state]').innerText(), 'Baru')
    await main().getByText('Pelayanan Level 2').first().waitFor()
    await main().locator('.meta').getByText('Gangguan · Tinggi', { exact: false }).waitFor()
    await screenshot(page, 'servicedesk-ticket-service')
  })

  step('in English the same ticket, the ticket list and the article are labelled in English', async () => {
    await page.locator('[data-test=lang-en]').click()
    await main().locator('[data-test=ticket-service]').getByText(`${SERVICE.code} · ${SERVICE.name_en}`).waitFor()
    assert.equal(await main().locator('[data-test=ticket-state]').innerText(), 'New')
    await main().getByText('Level 2 service').first().waitFor()
    await main().locator('.meta').getByText('Incident · High', { exact: false }).waitFor()
    await open('/layanan/tiket')
    const row = main().locator('[data-test=ticket-table] .el-table__row', { hasText: TICKET })
    await row.getByText('Incident', { exact: true }).waitFor()
    await row.getByText('New', { exact: true }).waitFor()
    await row.getByText('Level 2 service', { exact: true }).waitFor()
    await open('/layanan/pengetahuan')
    await main().locator('[data-test=kb-table] .el-table__row', { hasText: ARTICLE }).getByText('All staff').waitFor()
    await page.locator('[data-test=lang-id]').click()
    await main().locator('[data-test=kb-table] .el-table__row', { hasText: ARTICLE }).getByText('Semua pegawai').waitFor()
  })

  step('the Dinas officer, desk staff, has the write buttons', async () => {
    await signIn(session, { username: 'penelaah.kominfo', password: session.server.colleaguePassword })
    const options = await open('/layanan/pengetahuan')
    assert.equal(options.can_write_articles, true)
    await main().locator('[data-test=kb-new]').waitFor()
    await open(`/layanan/pengetahuan/${articleId}`)
    await main().locator('[data-test=kb-edit]').waitFor()
    assert.deepEqual(pageErrors, [])
  })
})
