// Runs a job in the engine worker and watches it: a handler that does not return within the wall-clock budget is
// stopped (the worker is terminated) and reported as DPC_WATCHDOG_VIOLATION (0x133) at the line it was spinning on;
// a script that exhausts the worker's memory limit is stopped and reported; neither harms the host.
import { Worker } from 'node:worker_threads'
import { builtMainFile } from '../paths'
import { WATCHED_HANDLERS, WATCH_ACTIVE, WATCH_ENTRIES, WATCH_HANDLER } from '../../core/miniport/handler-watch'
import type { RunReport, ReportLocation } from '../../core/report/report'
import { emptyNicReport, emptyProtocolReport, hex32 } from '../../core/report/report'
import type { EngineJob, EngineResult } from './messages'
import {
  createSharedCells,
  PROGRESS_EVENTS,
  PROGRESS_RX_FRAMES,
  PROGRESS_TIME_NS,
  type SharedCells,
} from './shared-cells'

export interface SuperviseOptions {
  /** Wall-clock budget of one handler call (default 3 s). */
  handlerBudgetMs?: number
  /** Heap limit of the worker (default 256 MiB: the arena is 32 MiB; a script that needs more is running away). */
  memoryMb?: number
  onProgress?: (cells: SharedCells) => void
  progressIntervalMs?: number
}

export type SupervisedOutcome = EngineResult

function siteLocation(job: EngineJob, site: number): ReportLocation {
  const s = job.script.sites[site - 1]
  return s ? { file: job.script.file, line: s.line, column: s.column } : { file: job.script.file, line: 0, column: 0 }
}

/** The report of a run the host had to stop: what the shared cells still tell. */
function stoppedReport(
  job: EngineJob,
  cells: SharedCells,
  reason: 'watchdog' | 'out-of-memory',
  message: string,
): RunReport {
  const at = siteLocation(job, cells.site[0]!)
  const handler = WATCHED_HANDLERS[cells.watch[WATCH_HANDLER]!] ?? 'a handler'
  return {
    version: 1,
    seed: job.config.seed,
    virtualTimeNs: cells.progress[PROGRESS_TIME_NS]!,
    stopReason: reason,
    verifier: job.config.verifier,
    script: { file: job.config.script.file, sha256: job.config.script.sha256 },
    scenario: { file: job.config.scenarioFile, name: job.config.scenario.name },
    eventTrace: { events: cells.progress[PROGRESS_EVENTS]!, hash: '' },
    pools: [],
    nic: { ...emptyNicReport(), rxFrames: cells.progress[PROGRESS_RX_FRAMES]! },
    protocol: emptyProtocolReport(),
    findings: [],
    bugcheck:
      reason === 'watchdog'
        ? {
            rule: 'R15',
            code: '0x133',
            name: 'DPC_WATCHDOG_VIOLATION',
            params: [hex32(0), hex32(0), hex32(0), hex32(0)],
            message: `${handler} did not return: ${message}`,
            at,
          }
        : null,
    error: reason === 'out-of-memory' ? { message, stack: '', at } : null,
    log: [],
    wallClock: { elapsedMs: 0, framesPerSecond: 0 },
  }
}

export function workerPath(): string {
  return builtMainFile('engine-worker.js')
}

export function superviseRun(job: EngineJob, options: SuperviseOptions = {}): Promise<SupervisedOutcome> {
  const budgetMs = options.handlerBudgetMs ?? 3000
  const cells = createSharedCells(job.cells)
  const started = Date.now()
  const worker = new Worker(workerPath(), {
    workerData: job,
    resourceLimits: { maxOldGenerationSizeMb: options.memoryMb ?? 256, maxYoungGenerationSizeMb: 64 },
    stdout: true,
    stderr: true,
  })
  return new Promise((resolve) => {
    let settled = false
    let lastEntries = -1
    let sameSince = Date.now()
    const finish = (outcome: SupervisedOutcome) => {
      if (settled) return
      settled = true
      clearInterval(timer)
      void worker.terminate()
      if (outcome.type === 'done' && outcome.report.stopReason === 'watchdog') {
        outcome.report.wallClock.elapsedMs = Date.now() - started
      }
      resolve(outcome)
    }
    const timer = setInterval(() => {
      options.onProgress?.(cells)
      const entries = cells.watch[WATCH_ENTRIES]!
      const active = cells.watch[WATCH_ACTIVE]! === 1
      if (!active || entries !== lastEntries) {
        lastEntries = entries
        sameSince = Date.now()
        return
      }
      if (Date.now() - sameSince > budgetMs) {
        const report = stoppedReport(job, cells, 'watchdog', `stopped after ${budgetMs} ms of wall-clock time`)
        finish({ type: 'done', report, capture: null, trace: null })
      }
    }, options.progressIntervalMs ?? 50)
    worker.on('message', (message: EngineResult) => finish(message))
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        const report = stoppedReport(job, cells, 'out-of-memory', "the script exhausted the engine's memory limit")
        finish({ type: 'done', report, capture: null, trace: null })
      } else {
        finish({ type: 'internal-error', message: error.message, stack: error.stack ?? '' })
      }
    })
    worker.on('exit', (code) => {
      if (!settled) finish({ type: 'internal-error', message: `the engine worker exited with code ${code}`, stack: '' })
    })
  })
}
