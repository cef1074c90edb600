// One run, start to report, as the engine worker performs it: build the run, load the script into its sandbox with
// the run's scope, start the miniport, run to the end, halt, scan for leaks, build the report.
import { Run } from '../../core/engine/run'
import { BugCheck } from '../../core/kernel/bugcheck'
import { addNotEmulated } from '../../core/engine/script-scope'
import { buildReport } from '../../core/engine/report-builder'
import { chromeTraceJson } from '../../core/trace/chrome-trace'
import type { ScriptErrorReport } from '../../core/report/report'
import { loadScript, ScriptLoadError } from '../script-host/sandbox'
import { formatScriptError, scriptFrames, thrownText, valueText } from '../script-host/stack'
import type { TranspiledScript } from '../script-host/transpile'
import type { EngineJob, EngineResult } from './messages'
import {
  createSharedCells,
  PROGRESS_EVENTS,
  PROGRESS_PACKETS_IN_USE,
  PROGRESS_RX_FRAMES,
  PROGRESS_TIME_NS,
} from './shared-cells'
import { RealTimePacer, wallNowNs } from './pacer/real-time-pacer'
import { RunDriver } from '../../core/sim/run-driver'
import { ndisRuntime } from '../../core/ndis/runtime'
import { isScriptInstance } from '../../core/kernel/script-value'

/** Packets the script's pools have out (the progress line's "pools in use"). */
function packetsInUse(run: Run): number {
  let n = 0
  for (const p of ndisRuntime(run.kernel).packetPools) if (p.createdSite !== 0) n += p.inUse
  return n
}

export function scriptError(error: unknown, script: TranspiledScript): ScriptErrorReport {
  const frames = scriptFrames(error, script)
  const top = frames[0]
  const message = thrownText(error, 'message') ?? valueText(error)
  return {
    message,
    stack: formatScriptError(error, script),
    at: top ? { file: top.file, line: top.line, column: top.column } : null,
  }
}

/** Runs in slices as fast as possible, or paced to the wall clock by the high-resolution pacer (cli.md --realtime). */
async function runPaced(run: Run, job: EngineJob, progress: () => void): Promise<number> {
  if (!job.realtime) {
    run.runToEnd(65536, progress)
    return 0
  }
  // 1 kHz ticks: virtual time follows the wall clock; a tick the OS stalled is counted, not assumed.
  const pacer = new RealTimePacer({ periodNs: 1_000_000 })
  await pacer.start()
  const driver = new RunDriver(run.scheduler)
  driver.setMode('realtime', wallNowNs())
  try {
    for (;;) {
      pacer.waitTick(1000)
      if (!run.advance(1 << 20, driver.virtualLimitNs(wallNowNs()))) break
      progress()
    }
  } finally {
    await pacer.stop()
  }
  return pacer.missedTicks + driver.slips
}

export async function executeJob(job: EngineJob): Promise<EngineResult> {
  const cells = createSharedCells(job.cells)
  const started = performance.now()
  const run = new Run({ ...job.config, siteCell: cells.site, watchCells: cells.watch })
  addNotEmulated(run.scope, job.declared, run.miniport)
  let error: ScriptErrorReport | null = null
  let missedTicks = 0
  try {
    const loaded = loadScript(job.script, run.scope, cells.site)
    if (run.start(loaded.exports)) {
      missedTicks = await runPaced(run, job, () => {
        cells.progress[PROGRESS_TIME_NS] = run.scheduler.nowNs
        cells.progress[PROGRESS_RX_FRAMES] = run.receivedFrames
        cells.progress[PROGRESS_EVENTS] = run.scheduler.dispatched
        cells.progress[PROGRESS_PACKETS_IN_USE] = packetsInUse(run)
      })
    }
    run.shutDown()
  } catch (e) {
    const thrown = e instanceof ScriptLoadError ? e.cause : e
    if (isScriptInstance(thrown, BugCheck)) {
      run.stop = { reason: 'bugcheck', bugCheck: thrown, error: null, startFailure: '' }
    } else if (!(e instanceof ScriptLoadError) && e instanceof Error) {
      return { type: 'internal-error', message: e.message, stack: e.stack ?? '' }
    } else {
      run.stop = { reason: 'exception', bugCheck: null, error: thrown, startFailure: '' }
    }
  }
  if (run.stop?.reason === 'exception') error = scriptError(run.stop.error, job.script)
  const report = buildReport(run, error)
  const elapsedMs = performance.now() - started
  report.wallClock = {
    elapsedMs: Math.round(elapsedMs * 1000) / 1000,
    framesPerSecond: elapsedMs > 0 ? Math.round((report.nic.rxFrames / elapsedMs) * 1000) : 0,
    ...(job.realtime ? { missedTicks } : {}),
  }
  return {
    type: 'done',
    report,
    capture: run.capture ? (run.finishCapture(), run.capture.output.toBytes()) : null,
    trace: job.trace ? chromeTraceJson(run.log, run.sites, job.config.script.file) : null,
  }
}
