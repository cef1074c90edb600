// Host side of real-time pacing (README.md, "Using the workbench": the real-time speed paces virtual time to the wall clock).
// Core never reads the wall clock: the engine asks the pacer for ticks and hands `RealTimePacer.nowNs()` to
// core/sim's RunDriver.advance.
import { Worker } from 'node:worker_threads'
import {
  CTL_CELLS,
  CTL_MISSED,
  CTL_RUN,
  CTL_SAMPLES,
  CTL_STATE,
  CTL_TICK,
  F_CELLS,
  F_FIRST_DEADLINE_NS,
  F_LEAD_NS,
  F_MAX_LEAD_NS,
  F_OFFSET,
  F_PERIOD_NS,
  pacerBufferBytes,
  RING_OFFSET,
} from './pacer-layout'
import { PACER_WORKER_SOURCE } from './pacer-worker-source'

export interface PacerOptions {
  /** Tick period in nanoseconds (1 000 000 = 1 kHz, 100 000 = 10 kHz); at least 10 µs. */
  periodNs: number
  /** How early, at most, the worker stops sleeping and spins (default 200 µs). */
  maxLeadNs?: number
  /** Lateness samples kept (a ring; default 65 536). */
  samples?: number
}

/** Wall time as the pacer measures it: process.hrtime in nanoseconds (monotonic, the same in every thread). */
export function wallNowNs(): number {
  return Number(process.hrtime.bigint())
}

/**
 * A periodic tick source on its own thread. The consumer (the engine's thread) blocks in `waitTick`, or polls
 * `ticks` between events. Ticks arrive in order; deadlines the worker could not meet because the OS stalled the
 * process are counted in `missedTicks`, and ticks the consumer did not see one by one (it was busy or stalled) in
 * `skippedTicks`.
 */
export class RealTimePacer {
  readonly periodNs: number
  private readonly buffer: SharedArrayBuffer
  private readonly ctl: Int32Array
  private readonly f: Float64Array
  private readonly ring: Float64Array
  private worker: Worker | undefined
  private lastSeen = 0
  /** Ticks that passed between two `waitTick` returns without being returned themselves. */
  skippedTicks = 0

  constructor(options: PacerOptions) {
    const { periodNs } = options
    if (!(Number.isFinite(periodNs) && periodNs >= 10_000))
      throw new RangeError(`pacer period ${periodNs} ns: at least 10 µs`)
    const samples = Math.max(1, Math.floor(options.samples ?? 65536))
    this.periodNs = periodNs
    this.buffer = new SharedArrayBuffer(pacerBufferBytes(samples))
    this.ctl = new Int32Array(this.buffer, 0, CTL_CELLS)
    this.f = new Float64Array(this.buffer, F_OFFSET, F_CELLS)
    this.ring = new Float64Array(this.buffer, RING_OFFSET, samples)
    this.f[F_PERIOD_NS] = periodNs
    this.f[F_MAX_LEAD_NS] = options.maxLeadNs ?? 200_000
  }

  /** Starts the worker; resolves once it is timing its first deadline. */
  async start(): Promise<void> {
    if (this.worker !== undefined) return
    Atomics.store(this.ctl, CTL_RUN, 1)
    const worker = new Worker(PACER_WORKER_SOURCE, { eval: true, workerData: { buffer: this.buffer } })
    this.worker = worker
    await new Promise<void>((resolve, reject) => {
      worker.once('online', () => resolve())
      worker.once('error', reject)
    })
    while (Atomics.load(this.ctl, CTL_STATE) === 0) Atomics.wait(this.ctl, CTL_STATE, 0, 1)
    // A running pacer alone does not keep the process alive (a CLI that forgets stop() still exits).
    worker.unref()
  }

  async stop(): Promise<void> {
    const worker = this.worker
    if (worker === undefined) return
    Atomics.store(this.ctl, CTL_RUN, 0)
    Atomics.notify(this.ctl, CTL_RUN)
    this.worker = undefined
    // The worker leaves its loop at once; terminate is only the fallback should it not.
    worker.ref()
    const fallback = setTimeout(() => void worker.terminate(), 1000)
    await new Promise<void>((resolve) => worker.once('exit', () => resolve()))
    clearTimeout(fallback)
  }

  /** Number of the latest deadline reached (ticks count from 1). */
  get ticks(): number {
    return Atomics.load(this.ctl, CTL_TICK)
  }

  /** Deadlines the worker passed without signalling them because the process was stalled. */
  get missedTicks(): number {
    return Atomics.load(this.ctl, CTL_MISSED)
  }

  /** The sleep-to-spin lead the worker currently uses, in ns. */
  get leadNs(): number {
    return this.f[F_LEAD_NS]
  }

  /** Wall time (see `wallNowNs`) at which tick `n` was due. */
  deadlineNs(tick: number): number {
    return this.f[F_FIRST_DEADLINE_NS] + (tick - 1) * this.periodNs
  }

  /**
   * Blocks until a tick newer than the last one returned, and returns its number (-1 after `timeoutMs` without one,
   * or when stopped). Ticks that came and went meanwhile are added to `skippedTicks`.
   */
  waitTick(timeoutMs = 1000): number {
    let t = Atomics.load(this.ctl, CTL_TICK)
    if (t === this.lastSeen) {
      if (this.worker === undefined) return -1
      Atomics.wait(this.ctl, CTL_TICK, t, timeoutMs)
      t = Atomics.load(this.ctl, CTL_TICK)
      if (t === this.lastSeen) return -1
    }
    this.skippedTicks += t - this.lastSeen - 1
    this.lastSeen = t
    return t
  }

  /**
   * Without blocking: the newest tick not yet returned, or 0 when none came since the last call (for an engine that
   * checks between batches of events instead of sleeping). Counts skipped ticks like `waitTick`.
   */
  pollTick(): number {
    const t = Atomics.load(this.ctl, CTL_TICK)
    if (t === this.lastSeen) return 0
    this.skippedTicks += t - this.lastSeen - 1
    this.lastSeen = t
    return t
  }

  /** Lateness (ns after the deadline) of the most recent signalled ticks, oldest first. */
  lateness(): Float64Array {
    const n = Atomics.load(this.ctl, CTL_SAMPLES)
    const cap = this.ring.length
    if (n <= cap) return this.ring.slice(0, n)
    const out = new Float64Array(cap)
    const start = n % cap
    out.set(this.ring.subarray(start), 0)
    out.set(this.ring.subarray(0, start), cap - start)
    return out
  }
}
