// One interactive run inside the engine process: runs in slices (core/sim's RunDriver, the same pacing loop as
// `nicbench run --realtime`) so that run-bar commands and queries are answered between them, at full speed, paced to
// the wall clock or slowed down; pause, step, resume, stop; the cable switch; live statistics at STATS_HZ. A script
// that never returns holds this thread: the supervising host's watchdog ends the process.
import { STATS_HZ, type RunSpeed, type RunState, type RunStats } from '../../core/api/workbench-api'
import type { EngineRunInput, RunCommandHandlers } from '../../core/api/engine-protocol'
import { protocolFigures } from '../../core/engine/report-builder'
import type { Run } from '../../core/engine/run'
import { T_INTERRUPTS, T_RX_FRAMES } from '../../core/controller/state'
import { controllerSnapshot } from '../../core/inspect/controller'
import { bugCheckView, findingRows } from '../../core/inspect/findings'
import { packetDetail } from '../../core/inspect/packet-detail'
import { listPackets } from '../../core/inspect/packets'
import { PoolRates, poolRows } from '../../core/inspect/pools'
import { traceRows } from '../../core/inspect/trace'
import { RunDriver } from '../../core/sim/run-driver'
import { createRun, loadAndStart, stopError } from './execute'
import { recordProgress, type EngineCells } from './engine-cells'
import { wallNowNs } from './pacer/real-time-pacer'

/** Wall time of one slice: short enough that a command waits at most this long. */
const SLICE_NS = 8_000_000
/** Slow motion default: 1 ms of virtual time per wall-clock second. */
const DEFAULT_SLOW_NS_PER_SECOND = 1_000_000
/** Longest sleep between slices when the next event is far off (commands are answered meanwhile anyway). */
const MAX_WAIT_MS = 10
/** DbgPrint lines sent per stats message at most (the rest are counted). */
const MAX_LOG_LINES = 500

export interface InteractiveStart {
  input: EngineRunInput
  speed: RunSpeed
  slowNsPerSecond?: number | undefined
  paused: boolean
}

/** Wall nanoseconds per virtual nanosecond for a slow-motion rate, within what the driver accepts. */
function slowFactor(slowNsPerSecond: number): number {
  return Math.min(1e6, Math.max(1, 1e9 / slowNsPerSecond))
}

export class InteractiveRun {
  readonly run: Run
  private readonly input: EngineRunInput
  private readonly driver: RunDriver
  private state: RunState = 'paused'
  private userStopped = false
  private readonly slowFactor: number
  private scheduled = false
  private readonly rates = new PoolRates()
  private previousNs = 0
  private previousFrames = 0
  private previousInterrupts = 0
  private error: RunStats['error'] = null
  private readonly statsTimer: ReturnType<typeof setInterval>

  constructor(
    start: InteractiveStart,
    private readonly cells: EngineCells,
    private readonly sendStats: (stats: RunStats) => void,
  ) {
    this.input = start.input
    const prepared = createRun(start.input, cells)
    this.run = prepared.run
    this.driver = new RunDriver(this.run.scheduler)
    this.slowFactor = slowFactor(start.slowNsPerSecond ?? DEFAULT_SLOW_NS_PER_SECOND)
    this.driver.setMode(start.speed, wallNowNs(), this.slowFactor)
    this.statsTimer = setInterval(() => this.sendStats(this.stats()), Math.round(1000 / STATS_HZ))
    // The script's top-level code, DriverEntry and MiniportInitialize; then it runs unless asked to wait.
    if (!loadAndStart(prepared, this.input)) this.finish()
    else if (!start.paused) this.resume()
  }

  /** The run-bar commands and queries, by their protocol names (answered between slices). */
  readonly commands: RunCommandHandlers = {
    pauseRun: () => this.pause(),
    resumeRun: () => this.resume(),
    stepRun: () => this.step(),
    stopRun: () => this.stop(),
    setSpeed: (speed) => this.setSpeed(speed),
    setCable: (connected) => this.setCable(connected),
    getFindings: () => findingRows(this.run.sites, this.run.kernel.verifier.findings),
    listPackets: () => listPackets(this.run.kernel),
    getPacket: (address) => packetDetail(this.run.kernel, address),
    getController: () => controllerSnapshot(this.run.controller),
    getTrace: (fromSeq, limit, kinds, newest) =>
      traceRows(this.run.log, this.run.sites, fromSeq, limit, kinds, newest === true),
  }

  private finish(): void {
    if (this.state === 'ended') return
    this.state = 'ended'
    const run = this.run
    run.shutDown()
    recordProgress(this.cells, run)
    this.error = stopError(run, this.input.script)
    if (this.error && run.stop?.reason === 'internal-error') {
      this.error = { ...this.error, message: `internal error of the workbench: ${this.error.message}` }
    }
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
    if (delayMs >= 1) setTimeout(go, delayMs)
    else setImmediate(go)
  }

  private slice(): void {
    if (this.state !== 'running') return
    const waitNs = this.driver.slice(this.run, wallNowNs, SLICE_NS)
    recordProgress(this.cells, this.run)
    if (waitNs < 0) this.finish()
    else this.schedule(Math.min(MAX_WAIT_MS, Math.floor(waitNs / 1e6)))
  }

  resume(): void {
    if (this.state === 'ended') return
    this.state = 'running'
    this.driver.resume(wallNowNs())
    this.schedule()
  }

  pause(): void {
    if (this.state === 'running') this.state = 'paused'
  }

  step(): void {
    if (this.state === 'running') this.state = 'paused'
    if (this.state !== 'paused') return
    const alive = this.run.advance(1, Infinity)
    recordProgress(this.cells, this.run)
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
    this.driver.setMode(speed, wallNowNs(), this.slowFactor)
  }

  setCable(connected: boolean): void {
    if (this.state !== 'ended') this.run.controller.testControl.setLink(connected)
  }

  stats(): RunStats {
    const run = this.run
    const nowNs = run.scheduler.nowNs
    const totals = run.controller.totals
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
      nic: { ...run.controller.statistics().totals },
      protocol: { ...protocolFigures(run) },
      findingCount: run.kernel.verifier.findings.length,
      bugCheck: stop?.bugCheck ? bugCheckView(run.sites, stop.bugCheck) : null,
      error: this.error,
      newLog,
      missedTicks: this.driver.slips,
    }
  }

  dispose(): void {
    clearInterval(this.statsTimer)
    this.state = 'ended'
  }
}
