// The 82540EM's register file (8254x SDM §13): offsets, reset values, access types, reserved bits, clear-on-read
// statistics, CTRL.RST and the I/O window.
import { describe, expect, it } from 'vitest'
import {
  CTRL_RST,
  CTRL_SLU,
  E1000_WINDOW_LENGTH,
  EECD_PRES,
  ICR_LSC,
  ICR_RXT0,
  ICR_TXDW,
  RAH_AV,
  STATUS_LU,
} from '../../../core/controller/e1000-registers'
import { makeE1000, offsetOf } from './e1000-rig'

describe('82540EM registers at their SDM offsets (table 13-2)', () => {
  it('puts the registers a driver programs where the SDM says', () => {
    const at = (n: string) => offsetOf(n)
    expect([at('CTRL'), at('STATUS'), at('EECD'), at('EERD'), at('CTRL_EXT'), at('MDIC')]).toEqual([
      0x0, 0x8, 0x10, 0x14, 0x18, 0x20,
    ])
    expect([at('ICR'), at('ITR'), at('ICS'), at('IMS'), at('IMC'), at('RCTL'), at('TCTL'), at('TIPG')]).toEqual([
      0xc0, 0xc4, 0xc8, 0xd0, 0xd8, 0x100, 0x400, 0x410,
    ])
    expect([at('RDBAL'), at('RDBAH'), at('RDLEN'), at('RDH'), at('RDT'), at('RDTR'), at('RXDCTL'), at('RADV')]).toEqual(
      [0x2800, 0x2804, 0x2808, 0x2810, 0x2818, 0x2820, 0x2828, 0x282c],
    )
    expect([at('TDBAL'), at('TDBAH'), at('TDLEN'), at('TDH'), at('TDT'), at('TIDV'), at('TXDCTL'), at('TADV')]).toEqual(
      [0x3800, 0x3804, 0x3808, 0x3810, 0x3818, 0x3820, 0x3828, 0x382c],
    )
    expect([at('MTA[0]'), at('MTA[127]'), at('RAL[0]'), at('RAH[0]'), at('RAL[15]'), at('VFTA[0]')]).toEqual([
      0x5200, 0x53fc, 0x5400, 0x5404, 0x5478, 0x5600,
    ])
    expect([
      at('CRCERRS'),
      at('MPC'),
      at('GPRC'),
      at('BPRC'),
      at('MPRC'),
      at('GPTC'),
      at('GORCL'),
      at('GORCH'),
    ]).toEqual([0x4000, 0x4010, 0x4074, 0x4078, 0x407c, 0x4080, 0x4088, 0x408c])
    expect([at('RNBC'), at('TORL'), at('TOTH'), at('TPR'), at('TPT'), at('BPTC')]).toEqual([
      0x40a0, 0x40c0, 0x40cc, 0x40d0, 0x40d4, 0x40f4,
    ])
  })

  it('presents a 128 KB window and the permanent address in RAL0/RAH0 with AV, loaded from the EEPROM (§5.6.1)', () => {
    const r = makeE1000({ permanentAddress: [0x52, 0x54, 0x00, 0xab, 0xcd, 0xef] })
    expect(r.c.resources.registerLength).toBe(E1000_WINDOW_LENGTH)
    expect(r.read('RAL[0]')).toBe(0xab005452)
    expect(r.read('RAH[0]')).toBe((0xefcd | RAH_AV) >>> 0)
    expect(r.read('RAH[1]')).toBe(0)
    expect(r.read('EECD') & EECD_PRES).toBe(EECD_PRES)
    expect(r.read('PBA')).toBe(0x00100030)
  })

  it('reports no link until the driver sets CTRL.SLU (§13.4.1), then LU, full duplex and 1000 Mb/s', () => {
    const r = makeE1000()
    expect(r.read('STATUS') & STATUS_LU).toBe(0)
    r.write('CTRL', CTRL_SLU)
    expect(r.read('STATUS') & 0xc3).toBe(STATUS_LU | 1 | (2 << 6))
  })

  it('clears ICR on read and drops the line; ICS raises, IMS enables, IMC disables (§13.4.17–§13.4.21)', () => {
    const r = makeE1000()
    r.write('IMS', ICR_RXT0 | ICR_TXDW)
    expect(r.read('IMS')).toBe(ICR_RXT0 | ICR_TXDW)
    r.write('ICS', ICR_RXT0)
    expect(r.c.interruptAsserted).toBe(true)
    expect(r.read('ICR')).toBe(ICR_RXT0)
    expect(r.c.interruptAsserted).toBe(false)
    expect(r.read('ICR')).toBe(0)
    r.write('IMC', ICR_RXT0)
    expect(r.read('IMS')).toBe(ICR_TXDW)
    r.write('ICS', ICR_RXT0)
    expect(r.c.interruptAsserted).toBe(false)
    expect(r.c.pendingCauses()).toBe(ICR_RXT0)
  })

  it('ignores writes to read-only registers and reserved bits', () => {
    const r = makeE1000()
    r.write('STATUS', 0xffffffff)
    expect(r.read('STATUS') & STATUS_LU).toBe(0)
    r.write('RCTL', 0xffffffff)
    expect(r.read('RCTL')).toBe(0x06dfb3fe)
    r.write('RDLEN', 0x1234)
    expect(r.read('RDLEN')).toBe(0x1200)
  })

  it('clears a 64-bit statistic when its high half is read, and other statistics on every read (§13.7)', () => {
    const r = makeE1000()
    r.c.s.regs[offsetOf('GORCL') >>> 2] = 1000
    r.c.s.regs[offsetOf('MPC') >>> 2] = 3
    expect(r.read('GORCL')).toBe(1000)
    expect(r.read('GORCL')).toBe(1000)
    expect(r.read('GORCH')).toBe(0)
    expect(r.read('GORCL')).toBe(0)
    expect(r.read('MPC')).toBe(3)
    expect(r.read('MPC')).toBe(0)
  })

  it('resets on CTRL.RST: registers to reset values, RST self-clearing, the address reloaded (§13.4.1)', () => {
    const r = makeE1000()
    r.write('IMS', ICR_LSC)
    r.write('RDLEN', 4096)
    r.write('RAL[0]', 0x11223344)
    r.write('CTRL', CTRL_RST | CTRL_SLU)
    r.run(2000)
    expect(r.read('CTRL') & CTRL_RST).toBe(0)
    expect(r.read('IMS')).toBe(0)
    expect(r.read('RDLEN')).toBe(0)
    expect(r.read('RAL[0]')).toBe(0x574e0002)
    expect(r.read('STATUS') & STATUS_LU).toBe(0)
  })

  it('reads 0 where the map has no register and counts the access', () => {
    const r = makeE1000()
    expect(r.c.readRegister(0x0004, 4)).toBe(0)
    r.c.writeRegister(0x1ff00, 4, 1)
    expect(r.c.readRegister(0x1ff00, 4)).toBe(0)
    expect(r.c.statistics().totals.badRegisterAccesses).toBe(3)
  })

  it('reaches every register through the I/O window: IOADDR selects, IODATA reads and writes (§13.2)', () => {
    const r = makeE1000()
    r.c.writePort(0, 4, offsetOf('RDTR'))
    r.c.writePort(4, 4, 0x40)
    expect(r.read('RDTR')).toBe(0x40)
    r.c.writePort(0, 4, offsetOf('RAL[0]'))
    expect(r.c.readPort(4, 4)).toBe(r.read('RAL[0]'))
    expect(r.c.readPort(0, 4)).toBe(offsetOf('RAL[0]'))
  })

  it('presents PCI identity 8086:100E, class 020000, BAR0 at the register window (§4.1)', () => {
    const r = makeE1000()
    const v = new DataView(r.c.pciConfig.buffer)
    expect(v.getUint16(0, true)).toBe(0x8086)
    expect(v.getUint16(2, true)).toBe(0x100e)
    expect([r.c.pciConfig[0x0b], r.c.pciConfig[0x0a]]).toEqual([0x02, 0x00])
    expect(v.getUint32(0x10, true)).toBe(r.c.resources.registerBase)
    expect(r.c.pciConfig[0x3c]).toBe(r.c.resources.interruptLevel)
  })
})
