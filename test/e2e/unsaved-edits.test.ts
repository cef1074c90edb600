// No edit is lost in the workbench (serve mode, the real Chromium): picking an example over unsaved text asks first;
// Cancel keeps the text, Don't Save replaces it and Ctrl+Z still brings it back; a reload keeps the text and its mark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../support/browser'
import { startServe, type ServeProcess } from '../support/serve'

let serve: ServeProcess
let browser: Browser
let page: Page
const MARK = 'const MyUnsavedEdit = 1'

/** What the predicates below read in the page (the tests compile without the DOM's types). */
interface PageGlobals {
  localStorage: { getItem(key: string): string | null }
  document: { querySelector(selector: string): { innerText: string } | null }
}

/** The lines Monaco shows (it renders spaces as no-break spaces). */
const editorText = async () =>
  String(await page.evaluate("document.querySelector('.monaco-editor .view-lines').innerText")).replace(/\u00a0/g, ' ')
const scriptTab = async () => (await page.getByTestId('doc-script').textContent())?.trim() ?? ''

async function pickExample(name: string): Promise<void> {
  await page.locator(`[data-testid="examples"] option[value="${name}"]`).waitFor({ state: 'attached' })
  await page.selectOption('[data-testid="examples"]', name)
}

async function waitForEditor(): Promise<void> {
  await page.locator('[data-testid="code-editor"][data-ready="true"] .monaco-editor').waitFor()
  await page.getByTestId('connection').filter({ hasText: 'engine host: serve' }).waitFor()
}

beforeAll(async () => {
  serve = await startServe()
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  await page.goto(serve.url)
  await waitForEditor()
})

afterAll(async () => {
  await browser?.close()
  await serve?.stop()
})

describe('unsaved edits in the editor', () => {
  it('are asked about before an example replaces them; Cancel keeps them', async () => {
    await page.locator('.monaco-editor .view-lines').click()
    await page.keyboard.press('Control+Home')
    await page.keyboard.type(`${MARK}\n`)
    expect(await scriptTab()).toBe('miniport.ts●')
    await pickExample('buggy/double-free.ts')
    const prompt = page.getByTestId('unsaved-prompt')
    await prompt.waitFor()
    expect(await prompt.textContent()).toContain('save the changes you made to miniport.ts')
    await page.getByTestId('unsaved-cancel').click()
    await prompt.waitFor({ state: 'detached' })
    expect(await editorText()).toContain(MARK)
    expect(await scriptTab()).toBe('miniport.ts●')
  })

  it("survive a reload with their unsaved mark; Don't Save replaces them and Ctrl+Z brings them back", async () => {
    await page.reload()
    await waitForEditor()
    expect(await editorText()).toContain(MARK)
    expect(await scriptTab()).toBe('miniport.ts●')
    await pickExample('buggy/double-free.ts')
    await page.getByTestId('unsaved-discard').click()
    await page.locator('[data-testid="doc-script"]', { hasText: 'double-free.ts' }).waitFor()
    expect(await editorText()).not.toContain(MARK)
    await page.locator('.monaco-editor .view-lines').click()
    await page.keyboard.press('Control+z')
    // What the editor holds (and would run) is the edited text again, autosaved; its first line shows the edit.
    // Predicates are functions, not strings: the page's CSP forbids eval, which a polled string predicate needs.
    await page.waitForFunction(
      (mark: string) =>
        (globalThis as unknown as PageGlobals).localStorage.getItem('nicwb.editor.script')?.startsWith(mark),
      MARK,
    )
    await page.keyboard.press('Control+Home')
    // Monaco draws the scrolled view on its next animation frame: wait for the first line to be on screen.
    await page.waitForFunction(
      (mark: string) =>
        String(
          (globalThis as unknown as PageGlobals).document.querySelector('.monaco-editor .view-lines')?.innerText ?? '',
        )
          .replace(/\u00a0/g, ' ')
          .includes(mark),
      MARK,
    )
    expect(await editorText()).toContain(MARK)
    // The text brought back is unsaved again, so the next example asks again.
    expect(await scriptTab()).toBe('double-free.ts●')
  })
})
