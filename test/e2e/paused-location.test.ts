// Where a paused run stands (serve mode, the real Chromium, the real engine): after F6 the status bar names the last
// event, the editor marks the last script line that ran, and the Trace view ends at that event; F10 says what the
// step ran and adds only its rows to the trace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../support/browser'
import { startServe, type ServeProcess } from '../support/serve'

/** The page's document, as the functions run in the page see it (this file is type-checked without the DOM). */
declare const document: {
  querySelector(selector: string): { textContent: string | null } | null
  querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }>
}

let serve: ServeProcess
let browser: Browser
let page: Page

const text = async (id: string) => (await page.getByTestId(id).textContent())?.trim() ?? ''
/** The sequence number of the trace's last row. */
const lastSeq = async () => Number(await page.locator('[data-testid="trace-row"] .seq').last().textContent())
const lastTraceRow = async () =>
  ((await page.getByTestId('trace-row').last().textContent()) ?? '').replace(/\s+/g, ' ').trim()

beforeAll(async () => {
  serve = await startServe()
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  await page.goto(serve.url)
  await page.locator('[data-testid="code-editor"][data-ready="true"] .monaco-editor').waitFor()
  await page.getByTestId('connection').filter({ hasText: 'engine host: serve' }).waitFor()
  await page.locator('[data-testid="examples"] option[value="reference-miniport.ts"]').waitFor({ state: 'attached' })
  await page.selectOption('[data-testid="examples"]', 'reference-miniport.ts')
  await page.locator('[data-testid="doc-script"]', { hasText: 'reference-miniport.ts' }).waitFor()
  await page.getByTestId('tab-trace').click()
  // Real time: the default scenario's 10 s of virtual time are still running when F6 pauses.
  await page.selectOption('[data-testid="speed"]', 'realtime')
})

afterAll(async () => {
  await browser?.close()
  await serve?.stop()
})

describe('a paused run', () => {
  it('names its last event, marks its last script line, and the trace ends there', async () => {
    await page.locator('.monaco-editor .view-lines').click()
    await page.keyboard.press('F5')
    await page.getByTestId('run-state').filter({ hasText: 'running' }).waitFor()
    await page.waitForTimeout(1500)
    await page.keyboard.press('F6')
    await page.getByTestId('run-state').filter({ hasText: 'paused' }).waitFor()
    await page.getByTestId('last-event').waitFor()
    const last = await text('last-event')
    const m = /^last event: (\S+) (.+?) at (\S+ \S+)/.exec(last)
    expect(m, last).not.toBeNull()
    const line = await page.locator('[data-testid="code-editor"][data-current-line]').getAttribute('data-current-line')
    expect(Number(line)).toBeGreaterThan(0)
    expect(await page.locator('.monaco-editor .wb-current-line').count()).toBe(1)
    // The trace ends at the same event (its time and name), not seconds of run time earlier.
    await page.waitForFunction(
      (name) => document.querySelector('[data-testid="trace-view"] .rows')?.textContent?.includes(name) === true,
      m![2]!,
    )
    const row = await lastTraceRow()
    expect(row).toContain(m![2]!)
    expect(row).toContain(m![3]!)
  })

  it('F10 says what the step ran and the trace moves on by the rows of that step only', async () => {
    const before = await lastSeq()
    await page.locator('.monaco-editor .view-lines').click()
    await page.keyboard.press('F10')
    await page.getByTestId('step-ran').waitFor()
    // Steps of the controller and the wire run no driver code and add no trace row: step until the driver runs.
    for (let i = 0; i < 50 && (await text('step-ran')).startsWith('ran one event of the controller'); i++) {
      const events = await text('events')
      await page.keyboard.press('F10')
      await page.waitForFunction((e) => document.querySelector('[data-testid="events"]')?.textContent !== e, events)
      await page.waitForTimeout(50)
    }
    expect(await text('step-ran')).toMatch(/^ran \S+ \S+/)
    await page.waitForFunction((n) => {
      const seqs = document.querySelectorAll('[data-testid="trace-row"] .seq')
      return Number(seqs[seqs.length - 1]?.textContent) > n
    }, before)
    const added = (await lastSeq()) - before
    expect(added).toBeGreaterThan(0)
    expect(added).toBeLessThan(100)
    const last = await text('last-event')
    expect(await lastTraceRow()).toContain(/^last event: \S+ (.+?) at /.exec(last)![1]!)
  })
})
