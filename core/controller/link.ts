// Link state (controller.md §8): the cable decides STATUS.LU; every change raises LSC. A scenario or the UI's cable
// switch changes it now or at a scheduled time.
import type { Scheduler } from '../sim/scheduler'
import type { InterruptUnit } from './interrupts'
import {
  ICR_LSC,
  REG_STATUS,
  STATUS_FD,
  STATUS_LU,
  STATUS_SPEED_1000,
  STATUS_SPEED_10,
  STATUS_SPEED_100,
  STATUS_SPEED_SHIFT,
} from './registers'
import { T_LINK_CHANGES, type ControllerState } from './state'

export type LinkSpeedMbps = 10 | 100 | 1000

const STATUS = REG_STATUS >>> 2
const LINK_UP_ARG = 1
const LINK_DOWN_ARG = 0

export class LinkUnit {
  constructor(
    private readonly s: ControllerState,
    private readonly interrupts: InterruptUnit,
    private readonly scheduler: Scheduler,
    private readonly linkKind: number,
    readonly speedMbps: LinkSpeedMbps,
  ) {
    scheduler.on(linkKind, (arg) => this.setCable(arg === LINK_UP_ARG))
  }

  /** STATUS as the cable makes it (controller.md §3.4). */
  statusValue(): number {
    if (!this.s.cableConnected) return 0
    const speed =
      this.speedMbps === 1000 ? STATUS_SPEED_1000 : this.speedMbps === 100 ? STATUS_SPEED_100 : STATUS_SPEED_10
    return (STATUS_LU | STATUS_FD | (speed << STATUS_SPEED_SHIFT)) >>> 0
  }

  /** Plugs or pulls the cable; a change updates STATUS and raises LSC (controller.md §8). */
  setCable(connected: boolean): void {
    const s = this.s
    if (s.cableConnected === connected) return
    s.cableConnected = connected
    s.regs[STATUS] = this.statusValue()
    s.totals[T_LINK_CHANGES]++
    this.interrupts.raise(ICR_LSC)
  }

  /** Schedules a cable change at `atNs` (≥ now). */
  scheduleCable(atNs: number, connected: boolean): void {
    this.scheduler.schedule(atNs, this.linkKind, connected ? LINK_UP_ARG : LINK_DOWN_ARG)
  }
}
