// End-to-end scenarios of the Sistem Penghubung Layanan console against the real server binary:
// the administrator registers a service with a policy (an invalid CIDR is refused with the server's
// message and nothing is saved), uploads its OpenAPI document and reads it rendered on the service
// page; creates a consumer application and sees its API key exactly once; requests access in the
// Direktori Layanan with the letter's fields; the owner agency's operator recommends it and the
// official the profile names approves it, each in their own browser context; the grant appears in
// Hak Akses with its legal basis and is revoked with a reason. The demo consumer calls a service
// through the gateway (200; 403 without a grant; 401 with a wrong key); Lalu Lintas shows the data
// plane, the exchange, and its proof downloads and verifies with `simpul gateway verify-proof`;
// once the service stores bodies, the response body downloads from Lalu Lintas as the consumer
// received it and the read is in the ledger; one screen in English.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { before, describe } from 'node:test'
import { screenshot } from './browser.mjs'
import { repoRoot } from './server.mjs'
import { consoleSession, pageHelpers, scenarioSteps, signIn, TIMEOUT } from './scenario.mjs'

const RUN = Date.now().toString(36).toLowerCase().slice(-5)
const FIXTURE = join(repoRoot, 'tests', 'e2e', 'fixtures', 'openapi-perizinan.json')
const SERVICE = { code: `izin-${RUN}`, name: `Status Izin Usaha ${RUN}`, upstream: 'http://127.0.0.1:18090/api' }
const CONSUMER = `Aplikasi Verifikasi Usaha ${RUN}`
const RECOMMENDER = { username: `wali_${RUN}`, display_name: `Operator Wali Data ${RUN}`, password: `Rahasia-Wali-${RUN}-2026` }
let DECIDER = { username: `pemutus_${RUN}`, display_name: `Pejabat Pemutus ${RUN}`, password: `Rahasia-Putus-${RUN}-2026` }
const BAD_CIDR = '10.20.0.300/16'
const GOOD_CIDR = '10.20.0.0/16'
const REVOKE_REASON = `Kerja sama verifikasi berakhir (${RUN}).`

