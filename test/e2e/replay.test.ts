// Replay in the workbench (serve mode, the real Chromium, the real engine): an example capture from Examples, and a
// capture picked with "Replay capture…", play through the reference miniport; paused, Packets decodes the replayed
// DNS traffic down to its UDP header and DNS message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copyFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../support/browser'
import { ROOT, startServe, type ServeProcess } from '../support/serve'

let serve: ServeProcess
let browser: Browser
let page: Page

async function pickExample(name: string): Promise<void> {
  await page.locator(`[data-testid="examples"] option[value="${name}"]`).waitFor({ state: 'attached' })
  await page.selectOption('[data-testid="examples"]', name)
}

/** F5, some replayed frames received, F6; then the decode tree of the first indicated packet. */
async function runPauseAndDecode(): Promise<string> {
  await page.locator('.monaco-editor .view-lines').click()
  await page.keyboard.press('F5')
  await page.getByTestId('run-state').filter({ hasText: 'running' }).waitFor()
  await page.waitForFunction(
    "Number(document.querySelector('[data-testid=\"frames-per-second\"]')?.textContent?.replace(/[^0-9.]/g, '') ?? 0) > 0",
  )
  await page.keyboard.press('F6')
  await page.getByTestId('run-state').filter({ hasText: 'paused' }).waitFor()
  await page.getByTestId('tab-packets').click()
  // A packet the protocol holds: an indicated frame of the replay (the miniport's own are its empty receive ring).
  await page.locator('[data-testid="packet-group"][data-owner="protocol"] [data-testid="packet-row"]').first().click()
  await page.getByTestId('packet-detail').waitFor()
  const tree = (await page.getByTestId('decode-tree').textContent()) ?? ''
  await page.keyboard.press('Shift+F5')
  await page.getByTestId('run-state').filter({ hasText: 'ended' }).waitFor()
  return tree
}

beforeAll(async () => {
  serve = await startServe()
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  await page.goto(serve.url)
  await page.locator('[data-testid="code-editor"][data-ready="true"] .monaco-editor').waitFor()
  await page.getByTestId('connection').filter({ hasText: 'engine host: serve' }).waitFor()
  await pickExample('reference-miniport.ts')
  await page.locator('[data-testid="doc-script"]', { hasText: 'reference-miniport.ts' }).waitFor()
})

afterAll(async () => {
  await browser?.close()
  await serve?.stop()
})

describe('replay in the workbench', () => {
  it('plays an example capture from Examples; Packets decodes the DNS traffic it carries', async () => {
    await pickExample('captures/dns_udp.pcap')
    await page.locator('[data-testid="doc-scenario"]', { hasText: 'replay-dns_udp.json' }).waitFor()
    const tree = await runPauseAndDecode()
    expect(tree).toMatch(/IPv4, 209\.87\.249\.18 → 192\.168\.1\.11|IPv4, 192\.168\.1\.11 → 209\.87\.249\.18/)
    expect(tree).toMatch(/UDP, port (53 → \d+|\d+ → 53)/)
    expect(tree).toMatch(/DNS (query|response) 0x5934, A www\.tcpdump\.org/)
  })

  it('plays a capture picked with "Replay capture…"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nicwb-replay-'))
    const picked = join(dir, 'lab-dns.pcap')
    copyFileSync(join(ROOT, 'examples', 'captures', 'dns_udp.pcap'), picked)
    const chooser = page.waitForEvent('filechooser')
    await page.getByTestId('replay-capture').click()
    await (await chooser).setFiles(picked)
    await page.locator('[data-testid="doc-scenario"]', { hasText: 'replay-lab-dns.json' }).waitFor()
    const tree = await runPauseAndDecode()
    expect(tree).toMatch(/DNS (query|response) 0x5934, A www\.tcpdump\.org/)
  })
})
