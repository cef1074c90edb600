// The one place that decides how a run stopped and whether it failed, for the CLI's report and the UI's statistics
// alike: a value thrown while script code ran (a bug check, the script's own exception, or an error of the
// workbench), and the ends a supervising process sees from outside (its watchdog, the engine's heap limit, the
// engine process killed or crashed).
import { isScriptInstance } from '../verifier/script-value'
import {
  emptyNicReport,
  emptyProtocolReport,
  hex32,
  type BugCheckReport,
  type ReportLocation,
  type RunReport,
  type ScriptErrorReport,
  type StopReason,
} from '../report/report'
import { BugCheck } from '../verifier/bugcheck'
import { TOP_LEVEL_CODE, watchedName } from '../miniport/handler-watch'
import type { RunConfig } from './run-config'

/** What stopped the run early, before the report is built. */
export interface RunStop {
  reason: StopReason
  bugCheck: BugCheck | null
  /** An exception the script threw (not a bug check), or the workbench's own error for 'internal-error'. */
  error: unknown
  /** Why the miniport did not start, when it did not. */
  startFailure: string
}

/**
 * Errors made by the script's own code come from its realm (the sandbox's context), not from the engine's: an Error
 * of the engine's realm that is not a bug check is a fault of the workbench.
 */
export function isHostError(error: unknown): boolean {
  return isScriptInstance(error, Error) && !isScriptInstance(error, BugCheck)
}

/** A value thrown while script code ran (loading, DriverEntry, any handler) as the run's stop. */
export function stopForThrown(error: unknown): RunStop {
  if (isScriptInstance(error, BugCheck)) return { reason: 'bugcheck', bugCheck: error, error: null, startFailure: '' }
  if (isHostError(error)) return { reason: 'internal-error', bugCheck: null, error, startFailure: '' }
  return { reason: 'exception', bugCheck: null, error, startFailure: '' }
}

/** How a supervising process lost the engine: it stopped it, or the engine process ended on its own. */
export type EngineLoss =
  /** Script code ran past its wall-clock budget: `handler` is the WATCHED_HANDLERS id of the outermost code. */
  | { kind: 'watchdog'; handler: number; budgetMs: number; ranMs: number }
  /** The engine process ran out of heap. */
  | { kind: 'out-of-memory' }
  /** The engine process ended without a report: killed, or crashed (`detail`: its exit code or signal). */
  | { kind: 'engine-lost'; detail: string }

export interface LossStop {
  stopReason: StopReason
  bugcheck: BugCheckReport | null
  error: ScriptErrorReport | null
}

/** What the report says of a lost engine; `at` is the script line it was last at (the call-site cell, validated). */
export function stopForLoss(loss: EngineLoss, at: ReportLocation): LossStop {
  if (loss.kind === 'watchdog') {
    const what = watchedName(loss.handler)
    const verb = what === TOP_LEVEL_CODE ? 'did not finish' : 'did not return'
    return {
      stopReason: 'watchdog',
      bugcheck: {
        rule: 'R15',
        code: '0x133',
        name: 'DPC_WATCHDOG_VIOLATION',
        // R15's watchdog form: P1 0 (one DPC or ISR ran too long), P2 the time it ran, P3 its allotment (ms).
        params: [hex32(0), hex32(Math.round(loss.ranMs)), hex32(loss.budgetMs), hex32(0)],
        message: `${what} ${verb}: stopped after ${loss.budgetMs} ms of wall-clock time`,
        at,
      },
      error: null,
    }
  }
  if (loss.kind === 'out-of-memory') {
    return {
      stopReason: 'out-of-memory',
      bugcheck: null,
      error: { message: "the script exhausted the engine's memory limit", stack: '', at },
    }
  }
  return {
    stopReason: 'engine-lost',
    bugcheck: null,
    error: { message: `the engine process ended without a report (${loss.detail})`, stack: '', at },
  }
}

/** A run fails on any error-severity finding, a bug check, an exception, a stop from outside or a failed start. */
export function runFailed(report: Pick<RunReport, 'bugcheck' | 'error' | 'stopReason' | 'findings'>): boolean {
  return (
    report.bugcheck !== null ||
    report.error !== null ||
    report.stopReason === 'watchdog' ||
    report.stopReason === 'out-of-memory' ||
    report.stopReason === 'engine-lost' ||
    report.stopReason === 'init-failed' ||
    report.stopReason === 'internal-error' ||
    report.findings.some((f) => f.severity === 'error')
  )
}

/** The script line call site `id` names; the cell is the script's to write, so anything else is line 0. */
export function siteLocation(
  file: string,
  sites: readonly { line: number; column: number }[],
  id: number,
): ReportLocation {
  const s = Number.isInteger(id) && id >= 1 ? sites[id - 1] : undefined
  return s ? { file, line: s.line, column: s.column } : { file, line: 0, column: 0 }
}

/** What the host last saw of a lost engine (its watch stream). */
export interface LastSeen {
  virtualTimeNs: number
  events: number
  rxFrames: number
}

/** The report of a run whose engine was lost: the stop, and the figures the host last saw. */
export function lostEngineReport(
  config: EngineRunConfigLike,
  stop: LossStop,
  seen: LastSeen,
  elapsedMs: number,
): RunReport {
  return {
    version: 1,
    seed: config.seed,
    virtualTimeNs: seen.virtualTimeNs,
    stopReason: stop.stopReason,
    verifier: config.verifier,
    script: { file: config.script.file, sha256: config.script.sha256 },
    scenario: { file: config.scenarioFile, name: config.scenario.name },
    eventTrace: { events: seen.events, hash: '' },
    pools: [],
    nic: { ...emptyNicReport(), rxFrames: seen.rxFrames },
    protocol: emptyProtocolReport(),
    findings: [],
    bugcheck: stop.bugcheck,
    error: stop.error,
    log: [],
    wallClock: { elapsedMs, framesPerSecond: 0 },
  }
}

type EngineRunConfigLike = Pick<RunConfig, 'seed' | 'verifier' | 'script' | 'scenarioFile' | 'scenario'>
