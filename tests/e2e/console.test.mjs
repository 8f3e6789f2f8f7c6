// End-to-end scenarios of the console against the real server binary:
// sign in, create an agency, staff a team position, see both in the ledger, verify the chain,
// export a table, switch to English, and be sent back to sign-in when the session ends.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { before, describe } from 'node:test'
import { screenshot } from './browser.mjs'
import { consoleSession, pageHelpers, scenarioSteps, signIn } from './scenario.mjs'
// A code that cannot collide with demo data; agency codes are upper-cased by the server.
const AGENCY_CODE = `UJI${Date.now().toString(36).toUpperCase().slice(-5)}`
const AGENCY_NAME = `Dinas Uji Coba Otomatis ${AGENCY_CODE}`

describe('Simpul console', { timeout: 240_000 }, () => {
  const session = consoleSession()
  const step = scenarioSteps(session)
  const { go, main, selectBox, choose, apiCall } = pageHelpers(session)
  let server
  let page
  let pageErrors
  before(() => ({ server, page, pageErrors } = session))

  step('sign in, land on the dashboard with the Pemda and its regulation', async () => {
    await go('/')
    await page.waitForURL(/\/login\?next=/)
    await screenshot(page, 'login')
    await page.getByLabel('Nama pengguna').fill(server.username)
    await page.getByLabel('Kata sandi', { exact: true }).fill(server.password)
    await page.getByRole('button', { name: 'Masuk', exact: true }).click()
    await page.waitForURL(`${server.url}/`)
    const header = page.locator('[data-test=tenant]')
    await header.getByText('Kota Balikpapan').waitFor()
    await header.getByText('Peraturan Wali Kota Nomor 31 Tahun 2020').waitFor()
    await main().getByRole('heading', { name: 'Beranda' }).waitFor()
    await page.locator('[data-test=dashboard-counts]').waitFor()
    // Placeholder cards say a module will fill the number; they never show one.
    await main().getByText('Belum tersedia — modul Manajemen akan mengisi angka ini.').waitFor()
    await page.locator('canvas').first().waitFor()
    await screenshot(page, 'beranda')
  })

  step('create an agency (Perangkat Daerah)', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Perangkat Daerah' }).click()
    await page.waitForURL(/\/perangkat-daerah$/)
    await page.locator('[data-test=agency-table] .el-table__row').first().waitFor()
    await screenshot(page, 'perangkat-daerah')

    // Sorting works from the keyboard: the header is a tab stop and Enter re-sorts on the server.
    const codeHeader = page.locator('[data-test=agency-table] th.is-sortable').first()
    assert.equal(await codeHeader.getAttribute('aria-sort'), 'ascending')
    const sorted = page.waitForResponse((r) => r.url().includes('/api/agencies?') && r.url().includes('order=desc'))
    await codeHeader.focus()
    await page.keyboard.press('Enter')
    await sorted
    await page.waitForFunction(() => document.querySelector('[data-test=agency-table] th.is-sortable')?.getAttribute('aria-sort') === 'descending')

    await page.locator('[data-test=agency-create]').click()
    const dialog = page.getByRole('dialog', { name: 'Tambah Perangkat Daerah' })
    await dialog.getByLabel('Kode').fill(AGENCY_CODE)
    await dialog.getByLabel('Nama singkat').fill('Uji Coba')
    await dialog.getByLabel('Nama', { exact: true }).fill(AGENCY_NAME)
    await choose('Jenis', 'Dinas Daerah', dialog)
    await dialog.getByLabel('Jabatan kepala').fill('Kepala Dinas')
    await dialog.locator('[data-test=agency-save]').click()

    // The save and the detail page's first load share a busy two-core CI machine with the server.
    await page.waitForURL(/\/perangkat-daerah\/[^/]+$/, { timeout: 60000 })
    await main().getByRole('heading', { name: AGENCY_NAME }).waitFor()
    await main().getByText(AGENCY_CODE, { exact: true }).waitFor()
    await screenshot(page, 'perangkat-daerah-rincian')
  })

  step('refusing to delete an agency in use shows the server message', async () => {
    await go('/perangkat-daerah')
    await page.getByLabel('Cari').fill('DISKOMINFO')
    await main().getByRole('link', { name: /Dinas Komunikasi dan Informatika/ }).click()
    await page.locator('[data-test=agency-delete]').click()
    await page.getByRole('dialog').getByRole('button', { name: 'Hapus' }).click()
    await main().getByText('Perangkat Daerah tidak dapat dihapus').waitFor()
    await main().getByText('Perangkat Daerah masih dipakai oleh pengguna, tim, elemen arsitektur atau program.').waitFor()
  })

  let memberName
  step('add a user to a team position', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Tim' }).click()
    await page.waitForURL(/\/tim$/)
    const card = page.locator('[data-test=team-tim_koordinasi]')
    await card.waitFor()
    await card.locator('[data-test=add-member-tim_koordinasi]').click()
    const dialog = page.getByRole('dialog', { name: /Tambah anggota/ })
    await selectBox('Pengguna', dialog).click()
    const firstUser = page.getByRole('option').first()
    await firstUser.waitFor()
    memberName = (await firstUser.innerText()).split(' — ')[0].trim()
    await firstUser.click()
    await choose('Jabatan', 'Anggota Tim Evaluator Internal', dialog)
    await dialog.locator('[data-test=member-save]').click()
    await dialog.waitFor({ state: 'hidden' })
    const members = card.locator('[data-test=members-tim_koordinasi]')
    await members.getByRole('cell', { name: memberName, exact: true }).waitFor()
    await members.getByRole('cell', { name: 'Anggota Tim Evaluator Internal' }).waitFor()
    await screenshot(page, 'tim')
  })

  step('the ledger shows both changes, and the chain verifies', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Jejak Audit' }).click()
    await page.waitForURL(/\/jejak-audit$/)
    const table = page.locator('[data-test=ledger-table]')
    await table.getByText('agency.create', { exact: true }).first().waitFor()
    await table.getByText('team.member_add', { exact: true }).first().waitFor()
    await table.getByText('Menambah anggota tim').first().waitFor()

    await page.locator('[data-test=ledger-verify]').click()
    const ok = page.locator('[data-test=verify-ok]')
    await ok.waitFor()
    assert.match(await ok.innerText(), /Rantai jejak audit utuh/)
    await screenshot(page, 'jejak-audit')
  })

  step('export the agency table as CSV and XLSX', async () => {
    await go('/perangkat-daerah')
    await page.getByLabel('Cari').fill(AGENCY_CODE)
    await main().getByRole('link', { name: AGENCY_NAME }).waitFor()

    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=export-csv]').click()])
    assert.match(csv.suggestedFilename(), /^perangkat-daerah-\d{4}-\d{2}-\d{2}\.csv$/)
    const text = readFileSync(await csv.path(), 'utf8')
    assert.ok(text.includes(AGENCY_NAME), `CSV lacks the new agency:\n${text}`)
    assert.ok(text.includes(AGENCY_CODE))

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=export-xlsx]').click()])
    assert.match(xlsx.suggestedFilename(), /^perangkat-daerah-\d{4}-\d{2}-\d{2}\.xlsx$/)
    const bytes = readFileSync(await xlsx.path())
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX file is a ZIP archive')
  })

  step('users, roles and the regulation screens show real data', async () => {
    await go('/pengguna')
    await page.locator('[data-test=user-table] .el-table__row').first().waitFor()
    await screenshot(page, 'pengguna')
    await main().getByRole('tab', { name: 'Peran', exact: true }).click()
    await page.locator('[data-test=role-table]').getByText('Administrator Pemda').waitFor()
    // Permissions by their labels, not their codes (issue 20 item 6).
    await page.locator('[data-test=role-table]').getByText('Membaca layanan dan konsumen Penghubung Layanan').first().waitFor()
    assert.equal(await page.locator('[data-test=role-permissions]').getByText('gateway.read', { exact: true }).count(), 0)

    await go('/regulasi')
    await page.locator('[data-test=regulation-meta]').getByText('balikipapan', { exact: false }).first().waitFor()
    await main().getByText('BAB I — KETENTUAN UMUM').waitFor()
    await screenshot(page, 'regulasi')
    await page.getByLabel('Cari ketentuan (pasal, isi, kode)').fill('BPN-42-1')
    await main().getByText('Pasal 42 ayat (1)', { exact: true }).first().waitFor()

    // Rule summaries and parties in the reader's language (issue 20 item 6): the profile states both.
    const row = page.locator('.el-table__row', { hasText: 'Pasal 42 ayat (1)' }).first()
    await row.locator('[data-test=rule-what]').getByText('Wali Kota membentuk Tim Koordinasi SPBE', { exact: false }).waitFor()
    assert.equal(await main().getByText('The Wali Kota forms the Tim Koordinasi SPBE', { exact: false }).count(), 0)
    await page.getByLabel('Cari ketentuan (pasal, isi, kode)').fill('BPN-01-6')
    const definition = page.locator('.el-table__row', { hasText: 'Pasal 1 angka 6' }).first()
    await definition.locator('[data-test=rule-who]').getByText('Wali Kota (penetap peraturan ini)').waitFor()
    assert.equal(await main().getByText('(regulation)', { exact: false }).count(), 0)
    await main().getByText('sesuai aslinya', { exact: false }).waitFor()  // the note on the text, too
    await page.locator('[data-test=lang-en]').click()
    await page.getByLabel('Search rules (article, text, id)').fill('BPN-42-1')
    const rowEn = page.locator('.el-table__row', { hasText: 'Pasal 42 ayat (1)' }).first()
    await rowEn.locator('[data-test=rule-what]').getByText('The Wali Kota forms the Tim Koordinasi SPBE', { exact: false }).waitFor()
    assert.equal(await main().getByText('Wali Kota membentuk Tim Koordinasi SPBE', { exact: false }).count(), 0)
    await page.locator('[data-test=lang-id]').click()
    // The search stays as it was across the switch; cleared, every chapter is listed again.
    await page.getByLabel('Cari ketentuan (pasal, isi, kode)').fill('')
    await main().getByText('BAB I — KETENTUAN UMUM').waitFor()
  })

  step('a new approver waits for the Sekda, who confirms it; the administrator revokes a token; a password is changed', async () => {
    const username = `asisten.${AGENCY_CODE.toLowerCase()}`
    const password = `Sandi-Asisten-${AGENCY_CODE}`
    const created = await apiCall('POST', '/api/users', { must_change_password: false, username, display_name: `Asisten Sekda ${AGENCY_CODE}`, password, roles: ['approver'] })
    assert.equal(created.status, 201, JSON.stringify(created.body))
    assert.deepEqual(created.body.pending_roles, ['approver'])
    await go('/pengguna')
    await page.getByLabel('Cari').fill(username)
    await page.locator('[data-test=user-table] [data-test=pending-role]').getByText('menunggu konfirmasi', { exact: false }).waitFor()
    await main().getByRole('tab', { name: 'Pemberian peran' }).click()
    const row = page.locator('[data-test=role-grant-table] .el-table__row', { hasText: `Asisten Sekda ${AGENCY_CODE}` })
    await row.getByText('Menunggu pemberi persetujuan lain').waitFor()  // not the administrator's to decide
    assert.equal(await row.locator('[data-test=role-grant-confirm]').count(), 0)

    // The new user's own token, later revoked by the administrator.
    const userPage = await session.browser.newPage()
    await signIn(session, { username, password, page: userPage })
    const token = await apiCall('POST', '/api/auth/tokens', { name: `Integrasi ${AGENCY_CODE}`, expires_in_days: 30 }, userPage)
    assert.equal(token.status, 201, JSON.stringify(token.body))

    await signIn(session, { username: 'sekda', password: server.colleaguePassword })
    await go('/pengguna')
    await main().getByRole('tab', { name: 'Pemberian peran' }).click()
    const pending = page.locator('[data-test=role-grant-table] .el-table__row', { hasText: `Asisten Sekda ${AGENCY_CODE}` })
    await pending.locator('[data-test=role-grant-confirm]').click()
    const dialog = page.getByRole('dialog', { name: 'Konfirmasi pemberian peran' })
    await dialog.getByLabel('Catatan (mis. nomor keputusan pengangkatan)').fill('Keputusan Wali Kota Nomor 100.3.3.2/45/2026')
    await dialog.locator('[data-test=role-grant-save]').click()
    await dialog.waitFor({ state: 'hidden' })
    await pending.locator('[data-test=role-grant-state]').getByText('Dikonfirmasi').waitFor()
    await screenshot(page, 'role-grants')

    await signIn(session)
    await go('/pengguna')
    await main().getByRole('tab', { name: 'Token akses' }).click()
    const tokenRow = page.locator('[data-test=token-table] .el-table__row', { hasText: `Integrasi ${AGENCY_CODE}` })
    await tokenRow.getByText(username).waitFor()
    await tokenRow.locator('[data-test=token-revoke]').click()
    await page.getByRole('dialog').getByRole('button', { name: 'Cabut' }).click()
    await tokenRow.waitFor({ state: 'detached' })
    const machine = await userPage.evaluate(async (t) => (await fetch('/api/agencies', { headers: { Authorization: `Bearer ${t}` } })).status, token.body.token)
    assert.equal(machine, 401, 'the revoked token no longer opens the API')

    // The new user changes their own password from the user menu.
    await userPage.locator('[data-test=user-menu]').click()
    await userPage.locator('[data-test=change-password]').click()
    const pw = userPage.getByRole('dialog', { name: 'Ganti kata sandi' })
    await pw.getByLabel('Kata sandi sekarang').fill(password)
    await pw.getByLabel('Kata sandi baru', { exact: true }).fill(`${password}-baru`)
    await pw.getByLabel('Ulangi kata sandi baru').fill(`${password}-baru`)
    await pw.locator('[data-test=password-save]').click()
    await userPage.getByText('Kata sandi diganti.').waitFor()
    await userPage.close()
  })

  step('switch to English and keep the choice', async () => {
    await go('/')
    await page.locator('[data-test=lang-en]').click()
    await main().getByRole('heading', { name: 'Home' }).waitFor()
    await page.getByRole('navigation').getByRole('link', { name: 'Agencies (Perangkat Daerah)' }).waitFor()
    await page.getByRole('navigation').getByText('coming soon').first().waitFor()
    await page.reload()
    await main().getByRole('heading', { name: 'Home' }).waitFor()
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en')
    await screenshot(page, 'home-en')
    await page.locator('[data-test=lang-id]').click()
    await main().getByRole('heading', { name: 'Beranda' }).waitFor()
  })

  step('an ended session sends the user to sign in, then back', async () => {
    await go('/tim')
    await page.locator('[data-test=team-tim_koordinasi]').waitFor()
    await page.context().clearCookies()
    await page.getByRole('navigation').getByRole('link', { name: 'Jejak Audit' }).click()
    await page.waitForURL(/\/login\?next=(%2F|\/)jejak-audit&expired=1$/)
    await page.locator('[data-test=session-expired]').waitFor()
    await page.getByLabel('Nama pengguna').fill(server.username)
    await page.getByLabel('Kata sandi', { exact: true }).fill(server.password)
    await page.getByRole('button', { name: 'Masuk', exact: true }).click()
    await page.waitForURL(/\/jejak-audit$/)
  })

  step('sign out from the user menu', async () => {
    await page.locator('[data-test=user-menu]').click()
    await page.locator('[data-test=logout]').click()
    await page.waitForURL(/\/login/)
    await go('/')
    await page.waitForURL(/\/login\?next=/)
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page')
  })
})
