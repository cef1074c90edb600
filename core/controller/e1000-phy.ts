// The 82540EM's internal PHY (SDM §13.4.7 MDIC, §13.5 "PHY registers"; an M88E1011-compatible register set), reached
// through MDIC at PHY address 1. Reset values and which registers read or write follow QEMU's hw/net/e1000.c
// (phy_reg_init, phy_regcap); autonegotiation completes at once when the cable is in (QEMU completes it on a timer).
import {
  MDIC_DATA_MASK,
  MDIC_ERROR,
  MDIC_OP_READ,
  MDIC_OP_WRITE,
  MDIC_PHY_SHIFT,
  MDIC_READY,
  MDIC_REG_SHIFT,
} from './e1000-registers'

export const PHY_REGISTERS = 32
export const PHY_ADDRESS = 1

export const PHY_CTRL = 0 // MII control (BMCR)
export const PHY_STATUS = 1 // MII status (BMSR)
export const PHY_ID1 = 2
export const PHY_ID2 = 3
export const PHY_AUTONEG_ADV = 4
export const PHY_LP_ABILITY = 5
export const PHY_AUTONEG_EXP = 6
export const PHY_1000T_CTRL = 9
export const PHY_1000T_STATUS = 10
export const PHY_SPEC_CTRL = 16
export const PHY_SPEC_STATUS = 17
export const PHY_EXT_SPEC_CTRL = 20
export const PHY_RX_ERR_COUNTER = 21

export const PHY_CTRL_FULL_DUPLEX = 1 << 8
export const PHY_CTRL_RESTART_AUTONEG = 1 << 9
export const PHY_CTRL_AUTONEG_ENABLE = 1 << 12
export const PHY_CTRL_SPEED_1000 = 1 << 6
export const PHY_CTRL_LOOPBACK = 1 << 14
export const PHY_CTRL_RESET = 1 << 15
export const PHY_STATUS_LINK = 1 << 2
export const PHY_STATUS_AUTONEG_COMPLETE = 1 << 5
/** M88 PHY-specific status: link (bit 10), speed and duplex resolved (bit 11), duplex (13), speed (15:14). */
export const PHY_SPEC_STATUS_LINK = 1 << 10

export const PHY_NAMES: readonly string[] = (() => {
  const names = new Array<string>(PHY_REGISTERS).fill('')
  names[PHY_CTRL] = 'PCTRL'
  names[PHY_STATUS] = 'PSTATUS'
  names[PHY_ID1] = 'PHY_ID1'
  names[PHY_ID2] = 'PHY_ID2'
  names[PHY_AUTONEG_ADV] = 'ANA'
  names[PHY_LP_ABILITY] = 'ANLPA'
  names[PHY_AUTONEG_EXP] = 'ANE'
  names[PHY_1000T_CTRL] = 'GCON'
  names[PHY_1000T_STATUS] = 'GSTATUS'
  names[PHY_SPEC_CTRL] = 'PSCON'
  names[PHY_SPEC_STATUS] = 'PSSTAT'
  names[PHY_EXT_SPEC_CTRL] = 'EPSCON'
  names[PHY_RX_ERR_COUNTER] = 'PREC'
  return names
})()

const R = 1
const W = 2
/** Which registers answer a read (R) or take a write (W): QEMU's phy_regcap. */
const CAPS = (() => {
  const c = new Uint8Array(PHY_REGISTERS)
  c[PHY_CTRL] = R | W
  c[PHY_STATUS] = R
  c[PHY_ID1] = R
  c[PHY_ID2] = R
  c[PHY_AUTONEG_ADV] = R | W
  c[PHY_LP_ABILITY] = R
  c[PHY_AUTONEG_EXP] = R
  c[PHY_1000T_CTRL] = R | W
  c[PHY_1000T_STATUS] = R
  c[PHY_SPEC_CTRL] = R | W
  c[PHY_SPEC_STATUS] = R
  c[PHY_EXT_SPEC_CTRL] = R | W
  c[PHY_RX_ERR_COUNTER] = R
  return c
})()

