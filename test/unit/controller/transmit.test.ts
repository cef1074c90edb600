// The transmit path (docs/controller.md §7, §4.2).
import { describe, expect, it } from 'vitest'
import {
  ICR_DMAE,
  ICR_TXDW,
  TCTL_EN,
  TXD_CMD_EOP,
  TXD_CMD_RS,
  TXD_STATUS_DD,
  TXD_STATUS_ERR,
} from '../../../core/controller'
import { allocShared, makeFrame, makeRig, postTx, setupTx, ScriptedWire, u8, type Rig, type TxRing } from './rig'

function stage(rig: Rig, bytes: Uint8Array): number {
  const { va, pa } = allocShared(rig, bytes.length)
  rig.memory.u8.set(bytes, va - 0x80000000)
  return pa
}

function rig3(): { rig: Rig; tx: TxRing; wire: ScriptedWire } {
  const rig = makeRig()
  const wire = new ScriptedWire()
  rig.c.attachWire(wire)
  const tx = setupTx(rig, 8)
  return { rig, tx, wire }
}

const status = (rig: Rig, tx: TxRing, i: number): number => u8(rig, tx.ring + i * 16 + 12)

describe('transmit (controller.md §7.1)', () => {
  it('sends a posted frame after the TDT write, completes it with DD and raises TXDW', () => {
    const { rig, tx, wire } = rig3()
    const f = makeFrame(60, 1)
    const i = postTx(rig, tx, stage(rig, f), 60, TXD_CMD_EOP | TXD_CMD_RS)
    rig.run(500)
    rig.write('TDT', tx.tail)
    expect(wire.sent).toHaveLength(0)
    rig.run()
    expect(wire.sent).toEqual([{ timeNs: 500, bytes: f }])
    expect(status(rig, tx, i)).toBe(TXD_STATUS_DD)
    expect(rig.read('TDH')).toBe(1)
    expect(rig.read('GPTC')).toBe(1)
    expect(rig.read('GOTC')).toBe(60)
    expect(rig.peek('ICR') & ICR_TXDW).toBe(ICR_TXDW)
  })

  it('gathers a frame from several descriptors up to EOP; DD only where RS is set (§4.2, §7.2)', () => {
    const { rig, tx, wire } = rig3()
    const f = makeFrame(300, 2)
    postTx(rig, tx, stage(rig, f.subarray(0, 14)), 14, 0)
    postTx(rig, tx, stage(rig, f.subarray(14, 200)), 186, 0)
    postTx(rig, tx, stage(rig, f.subarray(200)), 100, TXD_CMD_EOP | TXD_CMD_RS)
    rig.write('TDT', tx.tail)
    rig.run()
    expect(wire.sent.map((s) => s.bytes)).toEqual([f])
    expect([0, 1, 2].map((i) => status(rig, tx, i))).toEqual([0, 0, TXD_STATUS_DD])
  })

  it('without RS nothing is written back and TXDW is not raised, but the frame is sent', () => {
    const { rig, tx, wire } = rig3()
    postTx(rig, tx, stage(rig, makeFrame(60, 3)), 60, TXD_CMD_EOP)
    rig.write('TDT', tx.tail)
    rig.run()
    expect(wire.sent).toHaveLength(1)
    expect(status(rig, tx, 0)).toBe(0)
    expect(rig.peek('ICR') & ICR_TXDW).toBe(0)
  })

  it('a frame whose EOP descriptor is not posted yet waits for it', () => {
    const { rig, tx, wire } = rig3()
    const f = makeFrame(120, 4)
    postTx(rig, tx, stage(rig, f.subarray(0, 60)), 60, 0)
    rig.write('TDT', tx.tail)
    rig.run()
    expect(wire.sent).toHaveLength(0)
    expect(rig.read('TDH')).toBe(0)
    postTx(rig, tx, stage(rig, f.subarray(60)), 60, TXD_CMD_EOP | TXD_CMD_RS)
    rig.write('TDT', tx.tail)
    rig.run()
    expect(wire.sent.map((s) => s.bytes)).toEqual([f])
    expect(rig.read('TDH')).toBe(2)
  })

  it('wraps around the ring (§4.3)', () => {
    const rig = makeRig()
    const wire = new ScriptedWire()
    rig.c.attachWire(wire)
    const tx = setupTx(rig, 4)
    const frames: Uint8Array[] = []
    for (let i = 0; i < 11; i++) {
      const f = makeFrame(40 + i, i)
      frames.push(f)
      const a = stage(rig, f.subarray(0, 20))
      const b = stage(rig, f.subarray(20))
      postTx(rig, tx, a, 20, 0)
      postTx(rig, tx, b, f.length - 20, TXD_CMD_EOP | TXD_CMD_RS)
      rig.write('TDT', tx.tail)
      rig.run()
    }
    expect(wire.sent.map((s) => s.bytes)).toEqual(frames)
    expect(rig.read('TDH')).toBe(22 % 4)
  })

  it('nothing is sent while TCTL.EN is clear; setting it sends what was posted', () => {
    const { rig, tx, wire } = rig3()
    rig.write('TCTL', 0)
    postTx(rig, tx, stage(rig, makeFrame(60, 5)), 60, TXD_CMD_EOP | TXD_CMD_RS)
    rig.write('TDT', tx.tail)
    rig.run()
    expect(wire.sent).toHaveLength(0)
    rig.write('TCTL', TCTL_EN)
    rig.run()
    expect(wire.sent).toHaveLength(1)
  })
})

