// The 82540EM's link (SDM §8.2, §13.4.1 CTRL.SLU, §13.4.2 STATUS): the internal PHY sees the cable; the MAC reports
// link up (STATUS.LU) once the driver has set CTRL.SLU, at the speed and duplex autonegotiation resolved (CTRL.ASDE
// on copper). Every change of STATUS.LU raises LSC, as QEMU's e1000_set_link_status does.
import type { Scheduler } from '../sim/scheduler'
import type { Phy } from './e1000-phy'
import {
  CTRL_SLU,
  E_CTRL,
  E_STATUS,
  ICR_LSC,
  STATUS_FD,
  STATUS_LU,
  STATUS_SPEED_10,
  STATUS_SPEED_100,
  STATUS_SPEED_1000,
  STATUS_SPEED_SHIFT,
} from './e1000-registers'
import type { InterruptUnit } from './interrupts'
import type { LinkSpeedMbps } from './link'
import { T_LINK_CHANGES, type ControllerState } from './state'

const CTRL = E_CTRL >>> 2
const STATUS = E_STATUS >>> 2

export class E1000Link {
  constructor(
    private readonly s: ControllerState,
    private readonly phy: Phy,
    private readonly interrupts: InterruptUnit,
    private readonly scheduler: Scheduler,
    private readonly linkKind: number,
    readonly speedMbps: LinkSpeedMbps,
  ) {
    scheduler.on(linkKind, (arg) => this.setCable(arg === 1))
  }

  /** STATUS from the cable and CTRL.SLU: FD, LU and SPEED (bits 7:6), ASDV (bits 9:8) the resolved speed. */
  statusValue(): number {
    const speed =
      this.speedMbps === 1000 ? STATUS_SPEED_1000 : this.speedMbps === 100 ? STATUS_SPEED_100 : STATUS_SPEED_10
    const resolved = (speed << STATUS_SPEED_SHIFT) | (speed << 8)
    if (!this.s.cableConnected || (this.s.regs[CTRL] & CTRL_SLU) === 0) return resolved >>> 0
    return (STATUS_LU | STATUS_FD | resolved) >>> 0
  }

  /** Recomputes STATUS (after CTRL, the cable or a reset changed); LSC when LU changed and `signal`. */
  update(signal = true): void {
    const s = this.s
    const before = s.regs[STATUS] & STATUS_LU
    s.regs[STATUS] = this.statusValue()
    // LSC, but not a link change of the totals: those count the cable (controller.md Appendix A).
    if ((s.regs[STATUS] & STATUS_LU) !== before && signal) this.interrupts.raise(ICR_LSC)
  }

  setCable(connected: boolean): void {
    const s = this.s
    if (s.cableConnected === connected) return
    s.cableConnected = connected
    this.phy.setLink(connected)
    s.regs[STATUS] = this.statusValue()
    // The PHY's link changed: LSC even while CTRL.SLU is clear (the PHY interrupt reaches ICR.LSC, SDM §13.4.17).
    s.totals[T_LINK_CHANGES]++
    this.interrupts.raise(ICR_LSC)
  }

  scheduleCable(atNs: number, connected: boolean): void {
    this.scheduler.schedule(atNs, this.linkKind, connected ? 1 : 0)
  }
}
