// The 82540EM's interrupt moderation beyond ITR (SDM §3.2.7, §3.4, §13.4.31, §13.4.33, §13.4.39, §13.4.42):
// RXT0 waits for the receive delay timer (RDTR, restarted by every frame) or the absolute timer (RADV, started by the
// first frame since the last RXT0), whichever ends first; TXDW for descriptors with IDE waits the same way for TIDV
// and TADV. A delay of 0 raises the cause at once. ITR throttles the line itself (InterruptUnit). Both timers are one
// scheduler event each that is pushed later lazily, so a frame costs no cancel.
import type { Scheduler } from '../sim/scheduler'
import type { InterruptUnit } from './interrupts'

/** One delay unit of RDTR, RADV, TIDV, TADV: 1.024 µs (SDM §13.4.31). */
export const DELAY_UNIT_NS = 1024

export class DelayedCause {
  private pending = false
  private dueNs = Infinity
  private absoluteNs = Infinity
  private armedNs = -1

  constructor(
    private readonly cause: number,
    private readonly interrupts: InterruptUnit,
    private readonly scheduler: Scheduler,
    private readonly kind: number,
  ) {
    scheduler.on(kind, () => this.onTimer())
  }

  /** A frame or descriptor completed: `delay` and `absolute` in 1.024 µs units (0 = none). */
  note(delay: number, absolute: number): void {
    if (delay === 0) {
      this.flush()
      return
    }
    const now = this.scheduler.nowNs
    if (!this.pending) {
      this.pending = true
      this.absoluteNs = absolute === 0 ? Infinity : now + absolute * DELAY_UNIT_NS
    }
    this.dueNs = Math.min(now + delay * DELAY_UNIT_NS, this.absoluteNs)
    if (this.armedNs < 0 || this.armedNs > this.dueNs) this.arm(this.dueNs)
  }

  /** Raises the cause now if it is waiting (RDTR.FPD, or a zero delay). */
  flush(): void {
    this.pending = false
    this.dueNs = Infinity
    this.absoluteNs = Infinity
    this.interrupts.raise(this.cause)
  }

  reset(): void {
    this.pending = false
    this.dueNs = Infinity
    this.absoluteNs = Infinity
  }

  get waiting(): boolean {
    return this.pending
  }

  private arm(atNs: number): void {
    this.armedNs = atNs
    this.scheduler.schedule(atNs, this.kind)
  }

  private onTimer(): void {
    if (this.scheduler.nowNs !== this.armedNs) return // an older arming, superseded by an earlier one
    this.armedNs = -1
    if (!this.pending) return
    if (this.scheduler.nowNs < this.dueNs) this.arm(this.dueNs)
    else this.flush()
  }
}
