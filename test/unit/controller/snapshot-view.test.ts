// Snapshot and restore (docs/controller.md §12) and the UI's views (§3 register map, §4.3 ring ownership).
import { describe, expect, it } from 'vitest'
import { CONTROLLER_STATE_VERSION, ICR_RXT0, REGISTERS, TOTAL_NAMES } from '../../../core/controller'
import { driverReceive, makeFrame, makeRig, setupRx } from './rig'

describe('snapshot (controller.md §12)', () => {
  it('is a deep copy that a later change does not touch', () => {
    const rig = makeRig()
    setupRx(rig, 4)
    rig.c.testControl.injectFrame(makeFrame(60, 1))
    const snap = rig.c.snapshot()
    expect(snap.version).toBe(CONTROLLER_STATE_VERSION)
    const rdh = snap.regs[0x2c >>> 2]
    rig.c.testControl.injectFrame(makeFrame(60, 2))
    expect(snap.regs[0x2c >>> 2]).toBe(rdh)
    expect(snap.totals[0]).toBe(1)
  })

  it('restores registers, FIFO and totals; the device continues from there', () => {
    const rig = makeRig({ rxFifoFrames: 4 })
    const rx = setupRx(rig, 4)
    rig.write('IMS', ICR_RXT0)
    for (let i = 0; i < 5; i++) rig.c.testControl.injectFrame(makeFrame(60, i))
    const snap = rig.c.snapshot()
    const before = rig.c.registerView().map((r) => r.value)
    rig.write('CTRL', 1)
    expect(rig.c.restore(snap)).toBeUndefined()
    expect(rig.c.registerView().map((r) => r.value)).toEqual(before)
    expect(rig.c.statistics().rxFifoDepth).toBe(2)
    expect(rig.c.interruptAsserted).toBe(true)
    const got = driverReceive(rig, rx)
    got.push(...driverReceive(rig, rx))
    expect(got.map((g) => g.bytes)).toEqual([0, 1, 2, 3, 4].map((i) => makeFrame(60, i)))
  })

  it('refuses a snapshot of another version or shape and leaves the device as it was', () => {
    const rig = makeRig()
    const other = makeRig({ rxFifoFrames: 3 })
    const snap = rig.c.snapshot()
    expect(rig.c.restore({ ...snap, version: 99 })).toMatch(/version/)
    expect(rig.c.restore(other.c.snapshot())).toMatch(/FIFO/)
    expect(rig.c.registerView().map((r) => r.value)).toEqual(REGISTERS.map((r) => rig.peek(r.name)))
  })
})

describe('views (controller.md §3, §4.3)', () => {
  it('the register view lists every register from the table, and peeking does not clear ICR', () => {
    const rig = makeRig()
    rig.write('ICS', ICR_RXT0)
    const view = rig.c.registerView()
    expect(view.map((r) => r.name)).toEqual(REGISTERS.map((r) => r.name))
    expect(view.find((r) => r.name === 'ICR')?.value).toBe(ICR_RXT0)
    expect(rig.read('ICR')).toBe(ICR_RXT0)
    expect(view.every((r) => r.section.length > 0 && r.description.length > 0)).toBe(true)
  })

  it('the ring view shows head, tail and who owns each slot', () => {
    const rig = makeRig()
    const rx = setupRx(rig, 4)
    let v = rig.c.ringView('rx')
    expect(v).toMatchObject({ size: 4, head: 0, tail: 3, hardwareOwned: 3, readable: true })
    expect(v.slots.map((s) => s.owner)).toEqual(['hardware', 'hardware', 'hardware', 'driver'])
    rig.c.testControl.injectFrame(makeFrame(60, 1))
    v = rig.c.ringView('rx')
    expect(v.slots.map((s) => s.owner)).toEqual(['driver', 'hardware', 'hardware', 'driver'])
    expect(v.slots[0]).toMatchObject({ bufferAddress: rx.buffers[0], length: 60, status: 3 })
    expect(rig.c.ringView('tx')).toMatchObject({ size: 0, readable: false, slots: [] })
  })

  it('statistics name every total', () => {
    const rig = makeRig()
    expect(Object.keys(rig.c.statistics().totals)).toEqual([...TOTAL_NAMES])
  })
})
