// Issue 20, small items, in the browser (Balikpapan demo tenant): a finding's row in Kepatuhan
// Regulasi says what resolves it, links to that screen and offers the finding page's waiver with
// its dialog to whoever may waive (the Sekda); the regulation's sanction steps are named in the reader's language (English too);
// an administrator forces another account's password change from the user dialog — the list
// shows it and the holder is sent to "Ganti kata sandi" — and cannot do it on their own account.
import assert from 'node:assert/strict'
import { before, describe } from 'node:test'
import { consoleSession, pageHelpers, scenarioSteps, signIn } from './scenario.mjs'

const RUN = Date.now().toString(36).slice(-5)
const HOLDER = { username: `staf.lupa.${RUN}`, display_name: `Staf Lupa ${RUN}`, password: 'sandi-staf-lupa-1' }

describe('Issue 20: resolve from the findings table, sanction steps in English, the forced password change', { timeout: 300_000 }, () => {
  const session = consoleSession()
  const step = scenarioSteps(session)
  const { go, main, apiCall } = pageHelpers(session)
  let page
  let pageErrors
  before(() => ({ page, pageErrors } = session))

  step('a finding\'s row says what resolves it, links there, and offers the waiver dialog', async () => {
    await signIn(session)
    const evaluated = await apiCall('POST', '/api/compliance/evaluate')
    assert.equal(evaluated.status, 200, JSON.stringify(evaluated.body))
    const open = await apiCall('GET', '/api/compliance/findings?state=open&per_page=200')
    const withRemedy = open.body.items.filter((f) => f.resolve)
    assert.ok(withRemedy.length >= 2, 'the demo has open findings with a remedy')
    await go('/kepatuhan')
    const table = main().locator('[data-test=finding-table]')
    const first = table.locator('.el-table__row', { has: page.locator('[data-test=finding-row-resolve]') }).first()
    await first.waitFor()
    const link = first.locator('[data-test=finding-row-resolve-link]')
    assert.match(await link.innerText(), /^Buka .+ →$/)
    const target = await link.getAttribute('href')
    assert.ok(withRemedy.some((f) => f.resolve.link === target), `the link is the finding's own remedy: ${target}`)

    // The waiver from the row: the same permission (the Sekda's, not the administrator's), the same
    // dialog, and the reason is required.
    assert.equal(await table.locator('[data-test=finding-row-waive]').count(), 0, 'the administrator is not offered the waiver')
    await signIn(session, { username: 'sekda', password: session.server.colleaguePassword })
    await go('/kepatuhan')
    await first.locator('[data-test=finding-row-waive]').click()
    const dialog = page.locator('[data-test=waive-dialog]').locator('xpath=ancestor-or-self::div[contains(@class, "el-dialog")]').first()
    await dialog.locator('[data-test=waive-save]').click()
    await dialog.getByText('wajib diisi', { exact: false }).first().waitFor()
    await dialog.getByLabel('Alasan pengecualian').fill(`Aplikasi dalam migrasi ke Pusat Data, nota dinas ${RUN}`)
    await dialog.locator('[data-test=waive-save]').click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByText('Temuan dikecualikan.').waitFor()
    const waived = await apiCall('GET', '/api/compliance/findings?state=waived&per_page=200')
    const mine = waived.body.items.filter((f) => f.waived_reason?.includes(RUN))
    assert.equal(mine.length, 1)
    // The open list is loaded again without it.
    await table.locator(`a[href="/kepatuhan/temuan/${mine[0].id}"]`).waitFor({ state: 'detached' })
    await table.locator('[data-test=finding-row-resolve-link]').first().click()
    await page.waitForURL((url) => !url.pathname.startsWith('/kepatuhan'))
  })

  step('the sanction steps are named in English in the English view, and in Indonesian again', async () => {
    // A live application outside the Pemda's domain breaks Pasal 13 ayat (1), which Pasal 46 sanctions.
    await signIn(session)
    const agencies = await apiCall('GET', '/api/agencies?per_page=1')
    const csv = 'kode;nama;deskripsi;kode_pd;kategori;tahap;url;subdomain;email;hosting;pembangun;vendor;model_sumber;audit_terakhir;sejenis_aplikasi_umum\r\n' +
      `LUAR-${RUN};Aplikasi Luar ${RUN};;${agencies.body.items[0].code};aplikasi_khusus;pemeliharaan;https://aplikasi-${RUN}.example.com;;;;;;;2026-06-30;tidak\r\n`
    const imported = await page.evaluate(async (text) => {
      const me = await (await fetch('/api/auth/me')).json()
      const res = await fetch('/api/applications/import?dry_run=false', { method: 'POST', headers: { 'Content-Type': 'text/csv', 'X-CSRF-Token': me.csrf_token }, body: text })
      return { status: res.status, body: await res.json() }
    }, csv)
    assert.equal(imported.status, 200, JSON.stringify(imported.body))
    assert.equal((await apiCall('POST', '/api/compliance/evaluate')).status, 200)
    const open = await apiCall('GET', '/api/compliance/findings?state=open&per_page=200')
    let sanctionable = null
    for (const f of open.body.items) {
      const detail = await apiCall('GET', `/api/compliance/findings/${f.id}`)
      if (detail.body.sanction_steps?.length) {
        sanctionable = detail.body
        break
      }
    }
    assert.ok(sanctionable, 'the demo has an open finding the regulation sanctions (Balikpapan Pasal 46)')
    await go(`/kepatuhan/temuan/${sanctionable.id}`)
    await page.locator('[data-test=lang-en]').click()
    const steps = main().locator('[data-test=sanction-step]')
    await steps.first().getByText('Oral warning').waitFor()
    const english = await steps.allInnerTexts()
    assert.ok(english.some((s) => s.includes('Written warning')), english.join(' | '))
    assert.ok(!english.some((s) => /peringatan/i.test(s)), `no Indonesian step name in English: ${english.join(' | ')}`)
    await page.locator('[data-test=lang-id]').click()
    await steps.first().getByText('Peringatan lisan').waitFor()
  })

  step('an administrator forces another account\'s password change; the holder must change it first', async () => {
    await signIn(session)
    const created = await apiCall('POST', '/api/users', { ...HOLDER, roles: ['viewer'], must_change_password: false })
    assert.equal(created.status, 201, JSON.stringify(created.body))
    await go('/pengguna')
    await main().getByLabel('Cari', { exact: true }).fill(HOLDER.username)
    const row = main().locator('[data-test=user-table] .el-table__row', { hasText: HOLDER.username })
    await row.waitFor()
    assert.equal(await row.locator('[data-test=user-must-change-tag]').count(), 0)
    await row.getByRole('button', { name: `Ubah ${HOLDER.display_name}` }).click()
    const form = page.locator('[data-test=user-form]')
    const toggle = form.locator('[data-test=user-must-change]')
    assert.ok(!(await toggle.getAttribute('class')).includes('is-checked'), 'the account was created without the obligation')
    await toggle.click()
    await page.locator('[data-test=user-save]').click()
    await row.locator('[data-test=user-must-change-tag]').getByText('Wajib ganti sandi').waitFor()
    const stored = await apiCall('GET', `/api/users/${created.body.id}`)
    assert.equal(stored.body.must_change_password, true)

    // Not on one's own account: the switch is off limits and says where one's password is changed.
    const me = await apiCall('GET', '/api/auth/me')
    const own = main().locator('[data-test=user-table] .el-table__row', { hasText: me.body.user.username }).first()
    await main().getByLabel('Cari', { exact: true }).fill(me.body.user.username)
    await own.getByRole('button', { name: `Ubah ${me.body.user.display_name}` }).click()
    await form.getByText('Tidak untuk akun Anda sendiri', { exact: false }).waitFor()
    assert.ok((await form.locator('[data-test=user-must-change]').getAttribute('class')).includes('is-disabled'))
    await page.getByRole('button', { name: 'Batal' }).click()

    await signIn(session, { username: HOLDER.username, password: HOLDER.password })
    await page.waitForURL(/\/ganti-kata-sandi/)
    assert.deepEqual(pageErrors, [])
  })
})
