// End-to-end scenarios of Aplikasi SPBE and Kepatuhan Regulasi against the real server binary:
// create an application, request a recommendation, see the move to rancang_bangun blocked with the
// rule's citation (and refused by the API), be refused deciding one's own request, have a Diskominfo
// user approve it in their inbox, move through the stages, record a passed fitness test, upload the
// handover documents to the Repositori, go live, evaluate compliance and open a finding with the
// article's text. The inventory import reports a bad row without changing anything.
import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { before, describe } from 'node:test'
import { screenshot } from './browser.mjs'
import { consoleSession, pageHelpers, scenarioSteps, signIn } from './scenario.mjs'

// Codes that cannot collide with demo data.
const RUN = Date.now().toString(36).toUpperCase().slice(-5)
const APP = { code: `APL.UJI.${RUN}`, name: `Aplikasi Perizinan Daring ${RUN}` }
const DECIDER = {
  username: `kominfo_${RUN.toLowerCase()}`,
  display_name: `Kepala Bidang Aplikasi ${RUN}`,
  password: `Rahasia-Uji-${RUN}-2026`,
}
const KOMINFO = 'Dinas Komunikasi dan Informatika Kota Balikpapan'
// What the demo administrator needs here beyond their role (the test adds roles that grant it);
// the optional ones are added when some role grants them.
const NEEDED = ['applications.read', 'applications.write', 'applications.recommend', 'compliance.read', 'compliance.evaluate']
// Sanctions and waivers are the Sekda's (the approver's), never the administrator's: the demo's
// Sekda does those steps.
const SEKDA = 'sekda'

