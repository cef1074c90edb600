// One `nicbench run`, start to report, as the engine process performs it: build the run, load the script into its
// sandbox (a watched phase), start the miniport, run to the end in slices (as fast as possible, or paced to the wall
// clock by the high-resolution pacer), halt, scan for leaks, build the report.
import type { EngineDone, EngineRunInput } from '../../core/api/engine-protocol'
import { buildReport } from '../../core/engine/report-builder'
import { Run } from '../../core/engine/run'
import { addNotEmulated } from '../../core/engine/script-scope'
import type { ScriptErrorReport } from '../../core/report/report'
import { RunDriver } from '../../core/sim/run-driver'
import { chromeTraceJson } from '../../core/trace/chrome-trace'
import { cellInRealm, createSandbox, loadScript, ScriptLoadError, type ScriptSandbox } from '../script-host/sandbox'
import { formatScriptError, scriptFrames, thrownText, type MappedScript } from '../script-host/stack'
import { valueText } from '../../core/verifier/value-text'
import { recordProgress, type EngineCells } from './engine-cells'
import { RealTimePacer, wallNowNs } from './pacer/real-time-pacer'

/** Wall time of one slice: the progress cells are refreshed between slices. */
const SLICE_NS = 10_000_000

export function scriptError(error: unknown, script: MappedScript): ScriptErrorReport {
  const frames = scriptFrames(error, script)
  const top = frames[0]
  const message = thrownText(error, 'message') ?? valueText(error)
  return {
    message,
    stack: formatScriptError(error, script),
    at: top ? { file: top.file, line: top.line, column: top.column } : null,
  }
}

/** The workbench's own error (not the script's), for the report of an 'internal-error' stop. */
function hostError(error: unknown): ScriptErrorReport {
  return {
    message: error instanceof Error ? error.message : String(error),
    stack: error instanceof Error ? (error.stack ?? '') : '',
    at: null,
  }
}

/** A run and the sandbox its script will load into. */
export interface PreparedRun {
  readonly run: Run
  readonly sandbox: ScriptSandbox
}

/**
 * The run for `input`, with the cells of the engine and the not-emulated names in its scope. The sandbox comes
 * first: what the run hands the script (its call-site cell, arrays, views) is made in the script's realm.
 */
export function createRun(input: EngineRunInput, cells: EngineCells): PreparedRun {
  const sandbox = createSandbox(input.script.file)
  const run = new Run({
    ...input.config,
    siteCell: cellInRealm(sandbox, cells.site),
    watchCells: cells.watch,
    scriptRealm: sandbox.realm,
  })
  addNotEmulated(run.scope, input.declared, run.miniport)
  return { run, sandbox }
}

/** Loads the script into its sandbox and starts the miniport; false when the run already ended. */
export function loadAndStart({ run, sandbox }: PreparedRun, input: EngineRunInput): boolean {
  return run.load(() => {
    try {
      return loadScript(input.script, run.scope, run.sites.cell, sandbox).exports
    } catch (e) {
      // What the script threw while loading is the script's; the wrapper only says when it happened.
      throw e instanceof ScriptLoadError ? e.cause : e
    }
  })
}

/** The error part of the report: the script's exception, or the workbench's own error. */
export function stopError(run: Run, script: MappedScript): ScriptErrorReport | null {
  const stop = run.stop
  if (stop?.reason === 'exception') return scriptError(stop.error, script)
  if (stop?.reason === 'internal-error') return hostError(stop.error)
  return null
}

async function runToEnd(run: Run, realtime: boolean, cells: EngineCells): Promise<number> {
  const driver = new RunDriver(run.scheduler)
  if (!realtime) {
    while (driver.slice(run, wallNowNs, SLICE_NS) >= 0) recordProgress(cells, run)
    return 0
  }
  // 1 kHz ticks: virtual time follows the wall clock; a tick the OS stalled is counted, not assumed.
  const pacer = new RealTimePacer({ periodNs: 1_000_000 })
  await pacer.start()
  driver.setMode('realtime', wallNowNs())
  try {
    while (driver.slice(run, wallNowNs, SLICE_NS) >= 0) {
      recordProgress(cells, run)
      pacer.waitTick(1000)
    }
  } finally {
    await pacer.stop()
  }
  return pacer.missedTicks + driver.slips
}

export async function executeBatch(
  input: EngineRunInput,
  options: { trace: boolean; realtime: boolean },
  cells: EngineCells,
): Promise<EngineDone> {
  const started = performance.now()
  const prepared = createRun(input, cells)
  const run = prepared.run
  let missedTicks = 0
  if (loadAndStart(prepared, input)) missedTicks = await runToEnd(run, options.realtime, cells)
  recordProgress(cells, run)
  run.shutDown()
  const report = buildReport(run, stopError(run, input.script))
  const elapsedMs = performance.now() - started
  report.wallClock = {
    elapsedMs: Math.round(elapsedMs * 1000) / 1000,
    framesPerSecond: elapsedMs > 0 ? Math.round((report.nic.rxFrames / elapsedMs) * 1000) : 0,
    ...(options.realtime ? { missedTicks } : {}),
  }
  return {
    type: 'done',
    report,
    capture: run.capture ? (run.finishCapture(), run.capture.output.toBytes()) : null,
    trace: options.trace ? chromeTraceJson(run.log, run.sites, input.config.script.file) : null,
  }
}
