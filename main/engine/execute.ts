// One run, start to report, as the engine worker performs it: build the run, load the script into its sandbox with
// the run's scope, start the miniport, run to the end, halt, scan for leaks, build the report.
import { Run } from '../../core/engine/run'
import { BugCheck } from '../../core/kernel/bugcheck'
import { addNotEmulated } from '../../core/engine/script-scope'
import { buildReport } from '../../core/engine/report-builder'
import { chromeTraceJson } from '../../core/trace/chrome-trace'
import type { ScriptErrorReport } from '../../core/report/report'
import { loadScript, ScriptLoadError } from '../script-host/sandbox'
import { formatScriptError, scriptFrames } from '../script-host/stack'
import type { TranspiledScript } from '../script-host/transpile'
import type { EngineJob, EngineResult } from './messages'
import { createSharedCells, PROGRESS_EVENTS, PROGRESS_RX_FRAMES, PROGRESS_TIME_NS } from './shared-cells'

export function scriptError(error: unknown, script: TranspiledScript): ScriptErrorReport {
  const frames = scriptFrames(error, script)
  const top = frames[0]
  const message =
    typeof error === 'object' && error !== null && 'message' in error
      ? String((error as { message: unknown }).message)
      : String(error)
  return {
    message,
    stack: formatScriptError(error, script),
    at: top ? { file: top.file, line: top.line, column: top.column } : null,
  }
}

export function executeJob(job: EngineJob): EngineResult {
  const cells = createSharedCells(job.cells)
  const started = performance.now()
  const run = new Run({ ...job.config, siteCell: cells.site, watchCells: cells.watch })
  addNotEmulated(run.scope, job.declared, run.miniport)
  let error: ScriptErrorReport | null = null
  try {
    const loaded = loadScript(job.script, run.scope, cells.site)
    if (run.start(loaded.exports)) {
      run.runToEnd(65536, () => {
        cells.progress[PROGRESS_TIME_NS] = run.scheduler.nowNs
        cells.progress[PROGRESS_RX_FRAMES] = run.receivedFrames
        cells.progress[PROGRESS_EVENTS] = run.scheduler.dispatched
      })
    }
    run.shutDown()
  } catch (e) {
    const thrown = e instanceof ScriptLoadError ? e.cause : e
    if (thrown instanceof BugCheck) {
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
  }
  return {
    type: 'done',
    report,
    capture: run.capture ? run.capture.output.toBytes() : null,
    trace: job.trace ? chromeTraceJson(run.log, run.sites, job.config.script.file) : null,
  }
}
