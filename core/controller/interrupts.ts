// Interrupt cause, mask and throttling (controller.md §5). The line is level-triggered: asserted while
// ICR & IMS is non-zero, but never sooner than ITR µs after the previous assertion (§5.3). The wait is a scheduler
// event, never a loop.
import { NO_EVENT, type EventId } from '../sim/event-queue'
import type { Scheduler } from '../sim/scheduler'
import { ICR_ALL, REG_ICR, REG_IMS, REG_ITR } from './registers'
import { T_INTERRUPTS, type ControllerState } from './state'

/** Called on every change of the interrupt line's level; the host queues MiniportISR when it goes up. */
export type InterruptLine = (asserted: boolean) => void

/** Where a model keeps its cause, mask and throttle registers, and what one ITR count is worth. */
export interface InterruptLayout {
  /** Word offsets (byte offset >>> 2) of ICR, IMS and ITR. */
  readonly icr: number
  readonly ims: number
  readonly itr: number
  /** Causes ICR can hold. */
  readonly causes: number
  /** Nanoseconds per ITR count: the WB-100's µs (controller.md §3.8), the 82540EM's 256 ns (SDM 13.4.18). */
  readonly itrUnitNs: number
}

export const WB100_INTERRUPTS: InterruptLayout = Object.freeze({
  icr: REG_ICR >>> 2,
  ims: REG_IMS >>> 2,
  itr: REG_ITR >>> 2,
  causes: ICR_ALL,
  itrUnitNs: 1000,
})

export class InterruptUnit {
  line: InterruptLine | undefined
  private throttleEvent: EventId = NO_EVENT

  constructor(
    private readonly s: ControllerState,
    private readonly scheduler: Scheduler,
    private readonly throttleKind: number,
    private readonly layout: InterruptLayout = WB100_INTERRUPTS,
  ) {
    scheduler.on(throttleKind, () => {
      this.throttleEvent = NO_EVENT
      this.s.throttleAtNs = -1
      this.update()
    })
  }

  /** Sets cause bits in ICR (controller.md §5.1) and re-evaluates the line. */
  raise(causes: number): void {
    if (causes === 0) return
    this.s.regs[this.layout.icr] |= causes & this.layout.causes
    this.update()
  }

  /** Minimum interval between assertions, in ns (controller.md §3.8). */
  intervalNs(): number {
    return (this.s.regs[this.layout.itr] & 0xffff) * this.layout.itrUnitNs
  }

  /** Re-evaluates the line after ICR, IMS or ITR changed (controller.md §5.2, §5.3). */
  update(): void {
    const s = this.s
    const pending = s.regs[this.layout.icr] & s.regs[this.layout.ims]
    if (pending === 0) {
      this.cancelThrottle()
      if (s.lineAsserted) this.drive(false)
      return
    }
    if (s.lineAsserted) return
    const now = this.scheduler.nowNs
    const earliest = s.lastAssertNs + this.intervalNs()
    if (now >= earliest) {
      this.cancelThrottle()
      s.lastAssertNs = now
      s.totals[T_INTERRUPTS]++
      this.drive(true)
    } else if (s.throttleAtNs !== earliest) {
      this.cancelThrottle()
      s.throttleAtNs = earliest
      this.throttleEvent = this.scheduler.schedule(earliest, this.throttleKind)
    }
  }

  /** Device reset (controller.md §9): forgets the throttle history and drops the line. */
  reset(): void {
    this.cancelThrottle()
    this.s.lastAssertNs = -Infinity
    if (this.s.lineAsserted) this.drive(false)
  }

  /** After a snapshot restore: re-arm the throttle event and tell the host the line's level. */
  resync(): void {
    if (this.throttleEvent !== NO_EVENT) this.scheduler.cancel(this.throttleEvent)
    this.throttleEvent = NO_EVENT
    const at = this.s.throttleAtNs
    if (at >= 0) this.throttleEvent = this.scheduler.schedule(Math.max(at, this.scheduler.nowNs), this.throttleKind)
    this.line?.(this.s.lineAsserted)
  }

  private cancelThrottle(): void {
    if (this.throttleEvent !== NO_EVENT) this.scheduler.cancel(this.throttleEvent)
    this.throttleEvent = NO_EVENT
    this.s.throttleAtNs = -1
  }

  private drive(asserted: boolean): void {
    this.s.lineAsserted = asserted
    this.line?.(asserted)
  }
}
