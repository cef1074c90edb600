// The views in serve mode, in the real Chromium, against the real engine: load the reference miniport, run, watch the
// pool gauges move, pause, open a packet and read its chain and bytes, look at the controller and the trace, stop;
// then load a buggy example and find its finding at the line the example marks. Screenshots of each view go to
// test-results/.
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
const SHOTS = join(ROOT, 'test-results')

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) })
const runState = async () => (await page.getByTestId('run-state').textContent())?.trim() ?? ''
const virtualTime = async () => (await page.getByTestId('virtual-time').textContent())?.trim() ?? ''

async function loadExample(name: string): Promise<void> {
  await page.locator(`[data-testid="examples"] option[value="${name}"]`).waitFor({ state: 'attached' })
  await page.selectOption('[data-testid="examples"]', name)
  await page.locator('[data-testid="doc-script"]', { hasText: name.slice(name.lastIndexOf('/') + 1) }).waitFor()
}

async function pressInEditor(key: string): Promise<void> {
  await page.locator('.monaco-editor .view-lines').click()
  await page.keyboard.press(key)
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  serve = await startServe()
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  page.on('pageerror', (error) => pageErrors.push(error.message))
  // A scenario long enough to watch; the run is stopped with Shift+F5. Set once: the reload test keeps the editor's.
  await page.addInitScript(
    `if (!localStorage.getItem('nicwb.editor.scenario')) localStorage.setItem('nicwb.editor.scenario', ${JSON.stringify(
      JSON.stringify({
        name: 'views e2e',
        duration: '600s',
        wire: { kind: 'generator' },
        // The protocol keeps each indicated packet 2 ms: about 20 packets with their chains are out at any time.
        protocol: { holdTime: { distribution: 'fixed', ns: 2_000_000 } },
      }),
    )})`,
  )
  await page.goto(serve.url)
  await page.locator('[data-testid="code-editor"][data-ready="true"] .monaco-editor').waitFor()
  await page.getByTestId('connection').filter({ hasText: 'engine host: serve' }).waitFor()
})

afterAll(async () => {
  await browser?.close()
  await serve?.stop()
})

