// One interactive run inside the session worker: runs in slices so that commands and queries are answered between
// them, at full speed, paced to the wall clock (real time) or slowed down; pause, step, resume, stop; the cable
// switch; live statistics at STATS_HZ. A spinning handler blocks this thread: the host's watchdog ends it.
import type { RunSpeed, RunState, RunStats, StartRunRequest } from '../../core/api/workbench-api'
import { STATS_HZ } from '../../core/api/workbench-api'
import { protocolFigures } from '../../core/engine/report-builder'
import { Run } from '../../core/engine/run'
import { addNotEmulated } from '../../core/engine/script-scope'
import { T_INTERRUPTS, T_RX_FRAMES } from '../../core/controller/state'
import { controllerStatistics } from '../../core/controller/view'
import { controllerSnapshot } from '../../core/inspect/controller'
import { bugCheckView, findingRows } from '../../core/inspect/findings'
import { packetDetail } from '../../core/inspect/packet-detail'
import { listPackets } from '../../core/inspect/packets'
import { PoolRates, poolRows } from '../../core/inspect/pools'
import { traceRows } from '../../core/inspect/trace'
import { BugCheck } from '../../core/kernel/bugcheck'
import { loadScript, ScriptLoadError } from '../script-host/sandbox'
import { declaredNames } from '../script-host/sdk'
import type { TranspiledScript } from '../script-host/transpile'
import { scriptError } from './execute'
import type { PreparedRun } from './session-inputs'
import type { SessionCommand } from './session-messages'
import { createSharedCells, PROGRESS_EVENTS, PROGRESS_RX_FRAMES, PROGRESS_TIME_NS } from './shared-cells'
import { isScriptInstance } from '../../core/kernel/script-value'

/** Wall time of one slice at full speed: short enough that a command waits at most this long. */
const SLICE_MS = 8
const FAST_BATCH = 2048
/** Slow motion default: 1 ms of virtual time per wall-clock second. */
const DEFAULT_SLOW_NS_PER_SECOND = 1_000_000
/** Paced modes: the period a tick stands for, and how far behind the pacer may fall before it counts misses. */
const TICK_NS = 1_000_000
const MAX_LAG_NS = 50_000_000
/** DbgPrint lines sent per stats message at most (the rest are counted). */
const MAX_LOG_LINES = 500

function wallNowNs(): number {
  return Number(process.hrtime.bigint())
}

export class InteractiveRun {
  readonly run: Run
  private readonly script: TranspiledScript
  private state: RunState = 'paused'
  private userStopped = false
  private speed: RunSpeed
  private slowNsPerSecond: number
  private anchorWallNs = 0
  private anchorVirtualNs = 0
  private missedTicks = 0
  private scheduled = false
  private readonly rates = new PoolRates()
  private previousNs = 0
  private previousFrames = 0
  private previousInterrupts = 0
  private error: RunStats['error'] = null
  private readonly statsTimer: ReturnType<typeof setInterval>
  private readonly cells: ReturnType<typeof createSharedCells>

  constructor(
    prepared: PreparedRun,
    request: StartRunRequest,
    cellsBuffer: SharedArrayBuffer,
    private readonly sendStats: (stats: RunStats) => void,
  ) {
    this.cells = createSharedCells(cellsBuffer)
    this.script = prepared.script
    this.speed = request.speed
    this.slowNsPerSecond = request.slowNsPerSecond ?? DEFAULT_SLOW_NS_PER_SECOND
    this.run = new Run({ ...prepared.config, siteCell: this.cells.site, watchCells: this.cells.watch })
    addNotEmulated(this.run.scope, declaredNames().values, this.run.miniport)
    this.statsTimer = setInterval(() => this.sendStats(this.stats()), Math.round(1000 / STATS_HZ))
    this.begin(request.paused === true)
  }

  /** Loads the script and starts the miniport (DriverEntry, MiniportInitialize), then runs unless asked to wait. */
  private begin(paused: boolean): void {
    const run = this.run
    try {
      const loaded = loadScript(this.script, run.scope, this.cells.site)
      run.start(loaded.exports)
    } catch (e) {
      const thrown = e instanceof ScriptLoadError ? e.cause : e
      if (isScriptInstance(thrown, BugCheck)) {
        run.stop = { reason: 'bugcheck', bugCheck: thrown, error: null, startFailure: '' }
      } else {
        run.stop = { reason: 'exception', bugCheck: null, error: thrown, startFailure: '' }
      }
      run.phase = 'ended'
    }
    if (run.phase !== 'running') this.finish()
    else if (!paused) this.resume()
    else this.state = 'paused'
  }

  private finish(): void {
    if (this.state === 'ended') return
    this.state = 'ended'
    const run = this.run
    try {
      run.shutDown()
    } catch (e) {
      this.error = { message: `internal error of the workbench: ${String(e)}`, stack: '', at: null }
    }
    if (run.stop?.reason === 'exception') this.error = scriptError(run.stop.error, this.script)
    if (run.stop?.startFailure) {
      this.error = { message: `the miniport did not start: ${run.stop.startFailure}`, stack: '', at: null }
    }
    this.sendStats(this.stats())
  }

  private schedule(delayMs = 0): void {
    if (this.scheduled || this.state !== 'running') return
    this.scheduled = true
    const go = () => {
      this.scheduled = false
      this.slice()
    }
    if (delayMs > 0) setTimeout(go, delayMs)
    else setImmediate(go)
  }

  private rate(): number {
    return this.speed === 'realtime' ? 1 : this.slowNsPerSecond / 1e9
  }

  private anchor(): void {
    this.anchorWallNs = wallNowNs()
    this.anchorVirtualNs = this.run.scheduler.nowNs
  }

