// The host's side of the workbench's one interactive run: starts a session worker per run, relays commands and
// queries, forwards its statistics, and watches it. A handler that does not return within the wall-clock budget gets
// the worker terminated and reported as DPC_WATCHDOG_VIOLATION (0x133) at the line it was on (script-api.md); the
// host stays up and the next run starts in a fresh worker. Both the Electron main process and the serve host use it.
import { Worker } from 'node:worker_threads'
import type {
  Diagnostic,
  RunStats,
  SourceLocation,
  StartRunRequest,
  StartRunResult,
} from '../../core/api/workbench-api'
import { WATCHED_HANDLERS, WATCH_ACTIVE, WATCH_ENTRIES, WATCH_HANDLER } from '../../core/miniport/handler-watch'
import { hex32 } from '../../core/report/report'
import { paramMeanings } from '../../core/inspect/findings'
import { builtMainFile } from '../paths'
import type { ScriptSite } from '../script-host/transpile'
import type { HostToWorker, SessionCommand, SessionWorkerData, WorkerToHost } from './session-messages'
import {
  createSharedCells,
  PROGRESS_EVENTS,
  PROGRESS_RX_FRAMES,
  PROGRESS_TIME_NS,
  type SharedCells,
} from './shared-cells'

export interface SessionOptions {
  /** The built session worker (default: next to this file, as electron-vite lays out out/main). */
  workerPath?: string
  /** Wall-clock budget of one handler call (default 2 s, as the CLI). */
  handlerBudgetMs?: number
  /** Heap limit of a run's worker (default 1024 MiB). */
  memoryMb?: number
}

/** The built worker: next to the entry that loaded this code, which the bundler may have put in a chunk folder. */
export function sessionWorkerPath(): string {
  return builtMainFile('session-worker.js')
}

const WATCH_INTERVAL_MS = 50

interface Pending {
  resolve(value: unknown): void
  reject(error: Error): void
}

/** Statistics of a run whose worker is gone: what the shared cells still tell. */
function emptyStats(cells: SharedCells | null): RunStats {
  return {
    state: 'ended',
    stopReason: null,
    virtualTimeNs: cells?.progress[PROGRESS_TIME_NS] ?? 0,
    framesPerSecond: 0,
    interruptsPerSecond: 0,
    eventsDispatched: cells?.progress[PROGRESS_EVENTS] ?? 0,
    pools: [],
    nic: { rxFrames: cells?.progress[PROGRESS_RX_FRAMES] ?? 0 },
    protocol: {},
    findingCount: 0,
    bugCheck: null,
    error: null,
    newLog: [],
    missedTicks: 0,
  }
}

class RunWorker {
  readonly worker: Worker
  readonly cells: SharedCells
  file: string
  sites: ScriptSite[] = []
  alive = true
  private nextId = 1
  private readonly pending = new Map<number, Pending>()

  constructor(path: string, request: StartRunRequest, memoryMb: number) {
    this.cells = createSharedCells()
    this.file = request.fileName
    const data: SessionWorkerData = { mode: 'run', request, cells: this.cells.buffer }
    this.worker = new Worker(path, {
      workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 64 },
      stdout: true,
      stderr: true,
    })
  }

  request(name: SessionCommand, args: unknown[]): Promise<unknown> {
    if (!this.alive) return Promise.reject(new Error('the run has ended'))
    const id = this.nextId++
    const message: HostToWorker = { type: 'command', id, name, args }
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.worker.postMessage(message)
    })
  }

  settle(id: number, result: unknown, error?: string): void {
    const p = this.pending.get(id)
    if (!p) return
    this.pending.delete(id)
    if (error !== undefined) p.reject(new Error(error))
    else p.resolve(result)
  }

  kill(reason: string): void {
    if (!this.alive) return
    this.alive = false
    for (const p of this.pending.values()) p.reject(new Error(reason))
    this.pending.clear()
    void this.worker.terminate()
  }
}

export class Session {
  private readonly workerPath: string
  private readonly budgetMs: number
  private readonly memoryMb: number
  private current: RunWorker | null = null
  private lastStats: RunStats | null = null
  private readonly listeners = new Set<(stats: RunStats) => void>()
  private watchTimer: ReturnType<typeof setInterval> | null = null
  private checker: Worker | null = null
  private checkId = 1
  private readonly checks = new Map<number, (d: Diagnostic[]) => void>()

  constructor(options: SessionOptions = {}) {
    this.workerPath = options.workerPath ?? sessionWorkerPath()
    this.budgetMs = options.handlerBudgetMs ?? 3000
    this.memoryMb = options.memoryMb ?? 256
  }

  onStats(listener: (stats: RunStats) => void): () => void {
    this.listeners.add(listener)
    if (this.lastStats) listener(this.lastStats)
    return () => this.listeners.delete(listener)
  }

  private emit(stats: RunStats): void {
    this.lastStats = stats
    for (const l of this.listeners) {
      try {
        l(stats)
      } catch {
        // a listener's failure (a closed socket) is not the run's
      }
    }
  }