export class Phy {
  readonly regs = new Uint16Array(PHY_REGISTERS)

  constructor(private linkUp: boolean) {
    this.reset()
  }

  /** Power-on and PHY reset values (QEMU phy_reg_init; PHY_ID2 0x0C20 is the 82540EM's, SDM §13.5.3). */
  reset(): void {
    const r = this.regs
    r.fill(0)
    r[PHY_CTRL] = PHY_CTRL_SPEED_1000 | PHY_CTRL_FULL_DUPLEX | PHY_CTRL_AUTONEG_ENABLE
    r[PHY_STATUS] = 0x7969 // extended capability, autoneg ability, 10/100 half/full, extended status, MF preamble
    r[PHY_ID1] = 0x0141
    r[PHY_ID2] = 0x0c20
    r[PHY_AUTONEG_ADV] = 0x0de1
    r[PHY_LP_ABILITY] = 0x01e0
    r[PHY_1000T_CTRL] = 0x0e00
    r[PHY_1000T_STATUS] = 0x3c00
    r[PHY_SPEC_CTRL] = 0x0360
    r[PHY_SPEC_STATUS] = 0xac00
    r[PHY_EXT_SPEC_CTRL] = 0x0d60
    this.setLink(this.linkUp)
  }

  /** The cable: link and autonegotiation complete in PSTATUS, link partner ability, PSSTAT link (QEMU e1000x). */
  setLink(up: boolean): void {
    this.linkUp = up
    const r = this.regs
    if (up) {
      r[PHY_STATUS] |= PHY_STATUS_LINK | PHY_STATUS_AUTONEG_COMPLETE
      r[PHY_LP_ABILITY] |= 0x4000 // acknowledge
      r[PHY_SPEC_STATUS] |= PHY_SPEC_STATUS_LINK
    } else {
      r[PHY_STATUS] &= ~(PHY_STATUS_LINK | PHY_STATUS_AUTONEG_COMPLETE)
      r[PHY_LP_ABILITY] &= ~0x4000
      r[PHY_SPEC_STATUS] &= ~PHY_SPEC_STATUS_LINK
    }
  }

  /**
   * A write of MDIC (SDM §13.4.7): the operation completes at once; the value MDIC then reads is returned. A PHY
   * address other than 1, or a register the PHY does not have, sets E (QEMU set_mdic).
   */
  access(value: number): number {
    const data = value & MDIC_DATA_MASK
    const reg = (value >>> MDIC_REG_SHIFT) & 0x1f
    const phy = (value >>> MDIC_PHY_SHIFT) & 0x1f
    let out = value & ~(MDIC_READY | MDIC_ERROR)
    if (phy !== PHY_ADDRESS) return (out | MDIC_ERROR | MDIC_READY) >>> 0
    const op = value & (MDIC_OP_READ | MDIC_OP_WRITE)
    if (op === MDIC_OP_READ) {
      if ((CAPS[reg] & R) === 0) out |= MDIC_ERROR
      else out = (out & ~MDIC_DATA_MASK) | this.regs[reg]
    } else if (op === MDIC_OP_WRITE) {
      if ((CAPS[reg] & W) === 0) out |= MDIC_ERROR
      else if (reg === PHY_CTRL) this.writeControl(data)
      else this.regs[reg] = data
    } else {
      out |= MDIC_ERROR
    }
    return (out | MDIC_READY) >>> 0
  }

  /** PCTRL: reset and restart-autonegotiation are self-clearing (QEMU set_phy_ctrl). */
  private writeControl(data: number): void {
    if ((data & PHY_CTRL_RESET) !== 0) {
      this.reset()
      return
    }
    this.regs[PHY_CTRL] = data & ~(0x3f | PHY_CTRL_RESET | PHY_CTRL_RESTART_AUTONEG)
    if ((data & PHY_CTRL_RESTART_AUTONEG) !== 0) this.setLink(this.linkUp)
  }
}
