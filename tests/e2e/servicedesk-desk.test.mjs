// The service desk as its people use it (issue 17 item 9, issue 20), against the real server binary
// (Balikpapan demo tenant): the Dinas officer (Level 2 in the demo) writes knowledge base articles;
// a Dinkes staff member (not desk staff) finds the public one — rendered from Markdown — but never
// the one for technicians, opens a ticket and attaches a file (an executable is refused, nothing is
// stored); the Dinkes Level 1 desk filters its queue and takes, starts and resolves tickets in bulk,
// a refused step counted as refused, then escalates the ticket with its article; the Dinas officer
// finds it in the Level 2 queue, downloads the attachment byte for byte, resolves it and makes it a
// knowledge base article; the desk report counts the tickets per PD and tier.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { before, describe } from 'node:test'
import { screenshot } from './browser.mjs'
import { consoleSession, pageHelpers, scenarioSteps, signIn } from './scenario.mjs'

const RUN = Date.now().toString(36).slice(-5)
const STAFF = { username: `staf.dinkes.${RUN}`, password: 'sandi-staf-dinkes-1' }
const PUBLIC_TITLE = `Mengganti toner printer ${RUN}`
const TECH_TITLE = `Mengatur ulang switch lantai 2 ${RUN}`
const PRINTER = `Printer poli gigi tidak mencetak ${RUN}`
const BULK = [`Monitor ruang tunggu mati ${RUN}`, `Keyboard loket rusak ${RUN}`]
const NOTE = `Surat pengantar dari puskesmas ${RUN}\nBaris kedua: ä ü é.\n`