  private slice(): void {
    if (this.state !== 'running') return
    const run = this.run
    const deadline = wallNowNs() + SLICE_MS * 1e6
    let alive = true
    let delayMs = 0
    try {
      if (this.speed === 'fast') {
        do alive = run.advance(FAST_BATCH)
        while (alive && this.state === 'running' && wallNowNs() < deadline)
      } else {
        const s = run.scheduler
        const now = wallNowNs()
        const target = this.anchorVirtualNs + (now - this.anchorWallNs) * this.rate()
        while (alive && s.pending > 0 && s.peekTimeNs <= target && wallNowNs() < deadline) alive = run.advance(1)
        if (alive && s.pending > 0) {
          if (s.peekTimeNs <= target) {
            const lagNs = (target - s.peekTimeNs) / this.rate()
            if (lagNs > MAX_LAG_NS) {
              // The host stalled or the run cannot keep up: count the ticks missed and catch up from here.
              this.missedTicks += Math.floor(lagNs / TICK_NS)
              this.anchor()
            }
          } else {
            delayMs = Math.min(10, (s.peekTimeNs - target) / this.rate() / 1e6)
          }
        }
      }
    } catch (e) {
      this.error = { message: `internal error of the workbench: ${String(e)}`, stack: '', at: null }
      run.stop = { reason: 'halted', bugCheck: null, error: null, startFailure: '' }
      run.phase = 'ended'
      alive = false
    }
    this.progress()
    if (!alive) this.finish()
    else this.schedule(delayMs >= 1 ? Math.floor(delayMs) : 0)
  }

  private progress(): void {
    const p = this.cells.progress
    p[PROGRESS_TIME_NS] = this.run.scheduler.nowNs
    p[PROGRESS_RX_FRAMES] = this.run.receivedFrames
    p[PROGRESS_EVENTS] = this.run.scheduler.dispatched
  }

  resume(): void {
    if (this.state === 'ended') return
    this.state = 'running'
    this.anchor()
    this.schedule()
  }

  pause(): void {
    if (this.state === 'running') this.state = 'paused'
  }

  step(): void {
    if (this.state === 'running') this.state = 'paused'
    if (this.state !== 'paused') return
    const alive = this.run.advance(1)
    this.progress()
    if (!alive) this.finish()
  }

  /** The user's stop: the miniport is halted and the leak scans run, as at the end of a CLI run. */
  stop(): void {
    if (this.state === 'ended') return
    const run = this.run
    if (run.phase === 'running') {
      this.userStopped = true
      run.stop = { reason: 'halted', bugCheck: null, error: null, startFailure: '' }
      run.phase = 'ended'
    }
    this.finish()
  }

  setSpeed(speed: RunSpeed): void {
    this.speed = speed
    this.anchor()
  }

  setCable(connected: boolean): void {
    if (this.state !== 'ended') this.run.controller.testControl.setLink(connected)
  }

  command(name: SessionCommand, args: unknown[]): unknown {
    const run = this.run
    switch (name) {
      case 'pause':
        return this.pause()
      case 'resume':
        return this.resume()
      case 'step':
        return this.step()
      case 'stop':
        return this.stop()
      case 'setSpeed':
        return this.setSpeed(args[0] as RunSpeed)
      case 'setCable':
        return this.setCable(args[0] as boolean)
      case 'getFindings':
        return findingRows(run.sites, run.kernel.verifier.findings)
      case 'listPackets':
        return listPackets(run.kernel)
      case 'getPacket':
        return packetDetail(run.kernel, args[0] as number)
      case 'getController':
        return controllerSnapshot(run.controller)
      case 'getTrace':
        return traceRows(run.log, run.sites, args[0] as number, args[1] as number, args[2] as string[])
    }
  }

  stats(): RunStats {
    const run = this.run
    const nowNs = run.scheduler.nowNs
    const totals = run.controller.s.totals
    const elapsed = nowNs - this.previousNs
    const frames = totals[T_RX_FRAMES]!
    const interrupts = totals[T_INTERRUPTS]!
    const perSecond = (delta: number) => (elapsed > 0 ? (delta * 1e9) / elapsed : 0)
    const framesPerSecond = perSecond(frames - this.previousFrames)
    const interruptsPerSecond = perSecond(interrupts - this.previousInterrupts)
    if (elapsed > 0) {
      this.previousNs = nowNs
      this.previousFrames = frames
      this.previousInterrupts = interrupts
    }
    const output = run.debugOutput
    const newLog = output.slice(0, MAX_LOG_LINES).map((l) => ({ timeNs: l.timeNs, text: l.text.replace(/\n$/, '') }))
    // Lines are sent once; the run keeps none of them (an unbounded run would otherwise grow without end).
    output.length = 0
    const stop = run.stop
    return {
      state: this.state,
      stopReason: this.userStopped ? 'stopped' : (stop?.reason ?? null),
      virtualTimeNs: nowNs,
      framesPerSecond,
      interruptsPerSecond,
      eventsDispatched: run.scheduler.dispatched,
      pools: poolRows(run.kernel, this.rates.rates(run.kernel, nowNs)),
      nic: { ...controllerStatistics(run.controller).totals },
      protocol: { ...protocolFigures(run) },
      findingCount: run.kernel.verifier.findings.length,
      bugCheck: stop?.bugCheck ? bugCheckView(run.sites, stop.bugCheck) : null,
      error: this.error,
      newLog,
      missedTicks: this.missedTicks,
    }
  }

  dispose(): void {
    clearInterval(this.statsTimer)
    this.state = 'ended'
  }
}
