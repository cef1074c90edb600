// The receive path (docs/controller.md §6): DMA, write-back, multi-descriptor frames, ring wrap-around,
// ring full, overrun, threshold, errors, DMA faults. Every dropped frame is counted.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  ICR_DMAE,
  ICR_RXDMT0,
  ICR_RXO,
  ICR_RXT0,
  MAX_FRAME_BYTES,
  RXD_ERROR_CE,
  RXD_ERROR_RXE,
  RXD_STATUS_DD,
  RXD_STATUS_EOP,
} from '../../../core/controller'
import { bytesAt, driverReceive, makeFrame, makeRig, rxDescriptor, set32, setupRx, ScriptedWire, type Rig } from './rig'

function inject(rig: Rig, length: number, seed: number): Uint8Array {
  const f = makeFrame(length, seed)
  expect(rig.c.testControl.injectFrame(f)).toBe(true)
  return f
}

describe('receive DMA and write-back (controller.md §6.1, §4.1)', () => {
  it('copies the frame into the posted buffer and writes length, DD and EOP back', () => {
    const rig = makeRig()
    const rx = setupRx(rig, 4)
    const f = inject(rig, 100, 1)
    const d = rxDescriptor(rig, rx, 0)
    expect(d).toEqual({ buffer: rx.buffers[0], length: 100, status: RXD_STATUS_DD | RXD_STATUS_EOP, errors: 0 })
    expect(bytesAt(rig, rx.buffers[0], 100)).toEqual(f)
    expect(rig.read('RDH')).toBe(1)
    expect(rig.read('GPRC')).toBe(1)
    expect(rig.read('GORC')).toBe(100)
    expect(rig.peek('ICR') & ICR_RXT0).toBe(ICR_RXT0)
    expect(rig.c.statistics().totals.rxFrames).toBe(1)
  })

  it('spreads a frame longer than one buffer over consecutive descriptors, EOP on the last (§6.2)', () => {
    const rig = makeRig()
    const rx = setupRx(rig, 8, 256)
    const f = inject(rig, 600, 2)
    const ds = [0, 1, 2].map((i) => rxDescriptor(rig, rx, i))
    expect(ds.map((d) => d.length)).toEqual([256, 256, 88])
    expect(ds.map((d) => d.status)).toEqual([RXD_STATUS_DD, RXD_STATUS_DD, RXD_STATUS_DD | RXD_STATUS_EOP])
    expect(rig.read('RDH')).toBe(3)
    const got = driverReceive(rig, rx)
    expect(got).toHaveLength(1)
    expect(got[0].bytes).toEqual(f)
    expect(rig.read('GPRC')).toBe(1)
  })

  it('a frame of exactly one buffer takes one descriptor', () => {
    const rig = makeRig()
    const rx = setupRx(rig, 4, 512)
    inject(rig, 512, 3)
    expect(rxDescriptor(rig, rx, 0).status).toBe(RXD_STATUS_DD | RXD_STATUS_EOP)
    expect(rig.read('RDH')).toBe(1)
  })

  it('wraps around the ring many times with every frame intact and in order (§4.3)', () => {
    const rig = makeRig()
    const rx = setupRx(rig, 4, 256)
    const sent: Uint8Array[] = []
    const got: Uint8Array[] = []
    for (let i = 0; i < 40; i++) {
      sent.push(inject(rig, 14 + ((i * 97) % 500), i))
      for (const g of driverReceive(rig, rx)) got.push(g.bytes)
    }
    expect(got).toEqual(sent)
    expect(rig.c.statistics().totals.rxMissed).toBe(0)
  })

  it('takes frames from a wire backend at the times it gives', () => {
    const rig = makeRig()
    const rx = setupRx(rig, 8)
    const wire = new ScriptedWire()
    wire.add(1_000, makeFrame(60, 1))
    wire.add(3_000, makeFrame(70, 2))
    rig.c.attachWire(wire)
    rig.run(999)
    expect(rig.read('RDH')).toBe(0)
    rig.run(1)
    expect(rig.read('RDH')).toBe(1)
    rig.run(5_000)
    expect(driverReceive(rig, rx).map((g) => g.bytes.length)).toEqual([60, 70])
    wire.add(rig.scheduler.nowNs + 10, makeFrame(80, 3))
    rig.c.wireChanged()
    rig.run(10)
    expect(rig.read('RDH')).toBe(3)
  })
})