  /** Starts a run in a fresh worker (any previous run is ended first). */
  startRun(request: StartRunRequest): Promise<StartRunResult> {
    this.endCurrent('a new run was started')
    const run = new RunWorker(this.workerPath, request, this.memoryMb)
    this.current = run
    this.lastStats = null
    return new Promise((resolve) => {
      let started = false
      const settle = (result: StartRunResult) => {
        if (started) return
        started = true
        resolve(result)
      }
      run.worker.on('message', (message: WorkerToHost) => {
        if (message.type === 'loaded') {
          run.file = message.file
          run.sites = message.sites
        } else if (message.type === 'started') {
          if (message.ok) settle({ ok: true })
          else {
            settle({ ok: false, diagnostics: message.diagnostics })
            this.drop(run)
          }
        } else if (message.type === 'reply') {
          run.settle(message.id, message.result, message.error)
        } else if (message.type === 'stats') {
          if (run === this.current) this.emit(message.stats)
        }
      })
      run.worker.on('error', (error: Error & { code?: string }) => {
        const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        this.stopped(run, {
          stopReason: outOfMemory ? 'out-of-memory' : 'internal-error',
          error: {
            message: outOfMemory ? "the script exhausted the engine's memory limit" : error.message,
            stack: '',
            at: this.siteOf(run),
          },
        })
        settle({ ok: true })
      })
      run.worker.on('exit', () => {
        if (run.alive)
          this.stopped(run, {
            stopReason: 'internal-error',
            error: { message: 'the engine worker exited', stack: '', at: null },
          })
        settle({ ok: true })
      })
      this.watch(run)
    })
  }

  private siteOf(run: RunWorker): SourceLocation | null {
    const site = run.cells.site[0]!
    const s = run.sites[site - 1]
    return s ? { file: run.file, line: s.line, column: s.column } : null
  }

  /** The watchdog (as the CLI's supervisor): a handler entered and not left within the budget ends the run. */
  private watch(run: RunWorker): void {
    if (this.watchTimer) clearInterval(this.watchTimer)
    let lastEntries = -1
    let sameSince = Date.now()
    this.watchTimer = setInterval(() => {
      if (!run.alive) return
      const watch = run.cells.watch
      const entries = watch[WATCH_ENTRIES]!
      if (watch[WATCH_ACTIVE]! !== 1 || entries !== lastEntries) {
        lastEntries = entries
        sameSince = Date.now()
        return
      }
      if (Date.now() - sameSince <= this.budgetMs) return
      const handler = WATCHED_HANDLERS[watch[WATCH_HANDLER]!] ?? 'a handler'
      const at = this.siteOf(run) ?? { file: run.file, line: 0, column: 0 }
      this.stopped(run, {
        stopReason: 'watchdog',
        bugCheck: {
          rule: 'R15',
          code: '0x133',
          name: 'DPC_WATCHDOG_VIOLATION',
          params: [hex32(0), hex32(0), hex32(0), hex32(0)],
          paramMeanings: paramMeanings('R15'),
          message: `${handler} did not return: stopped after ${this.budgetMs} ms of wall-clock time`,
          at,
        },
      })
    }, WATCH_INTERVAL_MS)
  }

  /** The worker is gone (watchdog, out of memory, crash): the last statistics say why, and the host goes on. */
  private stopped(run: RunWorker, change: Partial<RunStats>): void {
    if (!run.alive) return
    run.kill(change.stopReason === 'watchdog' ? 'the run was stopped by the watchdog' : 'the run has ended')
    if (run !== this.current) return
    if (this.watchTimer) clearInterval(this.watchTimer)
    this.watchTimer = null
    const base = this.lastStats ?? emptyStats(run.cells)
    this.emit({
      ...base,
      ...change,
      state: 'ended',
      virtualTimeNs: run.cells.progress[PROGRESS_TIME_NS]!,
      eventsDispatched: run.cells.progress[PROGRESS_EVENTS]!,
      framesPerSecond: 0,
      interruptsPerSecond: 0,
      newLog: [],
    })
  }

  private drop(run: RunWorker): void {
    run.kill('the run did not start')
    if (run === this.current) {
      this.current = null
      if (this.watchTimer) clearInterval(this.watchTimer)
      this.watchTimer = null
    }
  }

  private endCurrent(reason: string): void {
    const run = this.current
    if (!run) return
    this.current = null
    if (this.watchTimer) clearInterval(this.watchTimer)
    this.watchTimer = null
    run.kill(reason)
  }

  /** A command or query to the current run; undefined when there is no live run. */
  async command(name: SessionCommand, args: unknown[] = []): Promise<unknown> {
    const run = this.current
    if (!run || !run.alive) return undefined
    try {
      return await run.request(name, args)
    } catch (error) {
      if (!run.alive) return undefined
      throw error
    }
  }

  /** Type-checks a script in a long-lived checker worker (the host thread never runs the type checker). */
  checkScript(fileName: string, text: string): Promise<Diagnostic[]> {
    if (!this.checker) {
      const data: SessionWorkerData = { mode: 'check' }
      const checker = new Worker(this.workerPath, { workerData: data, stdout: true, stderr: true })
      checker.on('message', (m: WorkerToHost) => {
        if (m.type !== 'checked') return
        this.checks.get(m.id)?.(m.diagnostics)
        this.checks.delete(m.id)
      })
      const fail = (message: string) => {
        for (const done of this.checks.values())
          done([{ file: fileName, line: 1, column: 1, message, severity: 'error' }])
        this.checks.clear()
        this.checker = null
      }
      checker.on('error', (e) => fail(`the checker failed: ${e.message}`))
      checker.on('exit', () => fail('the checker stopped'))
      checker.unref()
      this.checker = checker
    }
    const id = this.checkId++
    const message: HostToWorker = { type: 'check', id, fileName, text }
    return new Promise((resolve) => {
      this.checks.set(id, resolve)
      this.checker!.postMessage(message)
    })
  }

  async dispose(): Promise<void> {
    this.endCurrent('the workbench closed')
    const checker = this.checker
    this.checker = null
    if (checker) await checker.terminate()
  }
}
