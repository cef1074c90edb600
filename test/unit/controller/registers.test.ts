// Every register's behaviour as docs/controller.md §3 states it: reset values, access types, narrow and bad
// accesses, the permanent address and CTRL.RST.
import { describe, expect, it } from 'vitest'
import {
  REGISTERS,
  REGISTER_WINDOW_LENGTH,
  ICR_LSC,
  ICR_RXT0,
  ICR_TXDW,
  ICR_ALL,
  CTRL_RST,
  RCTL_EN,
} from '../../../core/controller'
import { makeFrame, makeRig, offsetOf, setupRx } from './rig'

describe('register map (controller.md §3)', () => {
  it('has one 32-bit, aligned register per offset, inside the 256-byte window', () => {
    const offsets = new Set<number>()
    for (const r of REGISTERS) {
      expect(r.width).toBe(32)
      expect(r.offset % 4).toBe(0)
      expect(r.offset).toBeLessThan(REGISTER_WINDOW_LENGTH)
      expect(offsets.has(r.offset)).toBe(false)
      offsets.add(r.offset)
    }
    expect(REGISTERS.length).toBe(28)
  })

  it('powers on with every register at its reset value; STATUS and RAL/RAH reflect the cable and address (§3.4, §3.16)', () => {
    const rig = makeRig()
    for (const r of REGISTERS) {
      if (r.name === 'STATUS' || r.name === 'RAL' || r.name === 'RAH') continue
      expect(rig.peek(r.name), r.name).toBe(r.reset)
    }
    // LU | FD | SPEED=1000 (2 << 6)
    expect(rig.read('STATUS')).toBe(0x83)
    expect(rig.read('RAL')).toBe(0x574e0002)
    expect(rig.read('RAH')).toBe(0x80000142)
  })

  it('reports the configured permanent address and speed (§3.4, §3.16)', () => {
    const rig = makeRig({ permanentAddress: [0x00, 0x11, 0x22, 0x33, 0x44, 0x55], linkSpeedMbps: 100 })
    expect(rig.read('RAL')).toBe(0x33221100)
    expect(rig.read('RAH')).toBe((0x5544 | 0x80000000) >>> 0)
    expect(rig.read('STATUS')).toBe(0x43)
    expect(rig.c.resources.permanentAddress).toEqual([0x00, 0x11, 0x22, 0x33, 0x44, 0x55])
  })

  it('RW registers keep exactly the bits of their write mask (§3.1)', () => {
    const rig = makeRig()
    for (const r of REGISTERS.filter((x) => x.access === 'RW' && x.name !== 'CTRL')) {
      rig.write(r.name, 0xffffffff)
      rig.run()
      expect(rig.peek(r.name), r.name).toBe(r.writeMask)
      rig.write(r.name, 0)
      rig.run()
      expect(rig.peek(r.name), r.name).toBe(0)
    }
    rig.write('RDBA', 0x12345677)
    expect(rig.read('RDBA')).toBe(0x12345670)
  })

  it('RO registers ignore writes (§3.1)', () => {
    const rig = makeRig()
    for (const r of REGISTERS.filter((x) => x.access === 'RO')) {
      const before = rig.peek(r.name)
      rig.write(r.name, ~before >>> 0)
      expect(rig.peek(r.name), r.name).toBe(before)
    }
  })

  it('RC registers return their value once and then read 0; writes do not change them (§3.1, §3.17)', () => {
    const rig = makeRig()
    const rx = setupRx(rig, 4)
    for (let i = 0; i < 2; i++) rig.c.testControl.injectFrame(makeFrame(100, i))
    expect(rx.size).toBe(4)
    rig.write('GPRC', 0)
    expect(rig.read('GPRC')).toBe(2)
    expect(rig.read('GPRC')).toBe(0)
    expect(rig.read('GORC')).toBe(200)
    expect(rig.read('GORC')).toBe(0)
    for (const r of REGISTERS.filter((x) => x.access === 'RC')) {
      rig.read(r.name)
      expect(rig.read(r.name), r.name).toBe(0)
    }
  })

  it('WO registers read 0 (§3.1)', () => {
    const rig = makeRig()
    rig.write('IMS', ICR_ALL)
    for (const r of REGISTERS.filter((x) => x.access === 'WO')) expect(rig.read(r.name), r.name).toBe(0)
  })

  it('IMS sets mask bits with 1s, leaves others on 0s; IMC clears with 1s (§3.7)', () => {
    const rig = makeRig()
    rig.write('IMS', ICR_RXT0)
    rig.write('IMS', ICR_LSC)
    expect(rig.read('IMS')).toBe(ICR_RXT0 | ICR_LSC)
    rig.write('IMS', 0)
    expect(rig.read('IMS')).toBe(ICR_RXT0 | ICR_LSC)
    rig.write('IMC', ICR_RXT0 | ICR_TXDW)
    expect(rig.read('IMS')).toBe(ICR_LSC)
    rig.write('IMS', 0xffffffff)
    expect(rig.read('IMS')).toBe(ICR_ALL)
  })

  it('ICS raises causes into ICR; ICR clears on read (§3.5, §3.6)', () => {
    const rig = makeRig()
    rig.write('ICS', ICR_TXDW | 0x80000000)
    expect(rig.read('ICR')).toBe(ICR_TXDW)
    expect(rig.read('ICR')).toBe(0)
  })

  it('8- and 16-bit accesses see the lanes of the 32-bit register (§3.2)', () => {
    const rig = makeRig()
    const ral = offsetOf('RAL')
    expect(rig.c.readRegister(ral, 1)).toBe(0x02)
    expect(rig.c.readRegister(ral + 2, 1)).toBe(0x4e)
    expect(rig.c.readRegister(ral + 2, 2)).toBe(0x574e)
    const itr = offsetOf('ITR')
    rig.c.writeRegister(itr + 1, 1, 0x12)
    rig.c.writeRegister(itr, 1, 0x34)
    expect(rig.read('ITR')).toBe(0x1234)
    rig.c.writeRegister(itr + 2, 2, 0xffff)
    expect(rig.read('ITR')).toBe(0x1234)
  })

  it('a narrow read of ICR still clears the whole register (§3.2)', () => {
    const rig = makeRig()
    rig.write('ICS', ICR_RXT0 | ICR_TXDW)
    expect(rig.c.readRegister(offsetOf('ICR'), 1)).toBe(ICR_RXT0 | ICR_TXDW)
    expect(rig.peek('ICR')).toBe(0)
  })

  it('bad accesses read all ones, write nothing and are counted; holes read 0 (§3.2)', () => {
    const rig = makeRig()
    const bad: [number, number][] = [
      [2, 4],
      [1, 2],
      [0, 3],
      [REGISTER_WINDOW_LENGTH, 4],
      [-4, 4],
      [Number.NaN, 4],
      [0.5, 1],
      [1e20, 4],
    ]
    for (const [offset, width] of bad) {
      expect(() => rig.c.readRegister(offset, width)).not.toThrow()
      rig.c.writeRegister(offset, width, 0xffffffff)
    }
    expect(rig.c.readRegister(2, 4)).toBe(0xffffffff)
    expect(rig.c.readRegister(1, 2)).toBe(0xffff)
    expect(rig.c.statistics().totals.badRegisterAccesses).toBe(bad.length * 2 + 2)
    expect(rig.read('CTRL')).toBe(0)
    expect(rig.c.readRegister(0x1c, 4)).toBe(0)
    rig.c.writeRegister(0x1c, 4, 0xffffffff)
    expect(rig.c.readRegister(0x1c, 4)).toBe(0)
    rig.c.writeRegister(offsetOf('ITR'), 4, 'x' as unknown as number)
    expect(rig.read('ITR')).toBe(0)
  })

  it('CTRL.RST returns every register to its reset value, self-clears and drops the line (§3.3, §9)', () => {
    const rig = makeRig()
    setupRx(rig, 4)
    rig.write('IMS', ICR_RXT0)
    rig.write('ITR', 7)
    rig.c.testControl.injectFrame(makeFrame(64, 1))
    expect(rig.c.interruptAsserted).toBe(true)
    rig.write('CTRL', CTRL_RST)
    for (const r of REGISTERS) {
      if (r.name === 'STATUS' || r.name === 'RAL' || r.name === 'RAH') continue
      expect(rig.peek(r.name), r.name).toBe(r.reset)
    }
    expect(rig.read('STATUS')).toBe(0x83)
    expect(rig.read('RAH') >>> 31).toBe(1)
    expect(rig.c.interruptAsserted).toBe(false)
    expect(rig.lines.at(-1)).toEqual([0, false])
    expect(rig.read('RCTL') & RCTL_EN).toBe(0)
  })
})
