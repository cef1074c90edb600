// Link state and the link-change cause (docs/controller.md §8), with the test-control cable (§11).
import { describe, expect, it } from 'vitest'
import { ICR_LSC, STATUS_LU } from '../../../core/controller'
import { makeFrame, makeRig, setupRx } from './rig'

describe('link (controller.md §8)', () => {
  it('pulling the cable clears STATUS.LU and raises LSC once', () => {
    const rig = makeRig()
    rig.write('IMS', ICR_LSC)
    rig.c.testControl.setLink(false)
    expect(rig.read('STATUS') & STATUS_LU).toBe(0)
    expect(rig.read('STATUS')).toBe(0)
    expect(rig.c.interruptAsserted).toBe(true)
    expect(rig.read('ICR')).toBe(ICR_LSC)
    rig.c.testControl.setLink(false)
    expect(rig.peek('ICR')).toBe(0)
    expect(rig.c.statistics().totals.linkChanges).toBe(1)
  })

  it('a flap goes down now and up after the given time, raising LSC each way', () => {
    const rig = makeRig()
    rig.write('IMS', ICR_LSC)
    expect(rig.c.testControl.flapLink(5_000)).toBe(true)
    expect(rig.c.testControl.linkUp).toBe(false)
    rig.read('ICR')
    rig.run(4_999)
    expect(rig.read('STATUS') & STATUS_LU).toBe(0)
    rig.run(1)
    expect(rig.read('STATUS') & STATUS_LU).toBe(STATUS_LU)
    expect(rig.lines).toEqual([
      [0, true],
      [0, false],
      [5_000, true],
    ])
    expect(rig.c.statistics().totals.linkChanges).toBe(2)
  })

  it('frames arriving while the link is down never reach the FIFO and are counted', () => {
    const rig = makeRig()
    setupRx(rig, 4)
    rig.c.testControl.flapLink(1_000)
    rig.c.testControl.injectFrame(makeFrame(60, 1))
    rig.run(1_000)
    rig.c.testControl.injectFrame(makeFrame(60, 2))
    const t = rig.c.statistics().totals
    expect(t.rxLinkDownDrops).toBe(1)
    expect(t.rxFrames).toBe(1)
    expect(rig.read('RNBC')).toBe(0)
  })

  it('scheduled link changes happen at their time; bad times are refused', () => {
    const rig = makeRig({ cableConnected: false })
    expect(rig.read('STATUS')).toBe(0)
    expect(rig.c.testControl.scheduleLink(2_000, true)).toBe(true)
    expect(rig.c.testControl.flapLink(-1)).toBe(false)
    expect(rig.c.testControl.flapLink(Number.NaN)).toBe(false)
    rig.run(2_000)
    expect(rig.c.testControl.scheduleLink(1_000, false)).toBe(false)
    expect(rig.read('STATUS') & STATUS_LU).toBe(STATUS_LU)
  })

  it('survives many flaps with an exact count of changes', () => {
    const rig = makeRig()
    for (let i = 0; i < 50; i++) {
      rig.c.testControl.flapLink(100)
      rig.run(200)
    }
    expect(rig.c.statistics().totals.linkChanges).toBe(100)
    expect(rig.c.testControl.linkUp).toBe(true)
  })
})
