// A driver author's path through the workbench (serve mode, the real Chromium, the real engine): open the reference
// miniport and an example capture's replay from Examples, run, pause, inspect a DNS packet the protocol holds; edit in a double free, run into the bug
// check, go to its line and to the finding that names the cause, fix it, and rerun clean. Screenshots of each step
// go to test-output/author-walk/ (not committed) for a person to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../support/browser'
import { ROOT, startServe, type ServeProcess } from '../support/serve'

let serve: ServeProcess
let browser: Browser
let page: Page
const pageErrors: string[] = []
const SHOTS = join(ROOT, 'test-output', 'author-walk')
const REFERENCE = readFileSync(join(ROOT, 'examples', 'reference-miniport.ts'), 'utf8').split('\n')
/** The line of MiniportReturnPacket that reclaims the returned packet: the edit goes below it. */
const RECLAIM = REFERENCE.findIndex((l) => l.trim() === 'ReclaimRxPacket(A, Packet)') + 1

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) })
const text = async (id: string) => (await page.getByTestId(id).textContent())?.trim() ?? ''
const cursorLine = async () => Number(/^Ln (\d+)/.exec(await text('cursor'))?.[1])

async function pickExample(name: string): Promise<void> {
  await page.locator(`[data-testid="examples"] option[value="${name}"]`).waitFor({ state: 'attached' })
  await page.selectOption('[data-testid="examples"]', name)
}

async function key(chord: string): Promise<void> {
  await page.keyboard.press(chord)
}

async function goToLine(line: number): Promise<void> {
  await page.locator('.monaco-editor .view-lines').click()
  await key('Control+g')
  await page.keyboard.type(String(line))
  await key('Enter')
  await page.waitForFunction(
    (l) => document.querySelector('[data-testid="cursor"]')?.textContent?.startsWith(`Ln ${l},`),
    line,
  )
}

declare const document: { querySelector(selector: string): { textContent: string | null } | null }

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  serve = await startServe()
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await page.goto(serve.url)
  await page.locator('[data-testid="code-editor"][data-ready="true"] .monaco-editor').waitFor()
  await page.getByTestId('connection').filter({ hasText: 'engine host: serve' }).waitFor()
  await shot('01-first-start')
})

afterAll(async () => {
  await browser?.close()
  await serve?.stop()
})

describe("a driver author's path", () => {
  it('opens the reference miniport, runs it, pauses and inspects a packet the protocol holds', async () => {
    await pickExample('reference-miniport.ts')
    await page.locator('[data-testid="doc-script"]', { hasText: 'reference-miniport.ts' }).waitFor()
    // The DNS capture replayed, the protocol keeping each packet 2 ms: about eight are lent to it at any instant,
    // so a pause always finds some.
    await pickExample('captures/dns_udp.pcap')
    await page.locator('[data-testid="doc-scenario"]', { hasText: 'replay-dns_udp.json' }).waitFor()
    await page.getByTestId('doc-script').click()
    await page.locator('.monaco-editor .view-lines').click()
    await key('F5')
    await page.getByTestId('run-state').filter({ hasText: 'running' }).waitFor()
    await page.getByTestId('pool-row').first().waitFor()
    await page.waitForTimeout(2000)
    await shot('02-running')
    await key('F6')
    await page.getByTestId('run-state').filter({ hasText: 'paused' }).waitFor()
    await page.getByTestId('last-event').waitFor()
    await page.getByTestId('tab-packets').click()
    const held = page.locator('[data-testid="packet-group"][data-owner="protocol"] [data-testid="packet-row"]').first()
    await held.click()
    await page.getByTestId('packet-detail').waitFor()
    expect(await page.getByTestId('packet-detail').textContent()).toContain('owner protocol')
    expect(await page.getByTestId('chain-buffer').count()).toBeGreaterThan(0)
    await page.getByTestId('decode-node').first().waitFor()
    expect(await page.getByTestId('decode-tree').textContent()).toMatch(/DNS (query|response) 0x5934/)
    await shot('03-paused-packet')
    await page.getByTestId('tab-trace').click()
    await page.getByTestId('trace-row').first().waitFor()
    await shot('03b-paused-trace')
    await page.locator('.monaco-editor .view-lines').click()
    await key('Shift+F5')
    await page.getByTestId('run-state').filter({ hasText: 'ended' }).waitFor()
  })

  it('edits in a double free, and the run stops on a bug check whose line and cause it can go to', async () => {
    await goToLine(RECLAIM)
    await key('End')
    await key('Enter')
    await page.keyboard.type('NdisFreePacket(Packet)')
    await key('Escape')
    await key('Enter')
    await page.keyboard.type('NdisFreePacket(Packet)')
    await key('Escape')
    expect(await text('doc-script')).toBe('reference-miniport.ts●')
    await key('F5')
    const screen = page.getByTestId('bugcheck-screen')
    await screen.waitFor()
    expect(await text('run-state')).toBe('ended: bugcheck')
    await shot('04-bug-check')
    const at = /at reference-miniport\.ts:(\d+)/.exec((await screen.textContent()) ?? '')
    expect(at).not.toBeNull()
    await page.getByTestId('bugcheck-reveal').click()
    expect(await cursorLine()).toBe(Number(at![1]))
    // Problems lists the double free at the second NdisFreePacket, before what followed from it.
    await page.getByTestId('tab-problems').click()
    const doubleFree = page.locator('[data-testid="finding-row"]', { hasText: 'double free' }).first()
    await doubleFree.waitFor()
    expect(await doubleFree.getAttribute('data-line')).toBe(String(RECLAIM + 2))
    await doubleFree.click()
    expect(await cursorLine()).toBe(RECLAIM + 2)
    await shot('05-problems-double-free')
  })

  it('fixes it (the two lines go) and reruns clean', async () => {
    await goToLine(RECLAIM + 1)
    await key('Home')
    await key('Shift+ArrowDown')
    await key('Shift+ArrowDown')
    await key('Delete')
    await page.locator('.monaco-editor .view-lines').click()
    await key('F5')
    await page.getByTestId('run-state').filter({ hasText: 'running' }).waitFor()
    await page.waitForTimeout(1500)
    expect(await page.getByTestId('bugcheck-screen').count()).toBe(0)
    await key('Shift+F5')
    await page.getByTestId('run-state').filter({ hasText: 'ended: stopped' }).waitFor()
    await page.getByTestId('tab-problems').click()
    await page.getByText('No problems found.').waitFor()
    await shot('06-rerun-clean')
    expect(pageErrors).toEqual([])
  })
})
