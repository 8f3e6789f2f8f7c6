// The system Chromium, headless, with nothing that reaches the network by itself.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { repoRoot } from './server.mjs'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

const screenshotsWanted = process.env.SIMPUL_SCREENSHOTS === '1'
const screenshotDir = join(repoRoot, 'docs', 'screenshots')

/** Saves docs/screenshots/<name>.png (1280x800 viewport) when SIMPUL_SCREENSHOTS=1. */
export async function screenshot(page, name) {
  if (!screenshotsWanted) return
  mkdirSync(screenshotDir, { recursive: true })
  // Show the top of the screen, without passing toasts, once charts and transitions have settled.
  await page.evaluate(() => {
    window.scrollTo(0, 0)
    document.querySelectorAll('.el-message').forEach((el) => el.remove())
  })
  await page.waitForTimeout(400)
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) })
}
