// Starts a real Simpul server for the browser tests: a fresh SQLite database with demo data in a
// temporary directory, the built console from web/dist, and a free port chosen by the server; the
// gateway's data plane runs in the same process on another free port.
import { execFile, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

const READY = /^Simpul is ready: (http:\/\/\S+)\s*$/
const LOGIN = /^Login: (\S+) \/ (\S+)\s*$/
const TENANT = /^Tenant: (\S+)\s*$/
const GATEWAY = /^Gateway: (https?:\/\/\S+)/
const COLLEAGUES = /^Demo colleagues: (\S+) \/ (\S+)\s*$/
const GATEWAY_KEY = /^Gateway API key of the demo consumer \(shown once\): (\S+)\s*$/

/**
 * `cli(args)` runs a `simpul` subcommand (e.g. `tenant create`, `user add`) against the same database,
 * data directory and profiles while the server runs, and resolves with its standard output.
 *
 * @returns {Promise<{url: string, username: string, password: string, tenant: string|null, gateway: string,
 *   colleagues: string[], colleaguePassword: string|null,
 *   gatewayKey: string|null, bin: string, dir: string, cli: (args: string[]) => Promise<string>,
 *   stop: () => Promise<void>, log: () => string}>}
 */
export async function startServer({ timeoutMs = 60_000 } = {}) {
  const bin = process.env.SIMPUL_BIN ?? join(repoRoot, 'build', 'simpul')
  const webRoot = join(repoRoot, 'web', 'dist')
  if (!existsSync(bin)) throw new Error(`Simpul binary not found at ${bin}: build the server first, or set SIMPUL_BIN.`)
  if (!existsSync(join(webRoot, 'index.html'))) throw new Error(`${webRoot}/index.html is missing: run 'npm ci && npm run build' in web/ first.`)

  const dir = mkdtempSync(join(tmpdir(), 'simpul-e2e-'))
  const common = ['--database', `sqlite:${join(dir, 'simpul.db')}`, '--data-dir', dir, '--profiles-dir', join(repoRoot, 'profiles')]
  const args = ['serve', '--demo', ...common, '--port', '0', '--gateway-port', '0', '--web-root', webRoot]
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  // Keep the server's output for the failure message; the structured log goes to stderr.
  const output = []
  const remember = (line) => {
    output.push(line)
    if (output.length > 200) output.shift()
  }
  createInterface({ input: child.stderr }).on('line', remember)

  const exited = new Promise((res) => child.once('exit', (code, signal) => res({ code, signal })))

  const ready = new Promise((resolveInfo, reject) => {
    const found = { url: null, username: null, password: null, tenant: null, gateway: null, gatewayKey: null, colleagues: [], colleaguePassword: null, bin }
    const timer = setTimeout(() => reject(new Error(`server not ready after ${timeoutMs} ms:\n${output.join('\n')}`)), timeoutMs)
    createInterface({ input: child.stdout }).on('line', (line) => {
      remember(line)
      let m
      if ((m = READY.exec(line))) found.url = m[1]
      else if ((m = LOGIN.exec(line))) [found.username, found.password] = [m[1], m[2]]
      else if ((m = TENANT.exec(line))) found.tenant = m[1]
      else if ((m = COLLEAGUES.exec(line))) [found.colleagues, found.colleaguePassword] = [m[1].split(','), m[2]]
      else if ((m = GATEWAY_KEY.exec(line))) found.gatewayKey = m[1]
      else if ((m = GATEWAY.exec(line))) found.gateway = m[1]
      // The gateway line comes last (after the login and the demo key).
      if (found.url && found.username && found.gateway) {
        clearTimeout(timer)
        resolveInfo(found)
      }
    })
    child.once('error', (err) => {
      clearTimeout(timer)
      reject(err)
    })
    void exited.then(({ code, signal }) => {
      clearTimeout(timer)
      reject(new Error(`server exited early (code ${code}, signal ${signal}):\n${output.join('\n')}`))
    })
  })

  let info
  try {
    info = await ready
  } catch (err) {
    // A server that never became ready must not outlive the test run, nor its files.
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
    throw err
  }

  async function stop() {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(killer)
    }
    rmSync(dir, { recursive: true, force: true })
  }

  function cli(cliArgs) {
    return new Promise((resolveOut, reject) => {
      execFile(bin, [...cliArgs, ...common], { timeout: 30_000 }, (err, stdout, stderr) => {
        if (err) reject(new Error(`simpul ${cliArgs.join(' ')} failed: ${err.message}\n${stdout}\n${stderr}`))
        else resolveOut(stdout)
      })
    })
  }

  return { ...info, dir, cli, stop, log: () => output.join('\n') }
}
