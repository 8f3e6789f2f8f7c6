// What every console scenario file needs: a fresh server and a browser page for the suite,
// steps that stop after the first failure, and helpers for Element Plus controls.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { startServer } from './server.mjs'
import { launchBrowser } from './browser.mjs'

export const TIMEOUT = 20_000

/**
 * Registers hooks that start the server and a browser page (Indonesian locale, WITA) before the
 * suite and stop them after. The returned object's fields are filled in when the suite starts.
 * With `tempDir` (a name prefix), `session.dir` is a fresh directory for the suite's files (uploads,
 * downloads), removed afterwards.
 */
export function consoleSession({ tempDir } = {}) {
  const session = { server: null, browser: null, page: null, pageErrors: [], dir: null }
  before(async () => {
    if (tempDir) session.dir = mkdtempSync(join(tmpdir(), tempDir))
    session.server = await startServer()
    session.browser = await launchBrowser()
    const context = await session.browser.newContext({
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
      locale: 'id-ID',
      timezoneId: 'Asia/Makassar', // Balikpapan keeps WITA
    })
    context.setDefaultTimeout(TIMEOUT)
    session.page = await context.newPage()
    session.page.on('pageerror', (err) => session.pageErrors.push(String(err)))
  })
  after(async () => {
    await session.browser?.close()
    await session.server?.stop()
    if (session.dir) rmSync(session.dir, { recursive: true, force: true })
  })
  return session
}

/**
 * The scenarios of a file build on each other; after a failure the rest would only time out one
 * by one, so they are skipped. SIMPUL_FAILURE_SHOT=<path> saves the page at the failure. A step's
 * function gets the node:test context (to skip itself, e.g.).
 */
export function scenarioSteps(session) {
  let broken = false
  return function step(name, fn) {
    test(name, async (t) => {
      if (broken) return t.skip('an earlier scenario failed')
      try {
        await fn(t)
      } catch (err) {
        broken = true
        if (process.env.SIMPUL_FAILURE_SHOT) await session.page.screenshot({ path: process.env.SIMPUL_FAILURE_SHOT }).catch(() => {})
        throw err
      }
    })
  }
}

/** Navigation, Element Plus and API helpers bound to the session's page. */
export function pageHelpers(session) {
  const go = (path) => session.page.goto(`${session.server.url}${path}`)
  const main = () => session.page.locator('main')
  const selectBox = (label, scope = session.page) =>
    scope.getByLabel(label, { exact: true }).locator('xpath=ancestor::div[contains(@class, "el-select__wrapper")]')
  /** Picks an option of an Element Plus select: open it by its label, then click the option. */
  async function choose(label, option, scope = session.page) {
    // The labelled element is the select's tiny inner input; its wrapper is what a person clicks.
    await selectBox(label, scope).click()
    await session.page.getByRole('option', { name: option, exact: true }).click()
  }
  /** Calls the API with the browser's session (on another page when given), the way the console does. */
  async function apiCall(method, path, body, onPage = session.page) {
    return onPage.evaluate(
      async ({ method, path, body }) => {
        const me = await (await fetch('/api/auth/me')).json()
        const res = await fetch(path, {
          method,
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
          body: body ? JSON.stringify(body) : undefined,
        })
        return { status: res.status, body: await res.json().catch(() => null) }
      },
      { method, path, body },
    )
  }
  return { go, main, selectBox, choose, apiCall }
}

/**
 * Signs in on the session's page (as the demo administrator the server printed, unless told
 * otherwise), replacing whoever was signed in there, and waits until the console has left the
 * sign-in screen.
 */
export async function signIn(session, { username = session.server.username, password = session.server.password, page = session.page } = {}) {
  // Whoever was signed in on this page leaves first (the sign-in screen sends a signed-in user home).
  await page.context().clearCookies()
  await page.goto(`${session.server.url}/login`)
  await page.getByLabel('Nama pengguna').fill(username)
  await page.getByLabel('Kata sandi', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Masuk', exact: true }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}
