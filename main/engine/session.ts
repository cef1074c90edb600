// The host's side of the workbench's one interactive run, for the serve host and the Electron main process: a run
// is prepared in the checker thread (diagnostics end it there) and runs in an engine process of its own
// (engine-process.ts: the permission model, the heap limit, the one watchdog); commands and queries are relayed to
// it in protocol messages and its statistics forwarded. A run the engine cannot finish — a handler over its budget
// (DPC_WATCHDOG_VIOLATION 0x133 at its line), the heap limit, a crash — ends with statistics that say so, the host
// stays up, and the next run starts in a fresh process.
import { Worker } from 'node:worker_threads'
import {
  IDLE_RESULTS,
  W_EVENTS,
  W_RX_FRAMES,
  W_SITE,
  W_TIME_NS,
  type CallArgs,
  type RunResult,
  type EngineRunInput,
  type RunCommand,
} from '../../core/api/engine-protocol'
import type { Diagnostic, RunStats, StartRunRequest, StartRunResult } from '../../core/api/workbench-api'
import { siteLocation, stopForLoss, type EngineLoss } from '../../core/engine/stop-cause'
import { paramMeanings } from '../../core/inspect/findings'
import type { CheckerAnswer, CheckerRequest } from './checker-worker'
import { cliBundle, EngineProcess, type EngineLimits } from './engine-process'

export interface SessionOptions extends EngineLimits {
  /** The engine bundle (default: the installed one, out/cli/engine.js). */
  engineEntry?: string
  /** The checker bundle (default: out/cli/checker.js). */
  checkerEntry?: string
}

function checkerEntry(): string {
  return cliBundle('checker.js')
}

/** Statistics of a run whose engine is gone, before it sent any: what its watch stream last told. */
function emptyStats(): RunStats {
  return {
    state: 'ended',
    stopReason: null,
    virtualTimeNs: 0,
    framesPerSecond: 0,
    interruptsPerSecond: 0,
    eventsDispatched: 0,
    pools: [],
    nic: {},
    protocol: {},
    findingCount: 0,
    bugCheck: null,
    error: null,
    newLog: [],
    missedTicks: 0,
  }
}

/** One run: its engine process and what the host needs to name where a lost engine was. */
class LiveRun {
  input: EngineRunInput | null = null
  engine: EngineProcess | null = null
}

export class Session {
  private readonly options: SessionOptions
  private current: LiveRun | null = null
  private lastStats: RunStats | null = null
  private readonly listeners = new Set<(stats: RunStats) => void>()
  private checker: Worker | null = null
  private checkId = 1
  private readonly checks = new Map<number, (answer: CheckerAnswer) => void>()

