import type { Scheduler } from './scheduler'
import { SchedulerError } from './scheduler-error'

/**
 * How virtual time relates to wall time:
 * - `fast`: as fast as possible, no relation;
 * - `realtime`: one virtual nanosecond per wall nanosecond, paced by the host's high-resolution pacer;
 * - `slow`: slow motion, one virtual nanosecond per `slowFactor` wall nanoseconds;
 * - `step`: one event per `advance` call (the run bar's "step one event").
 */
export type RunMode = 'fast' | 'realtime' | 'slow' | 'step'

/** What a driver runs in slices: a run that dispatches at most `maxEvents` events due by `untilNs`. */
export interface PacedRun {
  readonly scheduler: Scheduler
  /** False once the run has ended. */
  advance(maxEvents: number, untilNs: number): boolean
}

/** Events dispatched between two looks at the wall clock within a slice. */
const SLICE_BATCH = 256

/** Behind by more than this in real time or slow motion (the host was stalled), the driver stops trying to catch up. */
export const DEFAULT_MAX_LAG_NS = 100_000_000

/**
 * Drives a scheduler in one of the run modes. Core never reads a wall clock: the host passes its wall time (any
 * monotonic nanosecond count) to `advance`, and asks `wallDeadlineNs` when the next event falls due so it can
 * program its pacer.
 */
export class RunDriver {
  private modeValue: RunMode = 'fast'
  private factor = 1
  private anchorWallNs = 0
  private anchorVirtualNs = 0
  /** Times the driver gave up catching up after a stall and re-anchored virtual time to the wall clock. */
  slips = 0
  maxLagNs = DEFAULT_MAX_LAG_NS

  constructor(private readonly scheduler: Scheduler) {}

  get mode(): RunMode {
    return this.modeValue
  }

  get slowFactor(): number {
    return this.factor
  }

  /** Switches mode; the wall-to-virtual mapping starts again from (wallNowNs, the current virtual time). */
  setMode(mode: RunMode, wallNowNs: number, slowFactor = this.factor): void {
    if (!(slowFactor >= 1 && slowFactor <= 1e6))
      throw new SchedulerError(`slow-motion factor ${slowFactor} not in [1, 1e6]`)
    this.modeValue = mode
    this.factor = slowFactor
    this.resume(wallNowNs)
  }

  /** After a pause: virtual time continues from where it stopped, not from where the wall clock now is. */
  resume(wallNowNs: number): void {
    this.anchorWallNs = wallNowNs
    this.anchorVirtualNs = this.scheduler.nowNs
  }

  /** The virtual time the run may reach by wall time `wallNs` (+Infinity when fast or stepping). */
  virtualLimitNs(wallNs: number): number {
    if (this.modeValue === 'fast' || this.modeValue === 'step') return Infinity
    const rate = this.modeValue === 'slow' ? 1 / this.factor : 1
    return this.anchorVirtualNs + Math.max(0, Math.floor((wallNs - this.anchorWallNs) * rate))
  }

  /** Wall time at which the next pending event falls due; +Infinity when none is pending, and when fast or stepping. */
  wallDeadlineNs(): number {
    const t = this.scheduler.peekTimeNs
    if (t === Infinity || this.modeValue === 'fast' || this.modeValue === 'step') return Infinity
    const rate = this.modeValue === 'slow' ? 1 / this.factor : 1
    return this.anchorWallNs + Math.ceil((t - this.anchorVirtualNs) / rate)
  }

  /**
   * Runs what the mode allows at wall time `wallNs`, dispatching at most `maxEvents` events, and returns how many ran.
   * In real time and slow motion the clock ends at the limit when every due event ran; when a host stall left the run
   * more than `maxLagNs` behind, the mapping is re-anchored (counted in `slips`) instead of racing to catch up.
   */
  advance(wallNs: number, maxEvents = 65536): number {
    const s = this.scheduler
    if (this.modeValue === 'step') return s.step() ? 1 : 0
    const limit = Math.max(this.virtualLimitNs(wallNs), s.nowNs)
    const n = s.runUntil(limit, maxEvents)
    if (limit !== Infinity && limit - s.nowNs > this.maxLagNs) {
      this.slips++
      this.resume(wallNs)
    }
    return n
  }

  /**
   * One slice of a run, the one pacing loop of every host (the CLI's --realtime and the workbench's run bar): runs
   * what the mode allows until the wall clock `wallNow` reads passes `sliceNs` from now, and returns -1 once the run
   * has ended, else the wall nanoseconds until its next event falls due (0: run the next slice at once). A host
   * waits that long (its pacer, or a timer) between slices and answers its commands meanwhile. In real time and slow
   * motion a run more than `maxLagNs` behind re-anchors (counted in `slips`) instead of racing to catch up.
   */
  slice(run: PacedRun, wallNow: () => number, sliceNs: number): number {
    const s = this.scheduler
    const start = wallNow()
    const deadline = start + sliceNs
    if (this.modeValue === 'step') return run.advance(1, Infinity) ? 0 : -1
    if (this.modeValue === 'fast') {
      for (;;) {
        if (!run.advance(SLICE_BATCH * 8, Infinity)) return -1
        if (wallNow() >= deadline) return 0
      }
    }
    const limit = this.virtualLimitNs(start)
    let alive: boolean
    let now: number
    do {
      alive = run.advance(SLICE_BATCH, limit)
      now = wallNow()
    } while (alive && s.pending > 0 && s.peekTimeNs <= limit && now < deadline)
    if (!alive) return -1
    if (s.pending > 0 && s.peekTimeNs <= limit && limit - s.peekTimeNs > this.maxLagNs) {
      this.slips++
      this.resume(now)
    }
    return Math.max(0, this.wallDeadlineNs() - now)
  }
}
