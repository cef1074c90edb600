// The 82540EM's PHY through MDIC (8254x SDM §13.4.7, §13.5): identity, autonegotiation, link, errors.
import { describe, expect, it } from 'vitest'
import {
  PHY_AUTONEG_ADV,
  PHY_CTRL,
  PHY_CTRL_RESTART_AUTONEG,
  PHY_ID1,
  PHY_ID2,
  PHY_STATUS,
  PHY_STATUS_AUTONEG_COMPLETE,
  PHY_STATUS_LINK,
} from '../../../core/controller/e1000-phy'
import {
  ICR_MDAC,
  MDIC_ERROR,
  MDIC_INT_EN,
  MDIC_OP_READ,
  MDIC_OP_WRITE,
  MDIC_READY,
} from '../../../core/controller/e1000-registers'
import { makeE1000, type E1000Rig } from './e1000-rig'

const mdic = (r: E1000Rig, op: number, reg: number, data = 0, phy = 1) => {
  r.write('MDIC', op | (phy << 21) | (reg << 16) | data)
  return r.read('MDIC')
}

describe('82540EM PHY through MDIC', () => {
  it('answers a read at PHY address 1 with READY and the data: the M88 identity 0141/0C20 (§13.5.3)', () => {
    const r = makeE1000()
    const id1 = mdic(r, MDIC_OP_READ, PHY_ID1)
    expect(id1 & MDIC_READY).toBe(MDIC_READY)
    expect(id1 & MDIC_ERROR).toBe(0)
    expect(id1 & 0xffff).toBe(0x0141)
    expect(mdic(r, MDIC_OP_READ, PHY_ID2) & 0xffff).toBe(0x0c20)
  })

  it('shows link and autonegotiation complete while the cable is in, and not after it is pulled', () => {
    const r = makeE1000()
    const up = PHY_STATUS_LINK | PHY_STATUS_AUTONEG_COMPLETE
    expect(mdic(r, MDIC_OP_READ, PHY_STATUS) & up).toBe(up)
    r.c.testControl.setLink(false)
    expect(mdic(r, MDIC_OP_READ, PHY_STATUS) & up).toBe(0)
  })

  it('takes writes to the autonegotiation advertisement; restart autonegotiation is self-clearing', () => {
    const r = makeE1000()
    mdic(r, MDIC_OP_WRITE, PHY_AUTONEG_ADV, 0x01e1)
    expect(mdic(r, MDIC_OP_READ, PHY_AUTONEG_ADV) & 0xffff).toBe(0x01e1)
    mdic(r, MDIC_OP_WRITE, PHY_CTRL, 0x1140 | PHY_CTRL_RESTART_AUTONEG)
    expect(mdic(r, MDIC_OP_READ, PHY_CTRL) & 0xffff).toBe(0x1140)
  })

  it('sets E for another PHY address or a register the PHY does not have (QEMU set_mdic)', () => {
    const r = makeE1000()
    expect(mdic(r, MDIC_OP_READ, PHY_ID1, 0, 2) & MDIC_ERROR).toBe(MDIC_ERROR)
    expect(mdic(r, MDIC_OP_READ, 30) & MDIC_ERROR).toBe(MDIC_ERROR)
    expect(mdic(r, MDIC_OP_WRITE, PHY_ID1, 5) & MDIC_ERROR).toBe(MDIC_ERROR)
  })

  it('raises MDAC when the access asks for an interrupt (MDIC.I)', () => {
    const r = makeE1000()
    mdic(r, MDIC_OP_READ | MDIC_INT_EN, PHY_ID1)
    expect(r.read('ICR') & ICR_MDAC).toBe(ICR_MDAC)
  })
})
