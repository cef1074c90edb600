// A bug check in the workbench stays a bug check (serve mode, the real Chromium, the real engine): the 0xC4 screen
// of buggy/spin-lock-released-twice.ts is not replaced by a DPC_WATCHDOG_VIOLATION once the watchdog's budget has
// passed, as it was when a handler that threw left the handler watch "running".
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../support/browser'
import { startServe, type ServeProcess } from '../support/serve'

/** The watchdog's budget in this serve host: the test waits past it. */
const BUDGET_MS = 500

let serve: ServeProcess
let browser: Browser
let page: Page

beforeAll(async () => {
  serve = await startServe(['--watchdog', String(BUDGET_MS)])
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  await page.goto(serve.url)
  await page.locator('[data-testid="code-editor"][data-ready="true"] .monaco-editor').waitFor()
  await page.getByTestId('connection').filter({ hasText: 'engine host: serve' }).waitFor()
})

afterAll(async () => {
  await browser?.close()
  await serve?.stop()
})

describe('a bug check in the workbench', () => {
  it('keeps its stop screen and its status after the watchdog budget has passed', async () => {
    const name = 'buggy/spin-lock-released-twice.ts'
    await page.locator(`[data-testid="examples"] option[value="${name}"]`).waitFor({ state: 'attached' })
    await page.selectOption('[data-testid="examples"]', name)
    await page.locator('[data-testid="doc-script"]', { hasText: 'spin-lock-released-twice.ts' }).waitFor()
    await page.locator('.monaco-editor .view-lines').click()
    await page.keyboard.press('F5')
    await page.getByTestId('bugcheck-screen').waitFor()
    expect(await page.getByTestId('bugcheck-code').textContent()).toBe('0xC4')
    await page.getByTestId('run-state').filter({ hasText: 'ended: bugcheck' }).waitFor()
    // Four budgets later (the watchdog looks every 50 ms), nothing has taken the bug check's place.
    await page.waitForTimeout(4 * BUDGET_MS)
    expect(await page.getByTestId('bugcheck-code').textContent()).toBe('0xC4')
    expect(await page.getByTestId('bugcheck-screen').textContent()).not.toContain('DPC_WATCHDOG_VIOLATION')
    expect((await page.getByTestId('run-state').textContent())?.trim()).toBe('ended: bugcheck')
  })
})