describe('Penghubung Layanan', { timeout: 420_000 }, () => {
  const session = consoleSession()
  const step = scenarioSteps(session)
  const { go, main, selectBox, choose, apiCall } = pageHelpers(session)
  let server
  let page
  let pageErrors
  before(() => ({ server, page, pageErrors } = session))

  let options // GET /api/gateway/options
  let me
  let owner // the service's owner agency (recommends under an owner_agency profile)
  let serviceId
  let consumerId
  let requestId
  let apiKey
  const contexts = {}

  const dialog = (name) => page.getByRole('dialog', { name })

  /** A signed-in page of another user, kept for the rest of the file (closed with the browser). */
  async function pageOf(user) {
    if (contexts[user.username]) return contexts[user.username]
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, locale: 'id-ID', timezoneId: 'Asia/Makassar' })
    context.setDefaultTimeout(TIMEOUT)
    const p = await context.newPage()
    p.on('pageerror', (err) => pageErrors.push(`${user.username}: ${err}`))
    await signIn(session, { username: user.username, password: user.password, page: p })
    contexts[user.username] = p
    return p
  }

  /** Opens the request in the Permohonan Akses drawer of the given page. */
  async function openRequest(p) {
    await p.goto(`${server.url}/penghubung/permohonan?id=${requestId}`)
    const drawer = p.getByRole('dialog', { name: 'Permohonan akses' })
    await drawer.locator('[data-test=request-letter]').getByText(CONSUMER).waitFor()
    return drawer
  }

  step('sign in; the menu has the Penghubung Layanan group and opens Layanan with the demo services', async () => {
    await signIn(session)
    const answer = await apiCall('GET', '/api/gateway/options')
    assert.equal(answer.status, 200, JSON.stringify(answer.body))
    options = answer.body
    me = (await apiCall('GET', '/api/auth/me')).body.user
    const nav = page.getByRole('navigation')
    for (const name of ['Direktori Layanan', 'Aplikasi Konsumen', 'Permohonan Akses', 'Hak Akses', 'Lalu Lintas']) await nav.getByRole('link', { name, exact: true }).waitFor()
    await nav.getByRole('link', { name: 'Layanan', exact: true }).click()
    await page.waitForURL(/\/penghubung\/layanan(\?|$)/)
    await main().getByRole('heading', { name: 'Layanan', exact: true }).waitFor()
    // The demo seeds the population service with its OpenAPI document.
    await page.locator('[data-test=service-table] .el-table__row', { hasText: 'kependudukan' }).waitFor()
    await screenshot(page, 'gateway-services')
  })

  step('a service with an invalid CIDR is refused with the server message and nothing is saved; corrected, it is created', async () => {
    const agencies = await apiCall('GET', '/api/agencies?per_page=200')
    owner = agencies.body.items.find((a) => a.code === 'DPMPTSP') ?? agencies.body.items.find((a) => a.id !== me.agency_id)
    assert.ok(owner, 'the demo has another agency to own the service')

    await page.locator('[data-test=service-create]').click()
    const d = dialog('Tambah layanan')
    await d.getByLabel('Kode', { exact: true }).fill(SERVICE.code)
    await d.getByLabel('Nama', { exact: true }).fill(SERVICE.name)
    await d.getByLabel('Keterangan', { exact: true }).fill('Status izin usaha menurut NIB untuk verifikasi penerima layanan.')
    await d.getByLabel('Alamat layanan asal (upstream)').fill(SERVICE.upstream)
    await choose('Perangkat Daerah pemilik', owner.name, d)
    await choose('Klasifikasi', options.classifications.find((c) => c.id === 'terbatas').name, d)
    const networks = d.getByLabel('Jaringan yang diizinkan (CIDR)')
    await networks.fill(BAD_CIDR)
    await networks.press('Enter')
    await d.getByText(`Tidak terlihat seperti CIDR: ${BAD_CIDR}`).waitFor() // the console only warns
    await d.getByLabel('Batas per detik').fill('5')
    await d.getByLabel('Lonjakan (burst)').fill('10')
    await d.getByLabel('Kuota harian').fill('1000')
    await d.getByLabel('Alamat pemeriksaan kesehatan').fill('/health')

    const refused = page.waitForResponse((r) => r.url().endsWith('/api/gateway/services') && r.request().method() === 'POST')
    await d.locator('[data-test=service-save]').click()
    const answer = await refused
    assert.ok(answer.status() >= 400 && answer.status() < 500, `status ${answer.status()}`)
    const body = await answer.json()
    await d.getByRole('alert').getByText(body.error.message).waitFor()
    await d.locator('[data-test=field-problem]').getByText(BAD_CIDR).waitFor()
    const none = await apiCall('GET', `/api/gateway/services?q=${SERVICE.code}`)
    assert.equal(none.body.items.filter((s) => s.code === SERVICE.code).length, 0, 'nothing was saved')

    // Correct it in the same dialog: remove the bad tag, add a good one.
    await d.locator('.el-input-tag .el-tag', { hasText: BAD_CIDR }).locator('.el-tag__close').click()
    await networks.fill(GOOD_CIDR)
    await networks.press('Enter')
    await d.locator('[data-test=service-save]').click()
    await page.waitForURL(/\/penghubung\/layanan\/[^/?]+$/)
    serviceId = new URL(page.url()).pathname.split('/').pop()
    await main().getByRole('heading', { name: SERVICE.name }).waitFor()
    await page.locator('[data-test=service-policy]').getByText(GOOD_CIDR).waitFor()
    await page.locator('[data-test=service-summary]').getByText(owner.name).waitFor()
    const saved = await apiCall('GET', `/api/gateway/services/${serviceId}`)
    assert.deepEqual(saved.body.policy.allowed_networks, [GOOD_CIDR])
    assert.equal(saved.body.policy.rate_per_second, 5)
    assert.equal(saved.body.policy.daily_quota, 1000)
  })

  step('upload the OpenAPI document; the service page renders its paths, parameters and schemas', async () => {
    await page.locator('[data-test=openapi-none]').waitFor()
    await page.locator('[data-test=openapi-file]').setInputFiles(FIXTURE)
    const doc = page.locator('[data-test=openapi-doc]')
    await doc.getByRole('heading', { name: /Layanan Status Izin Usaha/ }).waitFor()
    await doc.getByText('https://perizinan.balikpapan.go.id/api').waitFor()
    await doc.getByText('Alamat (2)').waitFor()
    const get = doc.locator('[data-test="openapi-op-GET-/izin/{nib}"]')
    await get.getByText('Status izin menurut NIB').click()
    await get.getByText('Nomor Induk Berusaha (13 digit)').waitFor() // path-level parameter
    await get.getByText('Tanggal acuan (YYYY-MM-DD)').waitFor() // operation parameter
    await get.getByText('NIB tidak dikenal').waitFor() // 404
    await get.getByText('nama_usaha:').waitFor() // the $ref to StatusIzin is resolved
    await doc.locator('[data-test="openapi-op-POST-/izin/verifikasi"]').waitFor()
    await screenshot(page, 'gateway-service')
  })

  step('retire the service from the list and activate it again', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Layanan', exact: true }).click()
    const row = page.locator('[data-test=service-table] .el-table__row', { hasText: SERVICE.code })
    for (const [action, retired] of [['Pensiunkan', true], ['Aktifkan', false]]) {
      await row.locator(`[data-test=service-actions-${SERVICE.code}]`).click()
      await page.getByRole('menuitem', { name: action, exact: true }).click()
      await row.getByText('Dipensiunkan').waitFor({ state: retired ? 'visible' : 'detached' })
    }
    const s = await apiCall('GET', `/api/gateway/services/${serviceId}`)
    assert.equal(s.body.active, true)
  })

  step('create a consumer application: its API key is shown once, and nowhere after the dialog closes', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Aplikasi Konsumen', exact: true }).click()
    await main().getByRole('heading', { name: 'Aplikasi Konsumen', exact: true }).waitFor()
    await page.locator('[data-test=consumer-create]').click()
    const d = dialog('Tambah aplikasi konsumen')
    await d.getByLabel('Nama aplikasi').fill(CONSUMER)
    const mine = await apiCall('GET', `/api/agencies/${me.agency_id}`)
    await choose('Perangkat Daerah', mine.body.name, d)
    const created = page.waitForResponse((r) => r.url().endsWith('/api/gateway/consumers') && r.request().method() === 'POST')
    await d.locator('[data-test=consumer-save]').click()
    const answer = await (await created).json()
    consumerId = answer.consumer.id

    const keyDialog = dialog('Kunci API baru')
    await keyDialog.getByText('Simpan sekarang; tidak akan ditampilkan lagi.').waitFor()
    apiKey = (await keyDialog.locator('[data-test=api-key]').textContent()).trim()
    assert.equal(apiKey, answer.api_key)
    assert.ok(apiKey.length >= 20, 'a real key')
    await screenshot(page, 'gateway-consumer-key')
    await keyDialog.getByRole('button', { name: 'Sudah saya simpan' }).click()
    await keyDialog.waitFor({ state: 'hidden' })

    const row = page.locator('[data-test=consumer-table] .el-table__row', { hasText: CONSUMER })
    await row.waitFor()
    assert.ok(!(await page.content()).includes(apiKey), 'the key is gone from the page')
    await row.locator('[data-test=consumer-keys]').click()
    const keys = dialog(`Kunci API: ${CONSUMER}`)
    await keys.getByText(`${answer.consumer.keys[0].prefix}…`).waitFor()
    assert.ok(!(await page.content()).includes(apiKey), 'the keys dialog shows the prefix only')
    await keys.getByRole('button', { name: 'Tutup' }).click()
    const again = await apiCall('GET', `/api/gateway/consumers/${consumerId}`)
    assert.ok(!JSON.stringify(again.body).includes(apiKey), 'the API never returns the key again')
  })

  step('rotate the key (the new one is shown once), revoke the old one; register a client certificate fingerprint', async () => {
    const row = page.locator('[data-test=consumer-table] .el-table__row', { hasText: CONSUMER })
    await row.locator('[data-test=consumer-keys]').click()
    const keys = dialog(`Kunci API: ${CONSUMER}`)
    await keys.locator('[data-test=key-issue]').click()
    const keyDialog = dialog('Kunci API baru')
    const rotated = (await keyDialog.locator('[data-test=api-key]').textContent()).trim()
    assert.notEqual(rotated, apiKey)
    await keyDialog.getByRole('button', { name: 'Sudah saya simpan' }).click()
    await keyDialog.waitFor({ state: 'hidden' })
    const oldPrefix = apiKey.slice(0, 8)
    const oldRow = keys.locator('[data-test=key-table] .el-table__row', { hasText: oldPrefix })
    await oldRow.locator('[data-test=key-revoke]').click()
    await oldRow.getByText(/^Dicabut/).waitFor()
    await keys.getByRole('button', { name: 'Tutup' }).click()
    assert.ok(!(await page.content()).includes(rotated), 'the rotated key is gone from the page too')

    await row.locator('[data-test=consumer-certs]').click()
    const certs = dialog(`Sertifikat klien: ${CONSUMER}`)
    const input = certs.getByLabel('Tambah sidik SHA-256')
    await input.fill('abc123')
    await certs.getByText('64 digit heksadesimal').waitFor()
    const fingerprint = 'AB:'.repeat(31) + 'CD'
    await input.fill(fingerprint)
    await certs.locator('[data-test=cert-add]').click()
    await certs.getByText('ab'.repeat(31) + 'cd').waitFor()
    await certs.locator('[data-test=certs-save]').click()
    await certs.waitFor({ state: 'hidden' })
    const saved = await apiCall('GET', `/api/gateway/consumers/${consumerId}`)
    assert.deepEqual(saved.body.client_cert_sha256, ['ab'.repeat(31) + 'cd'])
    assert.equal(saved.body.keys.filter((k) => !k.revoked_at).length, 1)
  })

  step('in the directory, read the documentation and request access for that consumer with the letter fields', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Direktori Layanan', exact: true }).click()
    const card = page.locator(`[data-test=directory-${SERVICE.code}]`)
    await card.locator('[data-test=my-access]').getByText('Belum punya akses').waitFor()
    await card.locator('[data-test=directory-docs]').click()
    const docs = dialog(`Dokumentasi ${SERVICE.name}`)
    await docs.getByRole('heading', { name: /Layanan Status Izin Usaha/ }).waitFor()
    const op = docs.locator('[data-test="openapi-op-GET-/izin/{nib}"]')
    await op.getByText('Status izin menurut NIB').click()
    await op.getByText('nama_usaha:').waitFor()
    await screenshot(page, 'gateway-openapi')
    await docs.locator('.el-dialog__headerbtn').click()
    await docs.waitFor({ state: 'hidden' })

    await card.locator('[data-test=directory-request]').click()
    const d = dialog(`Permohonan akses: ${SERVICE.name}`)
    if (options.request_fields_rule) await d.getByText(options.request_fields_rule.citation).first().waitFor()
    // The option reads "<name> · <agency>".
    await selectBox('Aplikasi konsumen', d).click()
    await page.getByRole('option').filter({ hasText: CONSUMER }).click()
    await d.getByLabel('Penanggung jawab').fill(`Kepala Bidang Verifikasi ${RUN}`)
    await d.getByLabel('Unit kerja').fill('Bidang Aplikasi Informatika')
    await d.getByLabel('Maksud, tujuan, dan kegunaan').fill(`Verifikasi izin usaha pemohon layanan perizinan terpadu (${RUN}).`)
    await d.getByLabel('Jenis dan bentuk data yang diperlukan').fill('NIB, nama usaha dan status izin, dalam bentuk JSON')
    await d.getByLabel('Awalan alamat (tidak wajib)').fill('/izin')
    const commercial = options.refusal_grounds.find((g) => g.id.includes('komersial'))
    if (commercial?.rule) await d.getByText(commercial.rule.citation).first().waitFor()
    await screenshot(page, 'gateway-request')
    const submitted = page.waitForResponse((r) => r.url().endsWith('/api/gateway/access-requests') && r.request().method() === 'POST')
    await d.locator('[data-test=request-save]').click()
    const answer = await submitted
    assert.equal(answer.status(), 201, await answer.text())
    requestId = (await answer.json()).id
    await d.waitFor({ state: 'hidden' })
    await card.locator('[data-test=my-access]').getByText('Permohonan sedang diproses').waitFor()
    await screenshot(page, 'gateway-directory')
  })

  step('the users who recommend and decide are created through the API', async () => {
    // Balikpapan Pasal 9 ayat (8): the Sekretaris Daerah (role approver) decides on the recommendation
    // of the PD Wali Data, i.e. an operator of the service's owner agency.
    // An approver is in office in the demo (the Sekda) and a new one would wait for the Sekda's
    // confirmation, so the Sekda decides; elsewhere a technical reviewer is created.
    const users = [[RECOMMENDER, 'agency_operator', owner.id]]
    if (options.approver.role === 'sekda') {
      DECIDER = { username: 'sekda', display_name: 'Hendra Wijaya (demo)', password: session.server.colleaguePassword }
    } else {
      users.push([DECIDER, 'technical_reviewer', null])
    }
    for (const [u, role, agency] of users) {
      const created = await apiCall('POST', '/api/users', {
        must_change_password: false,
        username: u.username,
        display_name: u.display_name,
        email: `${u.username}@balikpapan.go.id`,
        agency_id: agency,
        roles: [role],
        password: u.password,
      })
      assert.equal(created.status, 201, JSON.stringify(created.body))
    }
  })

  step('the owner agency operator recommends the request; there is no decide button for them', async (t) => {
    if (options.recommender.kind !== 'owner_agency') return t.skip('this profile names no recommender')
    const p = await pageOf(RECOMMENDER)
    const drawer = await openRequest(p)
    await drawer.locator('[data-test=request-state]').getByText('Diajukan').waitFor()
    assert.equal(await drawer.locator('[data-test=request-decide]').count(), 0)
    await drawer.locator('[data-test=request-recommend]').click()
    const d = p.getByRole('dialog', { name: 'Rekomendasi permohonan akses' })
    await d.getByLabel('Catatan').fill('Data izin dapat dibagikan untuk verifikasi.')
    await d.locator('[data-test=action-save]').click()
    await drawer.locator('[data-test=request-state]').getByText('Direkomendasikan').waitFor()
    await drawer.locator('[data-test=request-steps]').getByText(RECOMMENDER.display_name).waitFor()
  })

  step('the deciding official sees the profile rules; refusing requires a note; they approve', async () => {
    const p = await pageOf(DECIDER)
    const drawer = await openRequest(p)
    // The request says where it waits and who holds it (issue 20 item 11).
    await drawer.locator('[data-test=request-waiting]').getByText(options.approver.name).waitFor()
    const rules = drawer.locator('[data-test=request-rules]')
    for (const who of [options.operator, options.recommender, options.approver]) if (who.rule) await rules.getByText(who.rule.citation).first().waitFor()
    await drawer.getByText(`Kepala Bidang Verifikasi ${RUN}`).waitFor()
    await drawer.locator('[data-test=request-decide]').click()
    const d = p.getByRole('dialog', { name: 'Keputusan permohonan akses' })
    await d.locator('[data-test=action-refuse]').click()
    await d.locator('[data-test=action-save]').click()
    await d.getByText('Tulis alasan penolakan.').waitFor()
    await d.locator('[data-test=action-agree]').click()
    await d.getByLabel('Catatan').fill('Disetujui untuk layanan perizinan.')
    await screenshot(p, 'gateway-decision')
    await d.locator('[data-test=action-save]').click()
    await drawer.locator('[data-test=request-state]').getByText('Disetujui').waitFor()
    await drawer.locator('[data-test=request-steps]').getByText(DECIDER.display_name).waitFor()
    assert.equal(await drawer.locator('[data-test=request-decide]').count(), 0)
    await screenshot(p, 'gateway-requests')
  })

  step('the grant appears in Hak Akses with its legal basis; it is revoked with a required reason', async () => {
    await go('/penghubung/hak-akses')
    await main().getByRole('heading', { name: 'Hak Akses', exact: true }).waitFor()
    const row = page.locator('[data-test=grant-table] .el-table__row', { hasText: CONSUMER })
    await row.getByText(SERVICE.name).waitFor()
    await row.locator('[data-test=grant-request-link]').waitFor()
    const grants = await apiCall('GET', `/api/gateway/grants?consumer=${consumerId}`)
    const grant = grants.body.items.find((g) => g.service.id === serviceId)
    assert.equal(grant.legal_basis.request_id, requestId)
    if (grant.legal_basis.rule) await row.getByText(grant.legal_basis.rule.citation).waitFor()
    await screenshot(page, 'gateway-grants')

    await row.locator('[data-test=grant-revoke]').click()
    const d = dialog('Cabut hak akses')
    await d.locator('[data-test=revoke-save]').click()
    await d.locator('.el-form-item__error').waitFor() // the reason is required
    await d.getByLabel('Alasan pencabutan').fill(REVOKE_REASON)
    await d.locator('[data-test=revoke-save]').click()
    await d.waitFor({ state: 'hidden' })
    await row.waitFor({ state: 'detached' }) // the list shows grants in force
    await choose('Status', 'Dicabut')
    await page.locator('[data-test=grant-table] .el-table__row', { hasText: CONSUMER }).getByText(REVOKE_REASON).waitFor()
    const after = await apiCall('GET', `/api/gateway/grants?consumer=${consumerId}`)
    const revoked = after.body.items.find((g) => g.id === grant.id)
    assert.ok(revoked.revoked_at)
    assert.equal(revoked.revoke_reason, REVOKE_REASON)
  })

  let exchange // the record of the call through the gateway
  step('the demo consumer calls a service through the gateway: 200 from the agency system; without a grant 403', async () => {
    assert.ok(server.gatewayKey, 'the demo printed its consumer key')
    const call = (path, key = server.gatewayKey) => fetch(`${server.gateway}/${server.tenant}${path}`, { headers: { 'X-API-Key': key } })
    const ok = await call('/kependudukan/penduduk/6471010101010001')
    assert.equal(ok.status, 200)
    assert.equal((await ok.json()).nik, '6471010101010001')
    const refused = await call('/perizinan/izin/1234567890123') // the request for perizinan is still pending
    assert.equal(refused.status, 403)
    assert.equal((await refused.json()).error.code, 'gateway.no_grant')
    assert.equal((await call('/kependudukan/penduduk/1', 'not-a-key')).status, 401)
    // The proxy signs the open batch every second; then the exchange is listed and provable.
    for (let i = 0; i < 50 && !exchange; i++) {
      const found = await apiCall('GET', '/api/gateway/exchanges?status=200')
      // The NIK in the path is masked in the list (issue 20 item 17): the last four digits remain.
      exchange = found.body.items?.find((e) => e.path.endsWith('/penduduk/************0001') && e.path_masked && e.signed)
      if (!exchange) await new Promise((r) => setTimeout(r, 200))
    }
    assert.ok(exchange, 'the exchange is in the message log, in a signed batch')
  })

  step('Lalu Lintas: the data plane or how to start it; the exchange log and the verifying key', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Lalu Lintas', exact: true }).click()
    await main().getByRole('heading', { name: 'Lalu Lintas', exact: true }).waitFor()
    const status = await apiCall('GET', '/api/gateway/status')
    assert.equal(status.status, 200)
    if (status.body.running) {
      await page.locator('[data-test=instances]').getByText(status.body.instances[0].instance).waitFor()
      await page.locator('[data-test=traffic-chart]').waitFor()
    } else {
      const empty = page.locator('[data-test=gateway-not-running]')
      await empty.getByText('Gateway tidak berjalan').waitFor()
      await empty.getByText(/simpul gateway run/).waitFor()
      await empty.getByText(/simpul serve --gateway-port/).waitFor()
    }
    await page.locator('[data-test=traffic-pause]').click()
    await page.locator('[data-test=traffic-updated]').getByText('Pembaruan dijeda').waitFor()
    await screenshot(page, 'gateway-traffic')
    await main().getByRole('tab', { name: 'Log pertukaran & bukti' }).click()
    const key = await apiCall('GET', '/api/gateway/public-key')
    assert.equal(key.status, 200)
    await page.locator('[data-test=public-key-value]').getByText(key.body.public_key).waitFor()
    await page.locator('[data-test=public-key]').getByText(/simpul gateway verify-proof --proof/).waitFor()
    await page.locator('[data-test=exchange-table]').waitFor()

    // The path holds a NIK: shown masked; the full path only with a reason, recorded in the ledger.
    const path = page.locator(`[data-test=path-${exchange.seq}]`)
    await path.getByText('/penduduk/************0001').waitFor()
    assert.equal(await page.locator('[data-test=exchange-table]').getByText('6471010101010001').count(), 0)
    await page.locator(`[data-test=reveal-${exchange.seq}]`).click()
    let d = dialog('Buka alamat lengkap')
    await d.locator('[data-test=reveal-save]').click()
    await d.locator('.el-form-item__error').waitFor() // the reason is required
    await d.getByLabel('Alasan').fill('Menindaklanjuti pengaduan warga nomor 12/2026')
    await d.locator('[data-test=reveal-save]').click()
    await d.waitFor({ state: 'hidden' })
    await path.getByText('/penduduk/6471010101010001').waitFor()
    const revealed = (await apiCall('GET', '/api/ledger?per_page=1')).body.items[0]
    assert.equal(revealed.action, 'gateway.path_reveal')
    const details = typeof revealed.details === 'string' ? JSON.parse(revealed.details) : revealed.details
    assert.equal(details.reason, 'Menindaklanjuti pengaduan warga nomor 12/2026')
    assert.ok(details.path.endsWith('/penduduk/************0001'), 'the ledger keeps the masked path')
    assert.ok(!JSON.stringify(revealed).includes('6471010101010001'), 'the ledger never holds the NIK')

    // "Unduh bukti" gives the inclusion proof, which the command line checks offline with the key
    // shown; it carries the full path, so it asks for a reason too.
    const button = page.locator(`[data-test=proof-${exchange.seq}]`)
    await button.waitFor()
    await button.click()
    d = dialog('Unduh bukti dengan alamat lengkap')
    await d.getByLabel('Alasan').fill('Bukti untuk sidang sengketa informasi')
    const [download] = await Promise.all([page.waitForEvent('download'), d.locator('[data-test=reveal-save]').click()])
    const file = join(mkdtempSync(join(tmpdir(), 'simpul-proof-')), 'bukti.json')
    await download.saveAs(file)
    const proof = JSON.parse(readFileSync(file, 'utf8'))
    assert.equal(proof.record.seq, exchange.seq)
    const verified = spawnSync(server.bin, ['gateway', 'verify-proof', '--proof', file, '--public-key', key.body.public_key], { encoding: 'utf8' })
    assert.equal(verified.status, 0, verified.stdout + verified.stderr)
    assert.match(verified.stdout, /proof OK/)
  })

  step('a service that stores bodies: Lalu Lintas offers the exchange\'s bodies, checked by the server and recorded in the ledger', async () => {
    const list = await apiCall('GET', '/api/gateway/services?q=kependudukan')
    const population = list.body.items.find((s) => s.code === 'kependudukan')
    await go(`/penghubung/layanan/${population.id}`)
    await page.locator('[data-test=service-edit]').click()
    const d = dialog('Ubah layanan')
    const store = d.getByRole('switch', { name: 'Simpan isi permintaan dan jawaban' })
    await d.locator('.el-switch:has(#svc-policy-store)').click() // the input itself is visually hidden
    assert.equal(await store.getAttribute('aria-checked'), 'true')
    await d.locator('[data-test=store-warning]').waitFor() // the demo service is classified terbatas
    await d.locator('[data-test=service-save]').click()
    await d.waitFor({ state: 'hidden' })
    assert.equal((await apiCall('GET', `/api/gateway/services/${population.id}`)).body.policy.store_bodies, true)

    // The control plane's change reloads the data plane at once; the next calls keep their bodies.
    let stored
    let answer
    for (let i = 0; i < 50 && !stored; i++) {
      const res = await fetch(`${server.gateway}/${server.tenant}/kependudukan/penduduk/6471010101010002`, { headers: { 'X-API-Key': server.gatewayKey } })
      assert.equal(res.status, 200)
      answer = await res.text()
      await new Promise((r) => setTimeout(r, 200))
      const found = await apiCall('GET', '/api/gateway/exchanges?status=200')
      stored = found.body.items?.find((e) => e.path.endsWith('/penduduk/************0002') && e.bodies_stored)
    }
    assert.ok(stored, 'an exchange with stored bodies is in the message log')

    await go('/penghubung/lalu-lintas')
    await main().getByRole('tab', { name: 'Log pertukaran & bukti' }).click()
    const button = page.locator(`[data-test=body-response-${stored.seq}]`)
    await button.waitFor()
    await screenshot(page, 'gateway-exchanges')
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()])
    assert.match(download.suggestedFilename(), new RegExp(`^isi-pertukaran-${stored.seq}-jawaban\\.json$`))
    const file = join(mkdtempSync(join(tmpdir(), 'simpul-body-')), 'jawaban.json')
    await download.saveAs(file)
    assert.equal(readFileSync(file, 'utf8'), answer, 'the downloaded body is what the consumer received')
    const top = await apiCall('GET', '/api/ledger?per_page=1')
    assert.equal(top.body.items[0].action, 'gateway.body_read')
    assert.equal(top.body.items[0].object_id, String(stored.seq))
  })

  step('the dashboard card and a gateway screen in English', async () => {
    await go('/')
    await page.locator('[data-test=gateway-status] [data-test=gateway-card-services]').waitFor()
    await go('/penghubung/layanan')
    await page.locator('[data-test=lang-en]').click()
    await main().getByRole('heading', { name: 'Services', exact: true }).waitFor()
    await page.getByRole('navigation').getByRole('link', { name: 'Service directory', exact: true }).waitFor()
    await page.locator('[data-test=lang-id]').click()
    await main().getByRole('heading', { name: 'Layanan', exact: true }).waitFor()
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the pages')
  })
})