describe('ring full (controller.md §6.3)', () => {
  it('counts RNBC for a frame that finds no free descriptor, keeps it in the FIFO and delivers it once a buffer is posted', () => {
    const rig = makeRig()
    const rx = setupRx(rig, 4)
    const sent = [0, 1, 2, 3].map((i) => inject(rig, 64, i))
    expect(rig.read('RDH')).toBe(3)
    expect(rig.c.statistics().rxFifoDepth).toBe(1)
    expect(rig.peek('RNBC')).toBe(1)
    const got = driverReceive(rig, rx).map((g) => g.bytes)
    got.push(...driverReceive(rig, rx).map((g) => g.bytes))
    expect(got).toEqual(sent)
    expect(rig.read('RNBC')).toBe(1)
    expect(rig.read('MPC')).toBe(0)
    expect(rig.c.statistics().rxFifoDepth).toBe(0)
  })

  it('when the FIFO is full too, the frame is missed: MPC counts it and RXO is raised', () => {
    const rig = makeRig({ rxFifoFrames: 2 })
    setupRx(rig, 2)
    for (let i = 0; i < 5; i++) inject(rig, 64, i)
    // 1 delivered, 2 waiting in the FIFO, 2 missed; 4 found no free descriptor.
    expect(rig.read('GPRC')).toBe(1)
    expect(rig.read('MPC')).toBe(2)
    expect(rig.read('RNBC')).toBe(4)
    expect(rig.peek('ICR') & ICR_RXO).toBe(ICR_RXO)
    const t = rig.c.statistics().totals
    expect(t.rxMissed).toBe(2)
    expect(t.rxNoBuffer).toBe(4)
    expect(t.rxFifoHighWater).toBe(2)
  })

  it('raises RXDMT0 when the free descriptors fall to RDMT (§6.5)', () => {
    const rig = makeRig()
    setupRx(rig, 8)
    rig.write('RDMT', 2)
    for (let i = 0; i < 4; i++) inject(rig, 64, i)
    expect(rig.peek('ICR') & ICR_RXDMT0).toBe(0)
    inject(rig, 64, 5)
    expect(rig.peek('ICR') & ICR_RXDMT0).toBe(ICR_RXDMT0)
  })

  it('a frame longer than the whole ring can hold is missed instead of blocking the FIFO', () => {
    const rig = makeRig()
    const rx = setupRx(rig, 3, 256)
    inject(rig, 600, 1)
    const f = inject(rig, 100, 2)
    expect(rig.read('MPC')).toBe(1)
    expect(rig.peek('ICR') & ICR_RXO).toBe(ICR_RXO)
    expect(driverReceive(rig, rx).map((g) => g.bytes)).toEqual([f])
  })

  it('an RDT outside the ring leaves no free descriptors (§3.11)', () => {
    const rig = makeRig()
    setupRx(rig, 4)
    rig.write('RDT', 9)
    rig.run()
    inject(rig, 64, 1)
    expect(rig.read('RDH')).toBe(0)
    expect(rig.read('RNBC')).toBe(1)
  })
})