describe('the views against the real engine (nicbench serve)', () => {
  it('runs the reference miniport with F5 from the editor; live figures move; a pool’s gauge and its allocating line', async () => {
    await loadExample('reference-miniport.ts')
    await pressInEditor('F5')
    await page.getByTestId('run-state').filter({ hasText: 'running' }).waitFor()
    await page.getByTestId('pool-row').first().waitFor()
    const t1 = await virtualTime()
    await page.waitForTimeout(500)
    expect(await virtualTime()).not.toBe(t1)
    const fps = await page.getByTestId('frames-per-second').textContent()
    expect(fps).not.toMatch(/^0 frames/)
    // The gauge is the pool's in-use share: width = in use / (in use + free).
    const first = page.getByTestId('pool-row').first()
    const inUse = Number(await first.getByTestId('pool-in-use').textContent())
    const free = Number(await first.getByTestId('pool-free').textContent())
    const style = (await first.locator('[data-testid="pool-gauge"] .fill').getAttribute('style')) ?? ''
    expect(Number(/width: ([\d.]+)%/.exec(style)?.[1])).toBeCloseTo((100 * inUse) / Math.max(inUse + free, 1), 5)
    await first.getByTestId('pool-site').click()
    expect(await page.getByTestId('cursor').textContent()).toMatch(/^Ln [1-9]\d*, /)
    await shot('views-pools-running')
  })

  it('pauses with F6, then shows a packet’s descriptor, buffer chain, decode tree and bytes', async () => {
    await pressInEditor('F6')
    await page.getByTestId('run-state').filter({ hasText: 'paused' }).waitFor()
    const paused = await virtualTime()
    await page.waitForTimeout(300)
    expect(await virtualTime()).toBe(paused)
    await page.getByTestId('tab-packets').click()
    await page.locator('[data-testid="packet-row"]:not([data-buffers="0"])').first().click()
    await page.getByTestId('packet-detail').waitFor()
    expect(await page.getByTestId('chain-buffer').count()).toBeGreaterThan(0)
    expect(await page.locator('[data-testid="descriptor-fields"] tbody tr').count()).toBeGreaterThan(3)
    const bytes = await page.locator('[data-testid="hex-view"] .byte').count()
    expect(bytes).toBeGreaterThanOrEqual(14)
    const ethernet = page.getByTestId('decode-node').first()
    await ethernet.click()
    expect(await page.locator('[data-testid="hex-view"] .byte.lit').count()).toBeGreaterThan(0)
    expect(await page.locator('[data-testid="chain-buffer"].lit').count()).toBeGreaterThan(0)
    await shot('views-packet-inspector')
  })

  it('steps one event with F10 while paused', async () => {
    const events = async () => Number((await page.getByTestId('events').textContent())?.replace(/\D/g, ''))
    const before = await events()
    await pressInEditor('F10')
    let after = before
    for (let i = 0; i < 50 && after === before; i++) {
      await page.waitForTimeout(100)
      after = await events()
    }
    expect(after).toBe(before + 1)
    expect(await runState()).toBe('paused')
  })

  it('shows the controller (registers, rings) and the trace', async () => {
    await page.getByTestId('tab-controller').click()
    await page.getByTestId('register-table').waitFor()
    expect(await page.locator('[data-testid="register-table"] tbody tr').count()).toBeGreaterThan(10)
    await page.getByTestId('ring-rx').waitFor()
    await page.getByTestId('tab-trace').click()
    await page.getByTestId('trace-row').first().waitFor()
    await shot('views-controller-trace')
  })

  it('stops with Shift+F5', async () => {
    await pressInEditor('Shift+F5')
    await page.getByTestId('run-state').filter({ hasText: 'ended' }).waitFor()
    await page.getByTestId('tab-pools').click()
  })

  it('loads a buggy example and shows its finding at the line the example marks', async () => {
    const text = readFileSync(join(ROOT, 'examples', 'buggy', 'double-free.ts'), 'utf8')
    const bugLine = text.split('\n').findIndex((l) => l.includes('// BUG: R5')) + 1
    await loadExample('buggy/double-free.ts')
    await page.getByTestId('run-button').click()
    await page.getByTestId('tab-problems').click()
    const row = page.locator(`[data-testid="finding-row"][data-line="${bugLine}"]`)
    await row.first().waitFor()
    expect(await row.first().textContent()).toContain('R5')
    await shot('views-problems-bugcheck')
    if (await page.getByTestId('bugcheck-screen').isVisible()) await page.getByTestId('bugcheck-dismiss').click()
    await row.first().click()
    await page.locator('.monaco-editor .view-overlays .current-line').waitFor()
    expect(await page.getByTestId('cursor').textContent()).toMatch(new RegExp(`^Ln ${bugLine}, `))
    await page.locator('.monaco-editor .squiggly-error').first().waitFor()
    await shot('views-problems-editor')
  })

  it('switches to the light theme and remembers it', async () => {
    await page.getByTestId('theme-toggle').click()
    expect(await page.evaluate('document.documentElement.dataset.theme')).toBe('light')
    await page.getByTestId('tab-pools').click()
    await shot('views-light-theme')
    await page.reload()
    await page.locator('[data-testid="code-editor"][data-ready="true"] .monaco-editor').waitFor()
    expect(await page.evaluate('document.documentElement.dataset.theme')).toBe('light')
    expect(await page.locator('[data-testid="doc-script"]').textContent()).toContain('double-free.ts')
    expect(pageErrors).toEqual([])
  })

  it('stops on a bug check with the stop screen, and goes to the line from it', async () => {
    const text = readFileSync(join(ROOT, 'examples', 'buggy', 'wrong-irql.ts'), 'utf8')
    const bugLine = text.split('\n').findIndex((l) => l.includes('// BUG: R10')) + 1
    await loadExample('buggy/wrong-irql.ts')
    await page.getByTestId('run-button').click()
    const screen = page.getByTestId('bugcheck-screen')
    await screen.waitFor()
    expect(await page.getByTestId('bugcheck-code').textContent()).toBe('0xC4')
    const shown = (await screen.textContent()) ?? ''
    expect(shown).toContain('DRIVER_VERIFIER_DETECTED_VIOLATION')
    expect(shown).toContain(`R10 at wrong-irql.ts:${bugLine}`)
    await shot('views-bugcheck-screen')
    await page.getByTestId('bugcheck-reveal').click()
    expect(await page.getByTestId('cursor').textContent()).toMatch(new RegExp(`^Ln ${bugLine}, `))
    expect(pageErrors).toEqual([])
  })
})
