// End-to-end scenario of the infrastructure exports (demo tenant, Balikpapan): the sites, the
// colocation/VPS requests, the PD LANs and the WAN links export the rows shown as CSV with labels, not
// codes, in the console's language; a cell a spreadsheet would run as a formula is written as text.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { before, describe } from 'node:test'
import { consoleSession, pageHelpers, scenarioSteps, signIn } from './scenario.mjs'

const RUN = Date.now().toString(36).toUpperCase().slice(-5)

describe('Infrastruktur SPBE: ekspor tabel', { timeout: 300_000 }, () => {
  const session = consoleSession({ tempDir: 'simpul-infra-exports-e2e-' })
  const step = scenarioSteps(session)
  const { go, apiCall } = pageHelpers(session)
  let page
  let pageErrors
  before(() => ({ page, pageErrors } = session))

  /** Clicks the CSV button of the export group `group` and returns the file's name and lines. */
  async function csvOf(group) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-test=${group}] [data-test=export-csv]`).click()])
    const text = readFileSync(await download.path(), 'utf8')
    assert.ok(text.startsWith('\ufeff'), 'UTF-8 with a byte-order mark')
    return { name: download.suggestedFilename(), lines: text.slice(1).trim().split('\r\n') }
  }

  step('sites and requests export as shown, in Indonesian, a formula-like purpose as text', async () => {
    await signIn(session)
    const agencies = (await apiCall('GET', '/api/agencies?per_page=200')).body.items
    const pd = agencies.find((a) => a.code === 'DISHUB')
    const request = await apiCall('POST', '/api/infrastructure/requests', { agency_id: pd.id, kind: 'vps', purpose: `=HYPERLINK("x") ${RUN}` })
    assert.equal(request.status, 201, JSON.stringify(request.body))
    await go('/infrastruktur/pusat-data')
    await page.locator('[data-test=infra-requests] .el-table__row', { hasText: RUN }).waitFor()

    const sites = await csvOf('infra-sites-export')
    assert.match(sites.name, /^lokasi-pusat-data-\d{4}-\d{2}-\d{2}\.csv$/)
    assert.equal(sites.lines[0], 'Kode,Nama,Jenis,Perangkat Daerah,Status,Standar ruang,Tanggal penilaian')
    const shownSites = (await apiCall('GET', '/api/infrastructure/sites')).body.items
    assert.equal(sites.lines.length, shownSites.length + 1, 'one line per site shown')
    for (const s of shownSites) assert.ok(sites.lines.some((l) => l.startsWith(`${s.code},`) && l.includes(s.kind_name)), `${s.code} with its kind's label`)

    const requests = await csvOf('infra-requests-export')
    assert.equal(requests.lines[0], 'Jenis,Perangkat Daerah,Keperluan,Diajukan pada,Status,Alasan keputusan,Kewajiban Dinas')
    const mine = requests.lines.find((l) => l.includes(RUN))
    // The label of the kind and the state, not their codes; the purpose guarded against formula injection.
    assert.ok(mine.startsWith(`${request.body.kind_name},${pd.name},"'=HYPERLINK(""x"") ${RUN}",`), mine)
    assert.ok(mine.includes(`,${request.body.state_name},`) && request.body.state_name === 'Diajukan', mine)
    assert.equal(requests.lines.length, (await apiCall('GET', '/api/infrastructure/requests')).body.items.length + 1)
  })

  step('LANs and WAN links export as shown; in English the headers are English', async () => {
    const agencies = (await apiCall('GET', '/api/agencies?per_page=200')).body.items
    const kominfo = agencies.find((a) => a.code === 'DISKOMINFO')
    const pd = agencies.find((a) => a.code === 'DISHUB')
    const lan = await apiCall('POST', '/api/infrastructure/lans', { agency_id: pd.id, name: `LAN ${RUN}`, registered_on: '2025-02-03' })
    assert.equal(lan.status, 201, JSON.stringify(lan.body))
    const link = await apiCall('POST', '/api/infrastructure/wan-links', { code: `W-${RUN}`, name: `FO ${RUN}`, from_agency_id: kominfo.id, to_agency_id: pd.id, medium: 'fiber_optik', capacity_mbps: 1000 })
    assert.equal(link.status, 201, JSON.stringify(link.body))

    await go('/infrastruktur/jaringan')
    await page.locator('[data-test=infra-lans] .el-table__row', { hasText: `LAN ${RUN}` }).waitFor()
    const lans = await csvOf('infra-lans-export')
    assert.match(lans.name, /^lan-perangkat-daerah-/)
    assert.equal(lans.lines[0], 'Perangkat Daerah,Nama,Dibangun oleh,Diagram terkini,Diagram diunggah')
    assert.equal(lans.lines.length, (await apiCall('GET', '/api/infrastructure/lans')).body.items.length + 1)
    const lanLine = lans.lines.find((l) => l.includes(`LAN ${RUN}`))
    assert.ok(lanLine.startsWith(`${pd.name},LAN ${RUN},${lan.body.built_by_name},Belum ada diagram,`), lanLine)
    // The intranet's attestations (the demo's three met letters) are listed on the same page.
    await page.locator('[data-test=infra-attestations-jaringan_intra] [data-test=infra-attestations] .el-table__row').nth(2).waitFor()

    const bw = await apiCall('POST', '/api/infrastructure/bandwidth/requests', { agency_id: pd.id, need_mbps: 50, justification: `Layanan ${RUN}` })
    assert.equal(bw.status, 201, JSON.stringify(bw.body))
    await go('/infrastruktur/bandwidth')
    await page.locator('[data-test=infra-wan-links] .el-table__row', { hasText: `FO ${RUN}` }).waitFor()
    const bwRequests = await csvOf('infra-bw-requests-export')
    assert.match(bwRequests.name, /^permohonan-bandwidth-/)
    assert.equal(bwRequests.lines[0], 'Perangkat Daerah,Kebutuhan (Mbps),Alasan kebutuhan,Status,Skala prioritas,Alokasi (Mbps),Diputus pada')
    assert.ok(bwRequests.lines.some((l) => l.startsWith(`${pd.name},50,Layanan ${RUN},`)), bwRequests.lines.join('\n'))
    const links = await csvOf('infra-wan-export')
    assert.match(links.name, /^tautan-wan-/)
    assert.equal(links.lines[0], 'Kode,Nama,Dari,Ke,Media,Kapasitas (Mbps),Dioperasikan oleh,Penyedia')
    const linkLine = links.lines.find((l) => l.startsWith(`W-${RUN},`))
    assert.ok(linkLine.startsWith(`W-${RUN},FO ${RUN},${kominfo.name},${pd.name},Fiber optik Pemerintah Daerah,1000,${link.body.operated_by_name},`), linkLine)

    await page.locator('[data-test=lang-en]').click()
    const english = await csvOf('infra-wan-export')
    assert.equal(english.lines[0], 'Code,Name,From,To,Medium,Capacity (Mbps),Operated by,Provider')
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page')
  })
})
