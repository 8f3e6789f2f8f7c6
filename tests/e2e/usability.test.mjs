// The first hour of a civil servant (issue 20), at 1366x768 in a browser whose own clock is UTC:
// dates are shown in the Pemda's time (WITA for Balikpapan), the Jejak Audit names actions and
// objects in words (no raw codes, no "LEDGER" in the menu), the table export offers a CSV with ';'
// and a byte-order mark for Indonesian Excel, the 59/2020 workspace shows the level criteria with
// their provenance, and an 8/2026 one says plainly that none are published yet.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, test } from 'node:test'
import { launchBrowser, screenshot } from './browser.mjs'
import { startServer } from './server.mjs'
import { TIMEOUT, signIn } from './scenario.mjs'

describe('The first hour (issue 20)', { timeout: 300_000 }, () => {
  const session = { server: null, browser: null, page: null, pageErrors: [] }
  let broken = false
  const step = (name, fn) =>
    test(name, async (t) => {
      if (broken) return t.skip('an earlier scenario failed')
      try {
        await fn(t)
      } catch (err) {
        broken = true
        throw err
      }
    })

  before(async () => {
    session.server = await startServer()
    session.browser = await launchBrowser()
    const context = await session.browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true, locale: 'id-ID', timezoneId: 'UTC' })
    context.setDefaultTimeout(TIMEOUT)
    session.page = await context.newPage()
    session.page.on('pageerror', (err) => session.pageErrors.push(String(err)))
  })
  after(async () => {
    await session.browser?.close()
    await session.server?.stop()
  })

  const page = () => session.page
  const go = (path) => page().goto(`${session.server.url}${path}`)
  async function api(method, path, body) {
    return page().evaluate(
      async ({ method, path, body }) => {
        const me = await (await fetch('/api/auth/me')).json()
        const res = await fetch(path, { method, headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token }, body: body ? JSON.stringify(body) : undefined })
        return { status: res.status, body: await res.json().catch(() => null) }
      },
      { method, path, body },
    )
  }

  step('the tenant tells its time zone; the Jejak Audit shows times in WITA though the browser runs on UTC', async () => {
    await signIn(session)
    const me = await api('GET', '/api/auth/me')
    assert.equal(me.body.tenant.time_zone.id, 'WITA')
    const ledger = await api('GET', '/api/ledger?per_page=5')
    const newest = ledger.body.items[0]
    // The console's own formatting, in Asia/Makassar: '5 Des 2026 07.35'.
    const expected = await page().evaluate((at) => {
      const p = {}
      for (const x of new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Makassar' }).formatToParts(new Date(at))) p[x.type] = x.value
      return `${p.day} ${p.month} ${p.year} ${p.hour}.${p.minute}`
    }, newest.at)
    await go('/jejak-audit')
    const row = page().locator('[data-test=ledger-table] .el-table__row').first()
    await row.waitFor()
    assert.equal((await row.locator('time').textContent()).trim(), expected)
  })

  step('the Jejak Audit and the menu speak words: action labels, object types with names, no LEDGER', async () => {
    const nav = await page().getByRole('navigation').innerText()
    assert.ok(!/\bLEDGER\b|\bLedger\b/.test(nav), nav)
    const table = page().locator('[data-test=ledger-table]')
    const firstCells = await table.locator('.el-table__row').evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[3]?.innerText.split('\n')[0] ?? ''))
    for (const label of firstCells) assert.ok(!/^[a-z_]+\.[a-z_]+$/.test(label.trim()), `a raw action code: ${label}`)
    const objects = await table.locator('.el-table__row').evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[4]?.innerText.split('\n')[0] ?? ''))
    for (const label of objects) assert.ok(!/^[a-z_]+$/.test(label.trim()), `a raw object type: ${label}`)
    assert.ok((await table.locator('[data-test=ledger-object-name]').count()) > 0, 'objects are named as they were')
    await screenshot(page(), 'jejak-audit')
  })

  step('the Beranda starts with what waits for the user and a "Mulai di sini" guide with a glossary', async () => {
    await go('/')
    await page().locator('[data-test=my-tasks]').getByText('Tugas saya').waitFor()
    const start = page().locator('[data-test=start-here]')
    await start.getByText('Mulai di sini').waitFor()
    await start.getByRole('link', { name: /Perangkat Daerah/ }).first().waitFor()
    await start.locator('[data-test=glossary] summary').click()
    await start.getByText('Sistem Penghubung Layanan', { exact: false }).waitFor()
    await screenshot(page(), 'beranda')
  })

  step('Perangkat Daerah exports a CSV for Indonesian Excel: ";" separated, UTF-8 with BOM', async () => {
    await go('/perangkat-daerah')
    await page().locator('.el-table__row').first().waitFor()
    const [download] = await Promise.all([page().waitForEvent('download'), page().locator('[data-test=export-csv-semicolon]').click()])
    const bytes = readFileSync(await download.path())
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf])
    const header = bytes.subarray(3).toString('utf8').split('\r\n')[0]
    assert.ok(header.includes(';') && !header.includes(','), header)
  })

  step('the 59/2020 workspace shows each level\'s criteria and says they come from public copies', async () => {
    const created = await api('POST', '/api/evaluation/periods', { year: 2025 })
    assert.equal(created.status, 201, JSON.stringify(created.body))
    const detail = await api('GET', `/api/evaluation/periods/${created.body.id}`)
    const first = detail.body.indicators[0]
    await go(`/evaluasi/periode/${created.body.id}/indikator/${first.id}`)
    const criteria = page().locator('[data-test=level-criteria]')
    await criteria.locator('[data-test=level-1]').getByText('Konsep kebijakan internal', { exact: false }).waitFor()
    await criteria.locator('[data-test=criteria-provenance]').getByText('salinan publik', { exact: false }).waitFor()
    assert.equal(await criteria.locator('[data-test=criteria-empty]').count(), 0)
    await page().locator('[data-test=value-basis]').waitFor()
    await screenshot(page(), 'evaluation-workspace')
  })

  step('an 8/2026 workspace says plainly that no level criteria are published yet', async () => {
    const created = await api('POST', '/api/evaluation/periods', { year: 2026 })
    assert.equal(created.status, 201, JSON.stringify(created.body))
    const detail = await api('GET', `/api/evaluation/periods/${created.body.id}`)
    await go(`/evaluasi/periode/${created.body.id}/indikator/${detail.body.indicators[0].id}`)
    await page().locator('[data-test=criteria-unpublished]').getByText('belum diterbitkan', { exact: false }).waitFor()
    assert.deepEqual(session.pageErrors, [])
  })
})