describe('transmit faults (controller.md §7.3, §8)', () => {
  it('with the link down the frame is discarded but completed, with ERR, and counted', () => {
    const { rig, tx, wire } = rig3()
    rig.c.testControl.setLink(false)
    postTx(rig, tx, stage(rig, makeFrame(60, 6)), 60, TXD_CMD_EOP | TXD_CMD_RS)
    rig.write('TDT', tx.tail)
    rig.run()
    expect(wire.sent).toHaveLength(0)
    expect(status(rig, tx, 0)).toBe(TXD_STATUS_DD | TXD_STATUS_ERR)
    expect(rig.read('GPTC')).toBe(0)
    expect(rig.c.statistics().totals.txLinkDownDrops).toBe(1)
  })

  it('a buffer outside memory: DMAE, DMAEC, completed with ERR, counted', () => {
    const { rig, tx, wire } = rig3()
    postTx(rig, tx, 0xfff00000, 60, TXD_CMD_EOP | TXD_CMD_RS)
    postTx(rig, tx, stage(rig, makeFrame(60, 7)), 60, TXD_CMD_EOP | TXD_CMD_RS)
    rig.write('TDT', tx.tail)
    expect(() => rig.run()).not.toThrow()
    expect(wire.sent).toHaveLength(1)
    expect(status(rig, tx, 0)).toBe(TXD_STATUS_DD | TXD_STATUS_ERR)
    expect(status(rig, tx, 1)).toBe(TXD_STATUS_DD)
    expect(rig.read('DMAEC')).toBe(1)
    expect(rig.peek('ICR') & ICR_DMAE).toBe(ICR_DMAE)
    expect(rig.c.statistics().totals.txDmaDrops).toBe(1)
  })

  it('a ring outside memory raises DMAE and leaves TDH alone', () => {
    const { rig, tx } = rig3()
    rig.write('TDBA', 0x20)
    rig.write('TDT', 3)
    rig.run()
    expect(rig.read('TDH')).toBe(0)
    expect(rig.read('DMAEC')).toBe(1)
    expect(tx.size).toBe(8)
  })

  it('a frame shorter than 14 bytes is not sent and is counted', () => {
    const { rig, tx, wire } = rig3()
    postTx(rig, tx, stage(rig, makeFrame(10, 8)), 10, TXD_CMD_EOP | TXD_CMD_RS)
    rig.write('TDT', tx.tail)
    rig.run()
    expect(wire.sent).toHaveLength(0)
    expect(status(rig, tx, 0)).toBe(TXD_STATUS_DD | TXD_STATUS_ERR)
    expect(rig.c.statistics().totals.txLengthDrops).toBe(1)
  })

  it('a DMA stall holds transmits until it ends; the frame leaves at the stall end time', () => {
    const { rig, tx, wire } = rig3()
    rig.c.testControl.stallDma(4_000)
    postTx(rig, tx, stage(rig, makeFrame(60, 9)), 60, TXD_CMD_EOP | TXD_CMD_RS)
    rig.write('TDT', tx.tail)
    rig.run(3_999)
    expect(wire.sent).toHaveLength(0)
    rig.run(1)
    expect(wire.sent.map((s) => s.timeNs)).toEqual([4_000])
  })
})