describe('Aplikasi SPBE and Kepatuhan Regulasi', { timeout: 420_000 }, () => {
  const session = consoleSession({ tempDir: 'simpul-apps-e2e-' })
  const step = scenarioSteps(session)
  const { go, main, selectBox, choose, apiCall } = pageHelpers(session)
  let server
  let page
  let pageErrors
  let dir
  before(() => ({ server, page, pageErrors, dir } = session))

  /** Roles (from GET /api/roles) that together grant every permission asked for. */
  function rolesGranting(roles, wanted, have = [], optional = []) {
    const grantable = new Set(roles.flatMap((r) => r.permissions))
    const missing = new Set([...wanted, ...optional.filter((p) => grantable.has(p))].filter((p) => !have.includes(p)))
    const chosen = []
    while (missing.size) {
      const best = roles
        .map((r) => ({ id: r.id, covers: r.permissions.filter((p) => missing.has(p)).length, size: r.permissions.length }))
        .sort((a, b) => b.covers - a.covers || a.size - b.size)[0] // the narrowest role that does it
      if (!best || best.covers === 0) throw new Error(`no role grants ${[...missing].join(', ')}`)
      chosen.push(best.id)
      for (const p of roles.find((r) => r.id === best.id).permissions) missing.delete(p)
    }
    return chosen
  }

  let options
  let appId
  let appUrl
  const moveDialog = () => page.locator('[data-test=move-dialog]').locator('xpath=ancestor-or-self::div[contains(@class, "el-dialog")]').first()

  /** Opens 'Pindah tahap', picks the stage and waits for the page to show it. */
  async function moveTo(stageId) {
    const name = options.stages.find((s) => s.id === stageId).name
    await page.locator('[data-test=stage-move]').click()
    const move = page.locator(`[data-test=move-${stageId}]`)
    await move.getByText('Dapat dipindahkan').waitFor()
    await move.locator('.el-radio').click()
    await page.locator('[data-test=move-save]').click()
    await page.locator('[data-test=move-dialog]').waitFor({ state: 'hidden' })
    await main().locator('.el-card [data-test=stage-tag]').first().getByText(name).waitFor()
  }

  async function openTab(name) {
    await main().getByRole('tab', { name, exact: true }).click()
  }

  step('sign in; the administrator gets the application and compliance roles; the menu opens Aplikasi SPBE', async () => {
    await signIn(session)
    const me = await apiCall('GET', '/api/auth/me')
    const roles = await apiCall('GET', '/api/roles')
    assert.equal(roles.status, 200)
    const extra = rolesGranting(roles.body, NEEDED, me.body.user.permissions)
    if (extra.length) {
      const patched = await apiCall('PATCH', `/api/users/${me.body.user.id}`, { roles: [...new Set([...me.body.user.roles, ...extra])] })
      assert.equal(patched.status, 200, JSON.stringify(patched.body))
    }
    const answer = await apiCall('GET', '/api/applications/options')
    assert.equal(answer.status, 200, `GET /api/applications/options: ${JSON.stringify(answer.body)}`)
    options = answer.body

    await go('/') // reload: the session now carries the new permissions
    const nav = page.getByRole('navigation')
    await nav.getByRole('link', { name: 'Kepatuhan Regulasi' }).waitFor()
    await nav.getByRole('link', { name: 'Rekomendasi Aplikasi' }).waitFor()
    await page.locator('[data-test=compliance-status]').waitFor()
    await nav.getByRole('link', { name: 'Aplikasi SPBE' }).click()
    await page.waitForURL(/\/aplikasi(\?|$)/)
    await main().getByRole('heading', { name: 'Aplikasi SPBE' }).waitFor()
  })

  step('create an application; it starts at the first stage of the lifecycle', async () => {
    await page.locator('[data-test=application-create]').click()
    const dialog = page.getByRole('dialog', { name: 'Tambah aplikasi' })
    await dialog.getByLabel('Kode', { exact: true }).fill(APP.code)
    await dialog.getByLabel('Nama aplikasi', { exact: true }).fill(APP.name)
    await choose('Perangkat Daerah pemilik layanan', KOMINFO, dialog)
    const category = options.categories.find((c) => !options.khusus_categories.includes(c.id)) ?? options.categories[0]
    await choose('Kategori', category.name, dialog)
    await dialog.locator('[data-test=application-save]').click()
    await page.waitForURL(/\/aplikasi\/[^/?]+$/)
    appUrl = page.url()
    appId = new URL(appUrl).pathname.split('/').pop()
    await main().getByRole('heading', { name: APP.name }).waitFor()
    const first = options.stages[0]
    await page.locator(`[data-test=step-${first.id}] .el-step__title.is-process`).waitFor()
  })

  step('request a recommendation from Diskominfo', async () => {
    await openTab('Rekomendasi')
    const form = page.locator('[data-test=recommendation-form]')
    await form.getByLabel('Tujuan pembangunan atau pengembangan').fill(`Membangun layanan perizinan daring ${RUN}`)
    await form.getByLabel('Alasan kebutuhan').fill('Permohonan izin masih manual dan antrean panjang.')
    await form.locator('[data-test=recommendation-request]').click()
    await page.locator('[data-test=recommendation-table]').getByText('Menunggu keputusan').waitFor()
    await page.getByText('Sebuah permohonan sedang menunggu keputusan.').waitFor()
  })

  step('moving to rancang_bangun is blocked before approval: the rule citation and what is missing are shown; the API refuses it', async () => {
    const gates = await apiCall('GET', `/api/applications/${appId}/gates`)
    assert.equal(gates.status, 200)
    const build = gates.body.moves.find((m) => m.to === 'rancang_bangun')
    assert.ok(build && !build.allowed, 'rancang_bangun is blocked before the recommendation is approved')
    const citation = build.blocked_by[0].rule.citation

    await page.locator('[data-test=stage-move]').click()
    const move = page.locator('[data-test=move-rancang_bangun]')
    await move.getByText('Tertahan').waitFor()
    await move.getByText(citation).first().waitFor()
    await move.getByText('Rekomendasi yang disetujui').waitFor()
    await move.locator('[data-test=move-fix-rekomendasi]').getByText('Selesaikan di tab Rekomendasi').waitFor()
    assert.equal(await move.locator('input[type=radio]').isDisabled(), true, 'a blocked move cannot be chosen')

    const refused = await apiCall('POST', `/api/applications/${appId}/stage`, { to: 'rancang_bangun', note: 'uji' })
    assert.equal(refused.status, 422)
    assert.equal(refused.body.error.code, 'application.gate_refused')
    assert.equal(refused.body.error.rule.citation, citation)
    await screenshot(page, 'applications-gate')

    // Planning needs nothing: move there.
    await moveDialog().getByRole('button', { name: 'Batal' }).click()
    await moveTo('perencanaan')
  })

  step('the requester is not offered a decision on their own request, and the server refuses one with its reason', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Rekomendasi Aplikasi' }).click()
    await page.waitForURL(/\/aplikasi\/rekomendasi/)
    const row = page.locator('[data-test=recommendation-inbox] .el-table__row', { hasText: APP.code })
    await row.locator('[data-test=inbox-own-request]').getByText('diputuskan oleh penelaah lain').waitFor()
    assert.equal(await row.locator('[data-test=inbox-approve]').count(), 0, 'the requester is not offered "Setujui"')
    const detail = await apiCall('GET', `/api/applications/${appId}`)
    const waiting = detail.body.recommendations.find((r) => r.state === 'diajukan')
    assert.ok(waiting, 'the request waits for a decision')
    const refused = await apiCall('POST', `/api/recommendations/${waiting.id}/decision`, { decision: 'disetujui', reasons: 'Sesuai Arsitektur SPBE.' })
    assert.equal(refused.status, 403)
    assert.equal(refused.body.error.code, 'application.self_decision')
  })

  step('a Diskominfo user approves the request in their inbox', async () => {
    const roles = await apiCall('GET', '/api/roles')
    const [role] = rolesGranting(roles.body, ['applications.recommend', 'applications.read'])
    const agencies = await apiCall('GET', '/api/agencies?per_page=200')
    const kominfo = agencies.body.items.find((a) => a.flags.includes('kominfo'))
    assert.ok(kominfo, 'the demo has a Diskominfo')
    const created = await apiCall('POST', '/api/users', {
      must_change_password: false,
      username: DECIDER.username,
      display_name: DECIDER.display_name,
      email: `${DECIDER.username}@balikpapan.go.id`,
      agency_id: kominfo.id,
      roles: [role],
      password: DECIDER.password,
    })
    assert.equal(created.status, 201, JSON.stringify(created.body))

    const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'id-ID', timezoneId: 'Asia/Makassar' })
    try {
      const other = await context.newPage()
      await other.goto(`${server.url}/login`)
      await other.getByLabel('Nama pengguna').fill(DECIDER.username)
      await other.getByLabel('Kata sandi', { exact: true }).fill(DECIDER.password)
      await other.getByRole('button', { name: 'Masuk', exact: true }).click()
      await other.waitForURL((u) => !u.pathname.startsWith('/login'))
      await other.getByRole('navigation').getByRole('link', { name: 'Rekomendasi Aplikasi' }).click()
      const row = other.locator('[data-test=recommendation-inbox] .el-table__row', { hasText: APP.code })
      await row.locator('[data-test=inbox-approve]').click()
      const dialog = other.locator('[data-test=decision-dialog]').locator('xpath=ancestor-or-self::div[contains(@class, "el-dialog")]').first()
      await dialog.getByLabel('Alasan', { exact: true }).fill(`Sesuai Arsitektur SPBE; tidak ada Aplikasi Umum sejenis (${RUN}).`)
      const answered = other.waitForResponse((r) => r.url().includes('/decision') && r.request().method() === 'POST')
      await dialog.locator('[data-test=decision-save]').click()
      const res = await answered
      assert.equal(res.status(), 200, await res.text())
      await row.waitFor({ state: 'detached' })
    } finally {
      await context.close()
    }
  })

  step('approved: move through design, implementation and testing; going live still needs a test and the handover', async () => {
    await page.goto(`${appUrl}?tab=rekomendasi`)
    await page.locator('[data-test=recommendation-table]').getByText('Disetujui').waitFor()
    await page.locator('[data-test=recommendation-table]').getByText(DECIDER.display_name).waitFor()
    await moveTo('rancang_bangun')
    await moveTo('implementasi')
    await moveTo('pengujian_kelaikan')

    await page.locator('[data-test=stage-move]').click()
    const live = page.locator('[data-test=move-pemeliharaan]')
    await live.getByText('Tertahan').waitFor()
    await live.getByText('Hasil uji kelaikan yang lulus').waitFor()
    // Each missing item links to the tab that resolves it (issue 20 item 11).
    await live.locator('[data-test=move-fix-uji]').getByText('Selesaikan di tab Uji kelaikan').click()
    await page.locator('[data-test=move-dialog]').waitFor({ state: 'hidden' })
    await page.waitForURL(/[?&]tab=uji/)
    await page.locator('[data-test=test-form]').waitFor()
  })

  step('record a passed fitness test', async () => {
    await openTab('Uji kelaikan')
    const form = page.locator('[data-test=test-form]')
    await form.getByLabel('Rilis / versi').fill('1.0.0')
    await form.getByLabel('Ringkasan').fill('Uji fungsi, keamanan dan beban: seluruh skenario lulus.')
    await form.locator('[data-test=test-save]').click()
    await page.locator('[data-test=test-table]').getByText('Lulus', { exact: true }).waitFor()
  })

  step('upload the handover documents to the Repositori; the checklist is complete; a file downloads unchanged', async () => {
    await openTab('Repositori')
    const docs = options.handover?.documents ?? []
    const form = page.locator('[data-test=artifact-form]')
    const contents = {}
    for (const doc of docs) {
      const file = join(dir, `${doc.id}-${RUN}.txt`)
      contents[doc.id] = `Dokumen ${doc.name} untuk ${APP.code}\n`
      writeFileSync(file, contents[doc.id])
      await choose('Jenis dokumen', doc.name, form)
      await form.getByLabel('Rilis / versi').fill('1.0.0')
      await page.locator('[data-test=artifact-file]').setInputFiles(file)
      await form.locator('[data-test=artifact-upload]').click()
      await page.locator(`[data-test=handover-${doc.id}]`).getByText('Ada', { exact: true }).waitFor()
    }
    if (docs.length) await page.locator('[data-test=handover-status]').getByText('Dokumen serah terima lengkap.').waitFor()

    if (docs.length) {
      const first = docs[0]
      const link = page.locator('[data-test=artifact-table] [data-test=artifact-download]', { hasText: `${first.id}-${RUN}.txt` })
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
      assert.equal(readFileSync(await download.path(), 'utf8'), contents[first.id])
    }
  })

  step('go live: the application moves to pemeliharaan', async () => {
    await moveTo('pemeliharaan')
    await main().getByText('beroperasi').first().waitFor()
    await page.locator('[data-test=step-pemeliharaan] .el-step__title.is-process').waitFor()
  })

  let finding
  step('evaluate compliance on the Kepatuhan page; the new application has a finding', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Kepatuhan Regulasi' }).click()
    await page.waitForURL(/\/kepatuhan/)
    await main().getByRole('heading', { name: 'Kepatuhan Regulasi' }).waitFor()
    await page.locator('[data-test=compliance-evaluate]').click()
    await page.locator('[data-test=evaluation-result]').waitFor()
    await page.locator('[data-test=compliance-counts]').waitFor()
    await page.locator('[data-test=chapter-chart] canvas').waitFor()

    const all = await apiCall('GET', '/api/compliance/findings?state=open&per_page=200&limit=200')
    assert.equal(all.status, 200)
    finding = all.body.items.find((f) => f.object_id === appId)
    assert.ok(finding, 'a live application without a subdomain, contact or hosting has an open finding')
    await screenshot(page, 'compliance')

    // Narrow the list to that rule and open the finding from its row.
    await selectBox('Ketentuan').click()
    const filtered = page.waitForResponse((r) => r.url().includes('/api/compliance/findings?') && r.url().includes(`rule=${encodeURIComponent(finding.rule.id)}`))
    await page.getByRole('option').filter({ hasText: `${finding.rule.citation} — ` }).filter({ hasText: finding.rule.title }).first().click()
    await filtered
    const row = page.locator('[data-test=finding-table] .el-table__row', { hasText: RUN }).first()
    await row.locator('[data-test=finding-link]').click()
    await page.waitForURL(/\/kepatuhan\/temuan\//)
  })

  step('the finding page shows the rule, the article\'s own text and the application it is about', async () => {
    await main().getByRole('heading', { name: finding.rule.title }).waitFor()
    const detail = await apiCall('GET', `/api/compliance/findings/${finding.id}`)
    const article = page.locator('[data-test=article-text]')
    await article.waitFor()
    assert.ok(detail.body.article?.text, 'the profile carries the article text')
    const shown = await article.innerText()
    assert.ok(shown.includes(detail.body.article.text.trim().split('\n')[0].trim()), 'the article text is shown as written')
    // The article's Markdown is rendered (issue 20): a list is a list, never "- (1)" shown as text.
    if (/^\s*- /m.test(detail.body.article.text)) assert.ok((await article.locator('li').count()) > 0, 'list items are rendered as a list')
    assert.ok(!/^- \(/m.test(shown), 'no raw Markdown list marker is shown')
    await page.locator('[data-test=finding-object]').getByText(APP.name).waitFor()

    if (detail.body.sanctionable) {
      const findingUrl = page.url()
      // The evaluation opened the case: the oral warning is proposed with its basis, not given.
      const table = page.locator('[data-test=sanction-table]')
      await table.locator('[data-test=sanction-status]').getByText('Diusulkan', { exact: true }).waitFor()
      assert.match(await table.locator('[data-test=sanction-basis]').first().innerText(), /ditemukan pertama kali/)
      assert.equal(await page.locator('[data-test=sanction-add]').count(), 0, 'the administrator records no sanction')
      await signIn(session, { username: SEKDA, password: server.colleaguePassword })
      await page.goto(findingUrl)
      await page.locator('[data-test=sanction-add]').click()
      const dialog = page.locator('[data-test=sanction-dialog]').locator('xpath=ancestor-or-self::div[contains(@class, "el-dialog")]').first()
      await dialog.locator('[data-test=sanction-proposal]').getByText(/Pasal 46 ayat \(2\) huruf a/).waitFor()
      await dialog.getByLabel('Catatan').fill(`Disampaikan dalam rapat koordinasi ${RUN}.`)
      await dialog.locator('[data-test=sanction-save]').click()
      await dialog.waitFor({ state: 'hidden' })
      await table.locator('[data-test=sanction-status]').getByText('Diberikan', { exact: true }).waitFor()
      const stepName = detail.body.sanction_steps[0].name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      await table.getByText(new RegExp(stepName, "i")).first().waitFor()  // the step as the table names it

      // The reprimand comes only after a year without correction: today it is refused with its article,
      // and no letter exists.
      const next = detail.body.sanction_steps[1]
      if (next?.letter) {
        await page.locator('[data-test=sanction-add]').click()
        await dialog.locator('[data-test=sanction-save]').click()
        await dialog.getByRole('alert').getByText('Pasal 46 ayat (2) huruf b').waitFor()
        await dialog.getByRole('button', { name: 'Batal' }).click()
        await dialog.waitFor({ state: 'hidden' })
        assert.equal(await table.locator('[data-test=sanction-letter]').count(), 0, 'no letter before the official decides')
      }
      await signIn(session)
      await page.goto(findingUrl)
    }
    await screenshot(page, 'compliance-finding')

    await page.locator('[data-test=finding-object]').click()
    await page.waitForURL(appUrl)
    await main().getByRole('heading', { name: APP.name }).waitFor()
  })

  step('fixing the record in the Data tab and evaluating again resolves the finding', async () => {
    const me = await apiCall('GET', '/api/auth/me')
    const domain = me.body.tenant.domain.effective
    await page.goto(appUrl)
    await openTab('Data')
    const form = page.locator('[data-test=application-data-form]')
    await form.getByLabel('Subdomain').fill(`perizinan-${RUN.toLowerCase()}.${domain}`)
    await form.getByLabel('Alamat layanan (URL)').fill(`https://perizinan-${RUN.toLowerCase()}.${domain}`)
    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/applications/${appId}`) && r.request().method() === 'PATCH')
    await form.locator('[data-test=application-data-save]').click()
    assert.equal((await saved).status(), 200)
    await page.getByText('Perubahan tersimpan.').first().waitFor()

    await go('/kepatuhan')
    await page.locator('[data-test=compliance-evaluate]').click()
    await page.locator('[data-test=evaluation-result]').waitFor()
    const after = await apiCall('GET', `/api/compliance/findings/${finding.id}`)
    if (finding.rule.id === 'BPN-13-1') assert.equal(after.body.state, 'resolved', 'a subdomain of the Pemda domain resolves the finding')
    await go(`/kepatuhan/temuan/${finding.id}`)
    await page.locator('[data-test=finding-state]').getByText(after.body.state === 'resolved' ? 'Selesai' : 'Terbuka').waitFor()
  })

  step('another finding of the application is waived with a reason', async () => {
    const detail = await apiCall('GET', `/api/applications/${appId}`)
    const other = detail.body.findings.find((f) => f.state === 'open')
    assert.ok(other, 'the application still has an open finding (contact e-mail, hosting, …)')
    await page.goto(`${appUrl}?tab=temuan`)
    await page.locator('[data-test=finding-table] [data-test=finding-link]', { hasText: other.rule.title }).first().click()
    await page.waitForURL(/\/kepatuhan\/temuan\//)
    const findingUrl = page.url()
    await signIn(session, { username: SEKDA, password: server.colleaguePassword })
    await page.goto(findingUrl)
    await page.locator('[data-test=finding-waive]').click()
    const dialog = page.locator('[data-test=waive-dialog]').locator('xpath=ancestor-or-self::div[contains(@class, "el-dialog")]').first()
    await dialog.locator('[data-test=waive-save]').click()
    await dialog.getByText('Alasan pengecualian wajib diisi').waitFor() // the reason is required
    await dialog.getByLabel('Alasan pengecualian').fill(`Migrasi ke Pusat Data dijadwalkan triwulan depan (${RUN}).`)
    await dialog.locator('[data-test=waive-save]').click()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator('[data-test=finding-state]').getByText('Dikecualikan').waitFor()
    await main().getByText(`Migrasi ke Pusat Data dijadwalkan triwulan depan (${RUN}).`).waitFor()
    await signIn(session)
  })

  step('the list finds the application by its code, with its stage and open findings; filters by stage', async () => {
    await go('/aplikasi')
    await page.getByLabel('Cari').fill(APP.code)
    const row = page.locator('[data-test=application-table] .el-table__row', { hasText: APP.name })
    const live = options.stages.find((s) => s.id === 'pemeliharaan').name
    await row.locator('[data-test=stage-tag]').getByText(live).waitFor()
    assert.match(await row.innerText(), /\b[1-9]\d*\b/, 'the open findings badge counts the finding')
    await choose('Tahap', live)
    await row.waitFor()
    await choose('Tahap', options.stages[0].name)
    await row.waitFor({ state: 'detached' })
  })

  step('the inventory import checks a file first: a bad row is listed and nothing is imported', async (t) => {
    const template = await page.evaluate(async () => {
      const res = await fetch('/api/applications/import/template.csv')
      return { status: res.status, text: await res.text() }
    })
    if (template.status === 404) return t.skip('the server does not offer /api/applications/import yet')
    assert.equal(template.status, 200)
    const header = template.text.replace(/^\ufeff/, '').split(/\r?\n/)[0]
    const sep = header.includes(';') ? ';' : ','
    const columns = header.split(sep)
    // The template's columns are Indonesian (kode, nama, kode_pd, kategori, tahap, …): an unknown category.
    const value = { kode: `APL.BAD.${RUN}`, nama: `Baris Salah ${RUN}`, kode_pd: 'DISKOMINFO', kategori: 'kategori_tidak_ada' }
    const bad = columns.map((c) => value[c] ?? '').join(sep)
    const file = join(dir, 'aplikasi-salah.csv')
    writeFileSync(file, `\ufeff${header}\r\n${bad}\r\n`)

    await go('/aplikasi')
    await page.locator('[data-test=app-import]').click()
    assert.equal(await page.locator('[data-test=app-import-template]').getAttribute('href'), '/api/applications/import/template.csv')
    await page.locator('[data-test=app-import-file]').setInputFiles(file)
    await page.locator('[data-test=app-import-check]').click()
    await page.locator('[data-test=app-import-problems] .el-table__row').first().waitFor()
    assert.equal(await page.locator('[data-test=app-import-run]').count(), 0, 'no import while there are problems')
    const dialog = page.locator('[data-test=app-import-dialog]').locator('xpath=ancestor-or-self::div[contains(@class, "el-dialog")]').first()
    await dialog.getByRole('button', { name: 'Batal' }).click()
  })

  step('the dashboard shows open and overdue findings; the compliance page in English', async () => {
    await go('/')
    const card = page.locator('[data-test=compliance-status]')
    await card.locator('[data-test=compliance-open]').waitFor()
    await go('/kepatuhan')
    await page.locator('[data-test=lang-en]').click()
    await main().getByRole('heading', { name: 'Regulation compliance' }).waitFor()
    await page.locator('[data-test=lang-id]').click()
    await main().getByRole('heading', { name: 'Kepatuhan Regulasi' }).waitFor()
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page')
  })
})
