// UI benchmark: the renderer's frame times and long tasks in Chromium (serve mode) while the real engine runs the
// reference miniport as fast as possible, with the pools and trace views live. Baseline: the same page idle, in the
// same browser, measured in the same run. Prints figures; asserts nothing. Needs /usr/bin/chromium (or
// CHROMIUM_PATH); `nicbench serve` builds the workbench on its first run.
import { existsSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import type { Page } from 'playwright-core'
import { CHROMIUM_PATH, launchChromium } from '../test/support/browser'
import { startServe } from '../test/support/serve'
import { FigureOutput } from './figure'

const out = new FigureOutput('ui')

const MEASURE_MS = 10_000
const BASELINE_MS = 5_000
const LONG_SCENARIO = JSON.stringify({ name: 'ui benchmark', duration: '3600s', wire: { kind: 'generator' } }, null, 2)

interface Sample {
  frames: number[]
  longTasks: number[]
}

// Runs in the page: requestAnimationFrame deltas and 'longtask' entries over `duration` ms (a string: the node
// configuration has no DOM types).
const MEASURE_IN_PAGE = `(duration) => new Promise((resolve) => {
  const frames = []
  const longTasks = []
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration) })
  observer.observe({ type: 'longtask', buffered: false })
  let last = performance.now()
  const end = last + duration
  const frame = (now) => {
    frames.push(now - last)
    last = now
    if (now < end) requestAnimationFrame(frame)
    else { observer.disconnect(); resolve({ frames, longTasks }) }
  }
  requestAnimationFrame(frame)
})`

async function measure(page: Page, ms: number): Promise<Sample> {
  return page.evaluate(`(${MEASURE_IN_PAGE})(${ms})`) as Promise<Sample>
}

function quantile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : Number.NaN
}

function report(label: string, s: Sample): { p50: number; p95: number; over50: number } {
  const sorted = s.frames.slice(1).sort((a, b) => a - b)
  const p50 = quantile(sorted, 0.5)
  const p95 = quantile(sorted, 0.95)
  const over50 = s.longTasks.filter((d) => d > 50).length
  out.text(
    `${label.padEnd(22)} frames ${String(sorted.length).padStart(5)}  p50 ${p50.toFixed(1).padStart(5)} ms  p95 ${p95
      .toFixed(1)
      .padStart(
        5,
      )} ms  max ${sorted.at(-1)?.toFixed(1).padStart(6)} ms  long tasks ${s.longTasks.length} (over 50 ms: ${over50}, longest ${
      s.longTasks.length ? Math.max(...s.longTasks).toFixed(0) : 0
    } ms)`,
  )
  return { p50, p95, over50 }
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) {
    out.text(`ui: needs Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH); skipped`)
    process.exitCode = 1
    return
  }
  out.text(`UI benchmark · ${cpus().length} cores · load ${loadavg()[0]!.toFixed(2)} · Chromium headless, 1440×900`)
  const serve = await startServe()
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    const settings = { speed: 'fast', sideTab: 'pools', bottomTab: 'trace', theme: 'dark' }
    await page.addInitScript(
      `localStorage.setItem('nicwb.editor.scenario', ${JSON.stringify(LONG_SCENARIO)});` +
        `localStorage.setItem('nicwb.settings', ${JSON.stringify(JSON.stringify(settings))})`,
    )
    await page.goto(serve.url)
    await page.locator('[data-testid="code-editor"][data-ready="true"] .monaco-editor').waitFor()
    await page.getByTestId('connection').filter({ hasText: 'engine host: serve' }).waitFor()
    await page.locator('[data-testid="examples"] option[value="reference-miniport.ts"]').waitFor({ state: 'attached' })
    await page.selectOption('[data-testid="examples"]', 'reference-miniport.ts')
    await page.waitForTimeout(1_000)

    const idle = report('idle (baseline)', await measure(page, BASELINE_MS))

    await page.getByTestId('run-button').click()
    await page.getByTestId('run-state').filter({ hasText: 'running' }).waitFor()
    await page.getByTestId('pool-row').first().waitFor()
    const live = report('engine running, fast', await measure(page, MEASURE_MS))
    const state = await page.getByTestId('status-bar').innerText()
    out.text(`status after the run: ${state?.replace(/\s+/g, ' ').trim()}`)
    const idlePage = (value: number) => ({ name: 'the idle page', value, unit: 'ms' })
    out.figure('frame time p95, engine running at full speed', live.p95, 'ms', idlePage(idle.p95), {
      value: { max: 16.7 },
      ratio: { max: 1.2 },
    })
    out.figure('frame time p50, engine running at full speed', live.p50, 'ms', idlePage(idle.p50))
    out.figure('long tasks over 50 ms, idle page', idle.over50, 'tasks')
    out.figure('long tasks over 50 ms, engine running at full speed', live.over50, 'tasks')
    await page.getByTestId('stop-button').click()
  } finally {
    await browser.close()
    await serve.stop()
  }
}

void main()
