// End-to-end scenarios of Evaluasi SPBE against the real server binary: the administrator creates a
// period in the console and puts two assessors (created through the API with the 'assessor' role)
// into its team; data entry fills an indicator (level, explanation, an evidence file) and submits
// it, and sees no approve button; the penanggung jawab returns it with a note, which data entry
// reads in the indicator's thread before resubmitting; the penanggung jawab approves it. The period
// page counts one approved indicator, the what-if shows a higher simulated index, the PDF report is
// a PDF. A framework correction with a wrong weight is refused with the loader's reason; a correct
// one becomes version 2.
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { before, describe } from 'node:test'
import { screenshot } from './browser.mjs'
import { consoleSession, pageHelpers, scenarioSteps, signIn, TIMEOUT } from './scenario.mjs'

const RUN = Date.now().toString(36).toUpperCase().slice(-5)
// 59/2020 (level = answer) is the framework in force for 2025; 8/2026 takes over in 2026.
const YEAR = 2025
const DATA_ENTRY = { username: `entri_${RUN.toLowerCase()}`, display_name: `Pelaksana Entri ${RUN}`, password: `Rahasia-Entri-${RUN}-2026` }
const REVIEWER = { username: `validasi_${RUN.toLowerCase()}`, display_name: `Penanggung Jawab ${RUN}`, password: `Rahasia-Validasi-${RUN}-2026` }
const RETURN_NOTE = `Lampirkan SK tim dan jelaskan cakupan kebijakan (${RUN}).`