describe('receiver off, errors and faults (controller.md §6.4)', () => {
  it('with RCTL.EN clear, frames are missed (MPC) and nothing is written', () => {
    const rig = makeRig()
    const rx = setupRx(rig, 4)
    rig.write('RCTL', 0)
    inject(rig, 64, 1)
    expect(rig.read('MPC')).toBe(1)
    expect(rxDescriptor(rig, rx, 0).status).toBe(0)
  })

  it('forced receive errors are delivered with CE on the EOP descriptor and counted in RXERRC, not GPRC', () => {
    const rig = makeRig()
    const rx = setupRx(rig, 8, 256)
    expect(rig.c.testControl.forceReceiveErrors(2)).toBe(true)
    inject(rig, 300, 1)
    inject(rig, 60, 2)
    inject(rig, 60, 3)
    expect(rxDescriptor(rig, rx, 0).errors).toBe(0)
    expect(rxDescriptor(rig, rx, 1).errors).toBe(RXD_ERROR_CE)
    expect(rxDescriptor(rig, rx, 2).errors).toBe(RXD_ERROR_CE)
    expect(rxDescriptor(rig, rx, 3).errors).toBe(0)
    expect(rig.read('RXERRC')).toBe(2)
    expect(rig.read('GPRC')).toBe(1)
    expect(rig.c.statistics().totals.rxCrcErrors).toBe(2)
    expect(rig.c.testControl.forceReceiveErrors(-1)).toBe(false)
    expect(rig.c.testControl.forceReceiveErrors(1.5)).toBe(false)
  })

  it('frames shorter than 14 bytes or longer than the maximum are length errors and dropped', () => {
    const rig = makeRig()
    const rx = setupRx(rig, 4)
    inject(rig, 13, 1)
    inject(rig, MAX_FRAME_BYTES + 1, 2)
    const wire = new ScriptedWire()
    wire.add(0, makeFrame(MAX_FRAME_BYTES + 100, 3))
    rig.c.attachWire(wire)
    rig.run()
    expect(rig.read('RXERRC')).toBe(3)
    expect(rig.c.statistics().totals.rxLengthErrors).toBe(3)
    expect(rxDescriptor(rig, rx, 0).status).toBe(0)
  })

  it('a ring outside memory is a DMA error: DMAEC, DMAE, the frame dropped and counted, no exception', () => {
    const rig = makeRig()
    setupRx(rig, 4)
    rig.write('RDBA', 0x10)
    expect(() => inject(rig, 64, 1)).not.toThrow()
    expect(rig.read('DMAEC')).toBe(1)
    expect(rig.peek('ICR') & ICR_DMAE).toBe(ICR_DMAE)
    expect(rig.c.statistics().totals.rxDmaDrops).toBe(1)
  })

  it('a buffer outside memory ends the frame with RXE on its descriptor (§4.1)', () => {
    const rig = makeRig()
    const rx = setupRx(rig, 8, 256)
    set32(rig, rx.ring + 1 * 16, 0xfff00000)
    set32(rig, rx.ring + 2 * 16 + 4, 1)
    inject(rig, 400, 1)
    expect(rxDescriptor(rig, rx, 0).status).toBe(RXD_STATUS_DD)
    expect(rxDescriptor(rig, rx, 1)).toMatchObject({
      length: 0,
      status: RXD_STATUS_DD | RXD_STATUS_EOP,
      errors: RXD_ERROR_RXE,
    })
    inject(rig, 60, 2)
    expect(rxDescriptor(rig, rx, 2).errors).toBe(RXD_ERROR_RXE)
    expect(rig.read('DMAEC')).toBe(2)
    expect(rig.read('GPRC')).toBe(0)
    expect(rig.read('RDH')).toBe(3)
  })

  it('while DMA is stalled, frames wait in the FIFO and overflow it; they land when the stall ends (§11)', () => {
    const rig = makeRig({ rxFifoFrames: 4 })
    const rx = setupRx(rig, 16)
    expect(rig.c.testControl.stallDma(10_000)).toBe(true)
    for (let i = 0; i < 6; i++) inject(rig, 64, i)
    expect(rig.read('RDH')).toBe(0)
    expect(rig.c.testControl.dmaStalled).toBe(true)
    expect(rig.read('MPC')).toBe(2)
    rig.run(10_000)
    expect(rig.c.testControl.dmaStalled).toBe(false)
    expect(driverReceive(rig, rx)).toHaveLength(4)
    expect(rig.c.testControl.stallDma(-5)).toBe(false)
  })
})

describe('conservation: every frame is delivered, waiting or counted (controller.md §6.3)', () => {
  it('holds for random traffic, buffer sizes, FIFO depths and driver pace', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(256, 512, 1024, 2048),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 2, max: 12 }),
        fc.array(fc.record({ length: fc.integer({ min: 1, max: 3000 }), service: fc.boolean() }), {
          maxLength: 60,
        }),
        (bufferSize, fifo, ringSize, steps) => {
          const rig = makeRig({ rxFifoFrames: fifo })
          const rx = setupRx(rig, ringSize, bufferSize)
          const good: Uint8Array[] = []
          const got: Uint8Array[] = []
          steps.forEach((s, i) => {
            const f = inject(rig, s.length, i)
            if (s.length >= 14) good.push(f)
            if (s.service) for (const g of driverReceive(rig, rx)) got.push(g.bytes)
          })
          const t = rig.c.statistics()
          expect(steps.length).toBe(t.totals.rxFrames + t.totals.rxMissed + t.totals.rxLengthErrors + t.rxFifoDepth)
          // Delivered frames are an in-order subsequence of the good ones, each intact.
          let j = 0
          for (const g of got) {
            while (j < good.length && !sameBytes(good[j], g)) j++
            expect(j).toBeLessThan(good.length)
            j++
          }
        },
      ),
      { numRuns: 60 },
    )
  })
})

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i])
}
