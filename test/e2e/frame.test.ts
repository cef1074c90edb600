// The app frame in serve mode, in the real Chromium: title bar, Monaco loaded and taking typed text, status bar
// connected to the serve host over the WebSocket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../support/browser'
import { ROOT, startServe, type ServeProcess } from '../support/serve'

let serve: ServeProcess
let browser: Browser
let page: Page
const consoleErrors: string[] = []

beforeAll(async () => {
  serve = await startServe()
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text())
  })
  page.on('pageerror', (error) => consoleErrors.push(error.message))
  await page.goto(serve.url)
})

afterAll(async () => {
  await browser?.close()
  await serve?.stop()
})

describe('the workbench frame in a browser (nicbench serve)', () => {
  it('shows the title bar and connects to the serve host', async () => {
    await expect(page.getByTestId('title-bar').textContent()).resolves.toContain('NIC Workbench')
    await page.getByTestId('connection').filter({ hasText: 'engine host: serve' }).waitFor()
  })

  it('loads Monaco, which takes typed text', async () => {
    await page.locator('[data-testid="code-editor"][data-ready="true"] .monaco-editor').waitFor()
    await page.locator('.monaco-editor .view-lines').click()
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Enter')
    await page.keyboard.type('const TypedInTheBrowser = 42')
    await page.locator('.view-lines', { hasText: 'TypedInTheBrowser' }).waitFor()
    const cursor = await page.getByTestId('cursor').textContent()
    expect(cursor).toMatch(/^Ln \d+, Col 29$/)
    await expect(page.getByTestId('title-bar').textContent()).resolves.toContain('●')
    mkdirSync(join(ROOT, 'test-results'), { recursive: true })
    await page.screenshot({ path: join(ROOT, 'test-results', 'frame.png') })
    expect(consoleErrors).toEqual([])
  })
})