describe('Evaluasi SPBE', { timeout: 420_000 }, () => {
  const session = consoleSession({ tempDir: 'simpul-eval-e2e-' })
  const step = scenarioSteps(session)
  const { go, main, selectBox, apiCall } = pageHelpers(session)
  let server
  let page
  let pageErrors
  let dir
  before(() => ({ server, page, pageErrors, dir } = session))

  let periodId
  let periodUrl
  let indicator // the first indicator of the period's framework
  let other // another one, for the what-if
  const contexts = {}

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

  const workspaceUrl = () => `${server.url}/evaluasi/periode/${periodId}/indikator/${indicator.id}`
  const answerState = (p) => p.locator('[data-test=answer-panel] [data-test=answer-state]')

  step('sign in; the menu opens Evaluasi SPBE with the article that requires it', async () => {
    await signIn(session)
    const options = await apiCall('GET', '/api/evaluation/options')
    assert.equal(options.status, 200, JSON.stringify(options.body))
    await page.getByRole('navigation').getByRole('link', { name: 'Evaluasi SPBE' }).click()
    await page.waitForURL(/\/evaluasi(\?|$)/)
    await main().getByRole('heading', { name: 'Evaluasi SPBE', exact: true }).waitFor()
    if (options.body.rule) {
      const basis = page.locator('[data-test=evaluation-basis]')
      await basis.getByText(options.body.rule.citation).waitFor()
      if (options.body.report_to) await basis.getByText(`hasil dilaporkan kepada ${options.body.report_to}`).waitFor()
    }
  })

  step('two assessors are created through the API (role assessor)', async () => {
    for (const u of [DATA_ENTRY, REVIEWER]) {
      const created = await apiCall('POST', '/api/users', {
        must_change_password: false,
        username: u.username,
        display_name: u.display_name,
        email: `${u.username}@balikpapan.go.id`,
        roles: ['assessor'],
        password: u.password,
      })
      assert.equal(created.status, 201, JSON.stringify(created.body))
      u.id = created.body.id
    }
  })

  step(`create the ${YEAR} period for the Pemda; the framework in force for the year is proposed`, async () => {
    await page.locator('[data-test=period-create]').click()
    const dialog = page.getByRole('dialog', { name: 'Buat periode' })
    const year = dialog.getByLabel('Tahun', { exact: true })
    await year.fill(String(YEAR))
    await year.blur()
    await dialog.getByText(`Yang berlaku untuk tahun ${YEAR}: Indeks SPBE (PermenPANRB 59/2020)`).waitFor()
    await dialog.locator('[data-test=period-save]').click()
    await page.waitForURL(/\/evaluasi\/periode\/[^/?]+$/)
    periodUrl = page.url()
    periodId = new URL(periodUrl).pathname.split('/').pop()
    await main().getByRole('heading', { name: `Penilaian Mandiri SPBE ${YEAR}` }).waitFor()
    await page.locator('[data-test=period-framework]').getByText('Indeks SPBE (PermenPANRB 59/2020) · v1').waitFor()
    await page.locator('[data-test=period-state]').getByText('Terbuka').waitFor()

    const detail = await apiCall('GET', `/api/evaluation/periods/${periodId}`)
    assert.equal(detail.status, 200)
    assert.equal(detail.body.framework.id, 'spbe-2020')
    ;[indicator, other] = detail.body.indicators
  })

  step('the assessor team is set in the console: data entry, penanggung jawab and the administrator as koordinator', async () => {
    await main().getByRole('tab', { name: 'Tim Asesor' }).click()
    const form = page.locator('[data-test=member-form]')
    const me = await apiCall('GET', '/api/auth/me')
    const members = [
      [DATA_ENTRY.display_name, 'Pelaksana Data Entri'],
      [REVIEWER.display_name, 'Penanggung Jawab'],
      [me.body.user.display_name, 'Koordinator'],
    ]
    for (const [name, role] of members) {
      await selectBox('Pengguna', form).click()
      await page.keyboard.type(name)
      await page.getByRole('option').filter({ hasText: name }).first().click()
      // The chosen person shows in the box before the role is chosen (the list may still be refreshing).
      await form.locator('[data-test=member-user]').getByText(name).first().waitFor()
      await selectBox('Peran', form).click()
      await page.getByRole('option', { name: role, exact: true }).click()
      await form.locator('[data-test=member-add]:not([disabled])').click()
      await page.locator('[data-test=member-table] .el-table__row', { hasText: name }).filter({ hasText: role }).waitFor()
    }
    await page.locator('[data-test=my-roles]').getByText('Koordinator').waitFor()
    // Nothing is approved yet: locking is offered to the koordinator, but disabled with the reason.
    assert.equal(await page.locator('[data-test=period-submit]').isDisabled(), true)
    await page.locator('[data-test=submit-hint]').getByText('baru 0 dari').waitFor()
  })

  step('data entry fills the indicator (level, explanation, an evidence file) and submits it; there is no approve button', async () => {
    const p = await pageOf(DATA_ENTRY)
    await p.goto(`${periodUrl}?tab=indikator`)
    await p.locator(`[data-test=indicator-link-${indicator.id}]`).click()
    await p.waitForURL(/\/indikator\//)
    await p.getByRole('heading', { name: `Indikator ${indicator.number}. ${indicator.name}` }).waitFor()
    await p.locator('[data-test=workspace-roles]').getByText('Pelaksana Data Entri').waitFor()
    await p.locator('[data-test=level-criteria] [data-test=level-1]').waitFor()
    assert.equal(await p.locator('[data-test=answer-approve]').count(), 0, 'data entry sees no Setujui')

    await p.locator('[data-test=answer-level-3]').click()
    await p.locator('[data-test=level-criteria] [data-test=level-3]').getByText('Dipilih').waitFor()
    await p.getByLabel('Penjelasan').fill(`Kebijakan internal tata kelola SPBE telah ditetapkan dan diterapkan di seluruh Perangkat Daerah (${RUN}).`)
    await p.locator('[data-test=answer-save]').click()
    await answerState(p).getByText('Draf').waitFor()

    const file = join(dir, `sk-tim-spbe-${RUN}.txt`)
    writeFileSync(file, `Keputusan Wali Kota tentang Tim Koordinasi SPBE (${RUN})\n`)
    await p.locator('[data-test=evidence-file]').setInputFiles(file)
    await p.locator('[data-test=evidence-upload]').click()
    await p.locator('[data-test=evidence-table] [data-test=evidence-download]', { hasText: `sk-tim-spbe-${RUN}.txt` }).waitFor()

    await p.locator('[data-test=answer-submit]').click()
    await answerState(p).getByText('Diajukan').waitFor()
    await p.locator('[data-test=waiting-review]').waitFor()
    assert.equal(await p.locator('[data-test=answer-approve]').count(), 0, 'data entry still sees no Setujui')
    assert.equal(await p.locator('[data-test=answer-return]').count(), 0)
  })

  step('the penanggung jawab returns it with a note; the note is required', async () => {
    const p = await pageOf(REVIEWER)
    await p.goto(workspaceUrl())
    await answerState(p).getByText('Diajukan').waitFor()
    await p.locator('[data-test=answer-explanation-text]').getByText(RUN).waitFor()
    await p.locator('[data-test=answer-return]').click()
    await p.getByText('Tulis catatan yang menjelaskan apa yang perlu diperbaiki.').waitFor()
    await p.getByLabel('Catatan untuk pengisi').fill(RETURN_NOTE)
    await p.locator('[data-test=answer-return]').click()
    await answerState(p).getByText('Dikembalikan').waitFor()
  })

  step('data entry sees the note in the thread and resubmits', async () => {
    const p = await pageOf(DATA_ENTRY)
    await p.goto(workspaceUrl())
    await answerState(p).getByText('Dikembalikan').waitFor()
    await p.locator('[data-test=return-note]').getByText(RETURN_NOTE).waitFor()
    await p.locator('[data-test=comment-thread] [data-test=comment]', { hasText: RETURN_NOTE }).getByText(REVIEWER.display_name).waitFor()
    await p.getByLabel('Tulis komentar').fill('SK tim sudah dilampirkan; cakupan kebijakan dijelaskan.')
    await p.locator('[data-test=comment-post]').click()
    await p.locator('[data-test=comment-thread] [data-test=comment]', { hasText: 'SK tim sudah dilampirkan' }).waitFor()
    await p.locator('[data-test=answer-submit]').click()
    await answerState(p).getByText('Diajukan').waitFor()
  })

  step('the penanggung jawab approves it', async () => {
    const p = await pageOf(REVIEWER)
    await p.goto(workspaceUrl())
    await answerState(p).getByText('Diajukan').waitFor()
    await p.locator('[data-test=answer-approve]').click()
    await answerState(p).getByText('Disetujui').waitFor()
    await p.locator('[data-test=level-criteria] [data-test=level-3]').getByText('Dipilih').waitFor()
    await screenshot(p, 'evaluation-workspace')
  })

  step('the period page shows one approved indicator and the index it gives', async () => {
    await page.goto(periodUrl)
    await page.locator('[data-test=period-progress]').getByText(/^1 dari \d+ indikator disetujui/).waitFor()
    const detail = await apiCall('GET', `/api/evaluation/periods/${periodId}`)
    assert.ok(detail.body.result.index > 0, 'the approved level counts')
    const shown = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(detail.body.result.index)
    await page.locator('[data-test=period-summary] [data-test=period-index]').getByText(shown, { exact: true }).waitFor()
    const aspect = detail.body.result.aspects.find((a) => a.id === indicator.aspect_id)
    assert.equal(aspect.approved, 1)
    await page.locator('[data-test=aspect-progress] .el-table__row', { hasText: aspect.name }).getByText(`1 diisi, 1 disetujui dari ${aspect.indicators}`).waitFor()
    await page.locator('[data-test=aspect-radar] canvas').waitFor()
    await page.locator('[data-test=domain-bars] canvas').waitFor()
    assert.equal(await page.locator('[data-test=period-submit]').isDisabled(), true, 'not every indicator is approved')
    await screenshot(page, 'evaluation-period')

    await main().getByRole('tab', { name: 'Indikator' }).click()
    await page.locator('[data-test=indicator-table] .el-table__row', { hasText: indicator.name }).getByText('Disetujui').waitFor()
  })

  step('the what-if shows a higher simulated index', async () => {
    await main().getByRole('tab', { name: 'Simulasi' }).click()
    const form = page.locator('[data-test=whatif-form]')
    await selectBox('Indikator', form).click()
    await page.keyboard.type(other.name.slice(0, 20))
    await page.getByRole('option', { name: `${other.number}. ${other.name}`, exact: true }).click()
    await selectBox('Tingkat yang dituju', form).click()
    await page.getByRole('option', { name: /^5 — / }).click()
    const answered = page.waitForResponse((r) => r.url().endsWith(`/api/evaluation/periods/${periodId}/what-if`))
    await form.locator('[data-test=whatif-run]').click()
    const res = await answered
    assert.equal(res.status(), 200)
    const body = await res.json()
    assert.ok(body.index > body.base_index, `simulated ${body.index} > current ${body.base_index}`)
    const result = page.locator('[data-test=whatif-result]')
    const fmt = (n) => new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n)
    await result.locator('[data-test=whatif-index]').getByText(fmt(body.index), { exact: true }).waitFor()
    await result.locator('[data-test=whatif-base]').getByText(fmt(body.base_index), { exact: true }).waitFor()
    assert.match(await result.locator('[data-test=whatif-delta]').innerText(), /^\+\d+,\d\d$/)
  })

  step('the report link answers with a PDF; the answers export with XLSX', async () => {
    const href = await page.locator('[data-test=report-pdf]').getAttribute('href')
    assert.equal(href, `/api/evaluation/periods/${periodId}/report`)
    const answer = await page.evaluate(async (url) => {
      const res = await fetch(url)
      const bytes = new Uint8Array(await res.arrayBuffer())
      return { status: res.status, type: res.headers.get('Content-Type'), magic: String.fromCharCode(...bytes.slice(0, 5)) }
    }, href)
    assert.equal(answer.status, 200)
    assert.match(answer.type, /^application\/pdf/)
    assert.equal(answer.magic, '%PDF-')
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=report-xlsx]').click()])
    assert.match(download.suggestedFilename(), /\.xlsx$/)
  })

  step('the dashboard card shows the period with its progress', async () => {
    await go('/')
    const card = page.locator('[data-test=evaluation-status]')
    await card.locator('[data-test=evaluation-card-progress]').getByText(/^1 dari \d+ indikator disetujui$/).waitFor()
    await card.locator('[data-test=evaluation-card-index]').click()
    await page.waitForURL(periodUrl)
  })

  step('league and year comparison pages open', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Peringkat & Perbandingan' }).click()
    await page.waitForURL(/\/evaluasi\/peringkat/)
    await page.locator('[data-test=history-table] .el-table__row', { hasText: String(YEAR) }).waitFor()
    await page.locator('[data-test=history-chart] canvas').waitFor()
  })

  step('a framework correction: a weight that breaks the sum is refused with the reason; a criteria text becomes version 2', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Kerangka Penilaian' }).click()
    await page.waitForURL(/\/evaluasi\/kerangka/)
    await page.locator('[data-test=framework-spbe-2020-v1]').click()
    await page.locator('[data-test=framework-meta]').getByText('Indeks SPBE (PermenPANRB 59/2020)').first().waitFor()
    await page.locator('[data-test=framework-correct]').click()
    const editor = page.locator('[data-test=framework-editor]').locator('xpath=ancestor-or-self::div[contains(@class, "el-dialog")]').first()
    await editor.locator(`[data-test=framework-indicator-${indicator.id}]`).click()
    const weight = editor.getByLabel('Bobot', { exact: true })
    await weight.fill('99')
    await weight.blur()
    await editor.getByLabel('Catatan koreksi').fill(`Uji bobot yang salah (${RUN})`)
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/evaluation/frameworks/spbe-2020/versions'))
    await editor.locator('[data-test=framework-save]').click()
    const res = await refused
    assert.equal(res.status(), 422)
    const body = await res.json()
    assert.equal(body.error.code, 'evaluation.framework_invalid')
    await editor.locator('[data-test=framework-problem]').getByText(body.error.details.problem.split('\n')[0].slice(0, 40)).waitFor()

    await weight.fill(String(indicator.weight))
    await weight.blur()
    await editor.getByLabel(/^Tingkat 1 — /).fill(`Kebijakan belum ada atau masih berupa konsep (${RUN}).`)
    await editor.getByLabel('Catatan koreksi').fill(`Kriteria tingkat 1 dari lampiran resmi (${RUN})`)
    await editor.locator('[data-test=framework-save]').click()
    await page.getByText('Versi 2 tersimpan.').waitFor()
    await page.locator('[data-test=framework-spbe-2020-v2]').waitFor()
    // The period keeps the version it was created with.
    const detail = await apiCall('GET', `/api/evaluation/periods/${periodId}`)
    assert.equal(detail.body.framework_version, 1)
  })

  step('the evaluation page in English', async () => {
    await go('/evaluasi')
    await page.locator('[data-test=lang-en]').click()
    await main().getByRole('heading', { name: 'SPBE evaluation', exact: true }).waitFor()
    await page.locator('[data-test=lang-id]').click()
    await main().getByRole('heading', { name: 'Evaluasi SPBE', exact: true }).waitFor()
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the pages')
  })
})