  constructor(options: SessionOptions = {}) {
    this.options = options
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

  /** Starts a run in a fresh engine process (any previous run is ended first). */
  async startRun(request: StartRunRequest): Promise<StartRunResult> {
    this.endCurrent()
    const live = new LiveRun()
    this.current = live
    this.lastStats = null
    return new Promise((resolve) => {
      let settled = false
      const settle = (result: StartRunResult) => {
        if (settled) return
        settled = true
        resolve(result)
      }
      // The process starts while the checker prepares the run: its start-up is hidden behind the type check.
      const engine = new EngineProcess(
        this.options,
        {
          message: (message) => {
            if (live !== this.current) return
            if (message.type === 'started') settle({ ok: true })
            else if (message.type === 'stats') {
              // Once the run has ended no script code runs: nothing is left for the watchdog to watch.
              if (message.stats.state === 'ended') engine.stopWatching()
              this.emit(message.stats)
            }
          },
          lost: (loss) => {
            this.lost(live, loss)
            settle({ ok: true })
          },
        },
        this.options.engineEntry,
      )
      live.engine = engine
      void this.ask({ type: 'prepare', id: this.checkId++, request }).then((answer) => {
        if (answer.type !== 'prepared' || 'diagnostics' in answer.prepared) {
          engine.kill()
          if (live === this.current) this.current = null
          const diagnostics =
            answer.type === 'prepared' && 'diagnostics' in answer.prepared
              ? answer.prepared.diagnostics
              : answer.type === 'checked'
                ? answer.diagnostics
                : []
          return settle({ ok: false, diagnostics })
        }
        if (live !== this.current) return settle({ ok: false, diagnostics: [] })
        live.input = answer.prepared.run
        engine.send({
          type: 'interactive',
          input: answer.prepared.run,
          speed: request.speed,
          ...(request.slowNsPerSecond !== undefined ? { slowNsPerSecond: request.slowNsPerSecond } : {}),
          paused: request.paused === true,
        })
      })
    })
  }

  /** The engine is gone (watchdog, out of memory, crash, killed): the last statistics say why. */
  private lost(live: LiveRun, loss: EngineLoss): void {
    if (live !== this.current) return
    const r = live.engine?.last ?? null
    const file = live.input?.config.script.file ?? ''
    const at = siteLocation(file, live.input?.script.sites ?? [], r ? r[W_SITE]! : 0)
    const stop = stopForLoss(loss, at)
    const base = this.lastStats ?? emptyStats()
    this.emit({
      ...base,
      state: 'ended',
      stopReason: stop.stopReason,
      bugCheck: stop.bugcheck ? { ...stop.bugcheck, paramMeanings: paramMeanings(stop.bugcheck.rule) } : null,
      error: stop.error,
      virtualTimeNs: r?.[W_TIME_NS] ?? base.virtualTimeNs,
      eventsDispatched: r?.[W_EVENTS] ?? base.eventsDispatched,
      nic: { ...base.nic, rxFrames: r?.[W_RX_FRAMES] ?? base.nic['rxFrames'] ?? 0 },
      framesPerSecond: 0,
      interruptsPerSecond: 0,
      newLog: [],
    })
  }

  private endCurrent(): void {
    const live = this.current
    this.current = null
    live?.engine?.kill()
  }

  /** A run command or query to the current run; what IDLE_RESULTS says when there is no live run. */
  async command<C extends RunCommand>(name: C, args: CallArgs<C>): Promise<RunResult<C>> {
    const engine = this.current?.engine
    if (!engine || !engine.alive) return IDLE_RESULTS[name]
    const answer = await engine.request(name, args)
    if (answer.ok) return this.resultOf(name, answer.result)
    if (!engine.alive) return IDLE_RESULTS[name]
    throw new Error(answer.error)
  }

  /** The engine's answer, as its own code typed it (engine-main.ts answers with the handler's result; null for none). */
  private resultOf<C extends RunCommand>(name: C, result: unknown): RunResult<C> {
    return result === null || result === undefined ? IDLE_RESULTS[name] : (result as RunResult<C>)
  }

  private ask(message: CheckerRequest): Promise<CheckerAnswer> {
    if (!this.checker) {
      const checker = new Worker(this.options.checkerEntry ?? checkerEntry(), { stdout: true, stderr: true })
      checker.on('message', (m: CheckerAnswer) => {
        this.checks.get(m.id)?.(m)
        this.checks.delete(m.id)
      })
      const fail = (reason: string) => {
        for (const [id, done] of this.checks) {
          done({
            type: 'checked',
            id,
            diagnostics: [{ file: '', line: 1, column: 1, message: reason, severity: 'error' }],
          })
        }
        this.checks.clear()
        this.checker = null
      }
      checker.on('error', (e) => fail(`the checker failed: ${e.message}`))
      checker.on('exit', () => fail('the checker stopped'))
      checker.unref()
      this.checker = checker
    }
    return new Promise((resolve) => {
      this.checks.set(message.id, resolve)
      this.checker!.postMessage(message)
    })
  }

  /** Type-checks a script in the checker thread (the host thread never runs the type checker). */
  async checkScript(fileName: string, text: string): Promise<Diagnostic[]> {
    const answer = await this.ask({ type: 'check', id: this.checkId++, fileName, text })
    return answer.type === 'checked'
      ? answer.diagnostics.map((d) => (d.file === '' ? { ...d, file: fileName } : d))
      : []
  }

  async dispose(): Promise<void> {
    this.endCurrent()
    const checker = this.checker
    this.checker = null
    if (checker) await checker.terminate()
  }
}