describe('Layanan SPBE: basis pengetahuan, antrean, langkah massal, lampiran, laporan', { timeout: 420_000 }, () => {
  const session = consoleSession()
  const step = scenarioSteps(session)
  const { go, main, selectBox, apiCall } = pageHelpers(session)
  let page
  let pageErrors
  let ticketId = ''
  let ticketUrl = ''
  before(() => ({ page, pageErrors } = session))

  const option = (name) => page.getByRole('option', { name, exact: true })
  const row = (text) => main().locator('[data-test=ticket-table] .el-table__row', { hasText: text })
  /** Ticks a ticket row's selection box (the row itself opens the ticket). */
  const tick = (text) => row(text).locator('.el-checkbox').first().click()
  async function bulk(action, expectOutcome, text) {
    await selectBox('Pilih langkah').click()
    await option(action).click()
    if (text) await main().locator('[data-test=ticket-bulk] input[aria-label="Catatan"]').fill(text)
    await main().locator('[data-test=ticket-bulk-run]').click()
    await main().locator('[data-test=ticket-bulk-outcome]').getByText(expectOutcome).waitFor()
  }

  step('the administrator adds a Dinkes staff member who is not desk staff', async () => {
    await signIn(session)
    const agencies = await apiCall('GET', '/api/agencies?q=Dinas%20Kesehatan&per_page=5')
    const dinkes = agencies.body.items.find((a) => a.code === 'DINKES')
    assert.ok(dinkes, 'the demo has the Dinkes')
    const created = await apiCall('POST', '/api/users', {
      username: STAFF.username, display_name: `Staf Poli Gigi ${RUN}`, password: STAFF.password, roles: ['viewer'], agency_id: dinkes.id, must_change_password: false,
    })
    assert.equal(created.status, 201, JSON.stringify(created.body))
  })

  step('the Dinas officer writes a public article in Markdown, and one for technicians', async () => {
    await signIn(session, { username: 'penelaah.kominfo', password: session.server.colleaguePassword })
    await go('/layanan/pengetahuan')
    await main().getByRole('heading', { name: 'Basis pengetahuan' }).waitFor()
    await main().locator('[data-test=kb-new]').click()
    const form = page.locator('[data-test=kb-form]')
    await form.getByLabel('Judul').fill(PUBLIC_TITLE)
    await form.getByLabel('Isi (Markdown)').fill('Sebelum mengganti:\n\n1. Matikan printer\n2. **Buka** penutup depan\n\nJangan menyentuh *drum*.')
    await page.locator('[data-test=kb-save]').click()
    await page.waitForURL(/\/layanan\/pengetahuan\/[^/]+$/)
    const body = main().locator('[data-test=kb-body]')
    await body.locator('strong', { hasText: 'Buka' }).waitFor()
    assert.equal(await body.locator('ol > li').count(), 2, 'the numbered list is a list')
    assert.ok(!(await body.innerText()).includes('**'), 'no raw Markdown is shown')
    await main().locator('[data-test=kb-meta]').getByText('Semua pegawai').waitFor()
    const tech = await apiCall('POST', '/api/servicedesk/articles', { title: TECH_TITLE, body: 'Konsol switch: sandi di brankas Dinas.', visibility: 'technicians' })
    assert.equal(tech.status, 201, JSON.stringify(tech.body))
  })

  step('a Dinkes staff member finds the public article, never the technicians\' one', async () => {
    await signIn(session, { username: STAFF.username, password: STAFF.password })
    await go('/layanan/pengetahuan')
    const table = main().locator('[data-test=kb-table]')
    await main().getByLabel('Cari judul atau isi').fill(RUN)
    const searched = page.waitForResponse((r) => r.url().includes('/api/servicedesk/articles?') && r.url().includes(`q=${RUN}`))
    await main().locator('[data-test=kb-search-run]').click()
    await searched
    await table.getByText(PUBLIC_TITLE).waitFor()
    assert.equal(await table.getByText(TECH_TITLE).count(), 0, 'an article for technicians is not listed to staff')
    await table.getByText(PUBLIC_TITLE).click()
    await main().locator('[data-test=kb-body] strong', { hasText: 'Buka' }).waitFor()
    await screenshot(page, 'servicedesk-article')
  })

  step('the staff member opens a ticket and attaches a letter; an executable is refused and nothing is stored', async () => {
    await go('/layanan/tiket')
    await main().getByRole('heading', { name: 'Tiket layanan' }).waitFor()
    await page.locator('[data-test=ticket-new]').click()
    await page.locator('[data-test=ticket-form]').getByLabel('Judul').fill(PRINTER)
    await page.locator('[data-test=ticket-submit]').click()
    await page.waitForURL(/\/layanan\/tiket\/[^/]+$/)
    ticketUrl = page.url()
    ticketId = ticketUrl.split('/').pop()
    await main().locator('[data-test=ticket-state]').getByText('Baru').waitFor()

    await main().locator('[data-test=attachment-input]').setInputFiles({ name: 'surat-pengantar.txt', mimeType: 'text/plain', buffer: Buffer.from(NOTE) })
    await main().locator('[data-test="attachment-surat-pengantar.txt"]').waitFor()
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(64)])
    await main().locator('[data-test=attachment-input]').setInputFiles({ name: 'printer-fix.exe', mimeType: 'application/octet-stream', buffer: elf })
    await main().getByRole('alert').getByText('Lampiran harus berupa PDF', { exact: false }).waitFor()
    const files = await apiCall('GET', `/api/servicedesk/tickets/${ticketId}/attachments`)
    assert.deepEqual(files.body.items.map((f) => f.filename), ['surat-pengantar.txt'])
    await main().locator('[data-test=ticket-timeline]').getByText('Lampiran ditambahkan').waitFor()
    for (const title of BULK) {
      const opened = await apiCall('POST', '/api/servicedesk/tickets', { type: 'gangguan', title, urgency: 'sedang', impact: 'rendah' })
      assert.equal(opened.status, 201, JSON.stringify(opened.body))
    }
  })

  step('the Dinkes Level 1 desk filters its queue and takes, starts and resolves two tickets at once', async () => {
    await signIn(session, { username: 'op.dinkes', password: session.server.colleaguePassword })
    await go('/layanan/tiket')
    await main().getByRole('tab', { name: 'Antrean' }).click()
    await selectBox('Status').click()
    await option('Baru').click()
    for (const title of [PRINTER, ...BULK]) await row(title).waitFor()
    // Another PD's tickets are not in this queue.
    for (const agency of await main().locator('[data-test=ticket-table] .el-table__row td:nth-child(8)').allInnerTexts()) assert.match(agency, /Dinas Kesehatan/)

    for (const title of BULK) await tick(title)
    await main().locator('[data-test=ticket-bulk]').getByText('2 tiket dipilih').waitFor()
    await bulk('Ambil tiket', '2 tiket diproses, 0 ditolak')
    for (const title of BULK) await row(title).waitFor({ state: 'detached' }) // no longer new

    await selectBox('Status').click()
    await option('Ditugaskan').click()
    await main().locator('[data-test=filter-mine]').click()
    for (const title of BULK) await row(title).waitFor()
    assert.equal(await row(PRINTER).count(), 0, 'the printer ticket is not assigned to anyone')
    for (const title of BULK) await tick(title)
    await bulk('Mulai kerjakan', '2 tiket diproses, 0 ditolak')

    await selectBox('Status').click()
    await option('Dikerjakan').click()
    for (const title of BULK) await row(title).waitFor()
    for (const title of BULK) await tick(title)
    // A step the state does not allow is refused per ticket, and counted so.
    await bulk('Lanjutkan', '0 tiket diproses, 2 ditolak')
    for (const title of BULK) await tick(title)
    await bulk('Selesaikan', '2 tiket diproses, 0 ditolak', 'Perangkat diganti dari gudang')
    for (const title of BULK) await row(title).waitFor({ state: 'detached' })
    const all = await apiCall('GET', '/api/servicedesk/tickets?view=all&per_page=100')
    for (const title of BULK) assert.equal(all.body.items.find((x) => x.title === title)?.state, 'resolved', title)
    await screenshot(page, 'servicedesk-queue')
  })

  step('Level 1 escalates the printer ticket to Level 2; the step carries its article', async () => {
    await page.goto(ticketUrl)
    await main().locator('[data-test=ticket-action-assign]').click()
    await main().locator('[data-test=ticket-action-escalate]').waitFor()
    await main().locator('[data-test=escalation-rule]').getByText('Pasal 37 ayat (9)', { exact: false }).first().waitFor()
    await main().locator('[data-test=ticket-actions] textarea').fill('Driver sudah dipasang ulang, printer tetap tidak mencetak.')
    await main().locator('[data-test=ticket-action-escalate]').click()
    const timeline = main().locator('[data-test=ticket-timeline]')
    await timeline.getByText('Diteruskan ke Level 2').waitFor()
    await timeline.getByText('Pasal 37 ayat (9)', { exact: false }).first().waitFor()
    assert.equal(await main().locator('[data-test=ticket-action-escalate]').count(), 0)
  })

  step('the Dinas officer finds it in the Level 2 queue, downloads the letter, resolves it and makes it an article', async () => {
    await signIn(session, { username: 'penelaah.kominfo', password: session.server.colleaguePassword })
    await go('/layanan/tiket')
    await main().getByRole('tab', { name: 'Antrean' }).click()
    await selectBox('Tingkat').click()
    await option('Pelayanan Level 2').click()
    await row(PRINTER).waitFor()
    await row(PRINTER).getByText(PRINTER).click()
    await page.waitForURL(ticketUrl)

    const [download] = await Promise.all([page.waitForEvent('download'), main().locator('[data-test="attachment-surat-pengantar.txt"]').click()])
    assert.equal(download.suggestedFilename(), 'surat-pengantar.txt')
    assert.equal(readFileSync(await download.path(), 'utf8'), NOTE)

    await main().locator('[data-test=ticket-action-assign]').click()
    await main().locator('[data-test=ticket-action-start]').click()
    await main().locator('[data-test=ticket-actions] textarea').fill('Kabel data diganti; printer mencetak lagi.')
    await main().locator('[data-test=ticket-action-resolve]').click()
    await main().locator('[data-test=ticket-state]').getByText('Selesai').waitFor()
    await main().locator('[data-test=ticket-write-article]').click()
    await page.waitForURL(/\/layanan\/pengetahuan\/[^/]+$/)
    await main().locator('[data-test=kb-meta]').getByText('Ditulis dari tiket', { exact: false }).waitFor()
    await main().locator('[data-test=kb-body]').getByText('Kabel data diganti', { exact: false }).waitFor()
  })

  step('the desk report counts the Dinkes tickets per tier, with its charts', async () => {
    await signIn(session)
    await go('/layanan/laporan')
    await main().getByRole('heading', { name: 'Laporan meja layanan' }).waitFor()
    await main().locator('[data-test=sd-report-charts] canvas').first().waitFor()
    const stats = await apiCall('GET', '/api/servicedesk/statistics')
    const dinkes = stats.body.items.filter((r) => /Dinas Kesehatan/.test(r.agency_name ?? ''))
    const opened = dinkes.reduce((n, r) => n + r.opened, 0)
    assert.ok(opened >= 3, `the three Dinkes tickets are counted: ${JSON.stringify(dinkes)}`)
    const rows = main().locator('[data-test=sd-report-table] .el-table__row', { hasText: 'Dinas Kesehatan' })
    await rows.first().waitFor()
    const level2 = main().locator('[data-test=sd-report-table] .el-table__row', { hasText: 'Pelayanan Level 2' })
    assert.ok((await level2.count()) >= 1, 'the escalated ticket is counted at Level 2')
    await screenshot(page, 'servicedesk-report')
    assert.deepEqual(pageErrors, [])
  })
})
