// Interrupt cause, mask and throttling (docs/controller.md §5).
import { describe, expect, it } from 'vitest'
import { ICR_LSC, ICR_RXT0, ICR_TXDW } from '../../../core/controller'
import { makeFrame, makeRig, setupRx, driverReceive, KIND_BASE } from './rig'
import { CONTROLLER_SCHED_KINDS } from '../../../core/controller'

describe('interrupt line (controller.md §5.2)', () => {
  it('stays low while the cause is masked and rises when IMS unmasks it', () => {
    const rig = makeRig()
    rig.write('ICS', ICR_TXDW)
    expect(rig.c.interruptAsserted).toBe(false)
    expect(rig.lines).toEqual([])
    rig.write('IMS', ICR_TXDW)
    expect(rig.c.interruptAsserted).toBe(true)
    expect(rig.lines).toEqual([[0, true]])
  })

  it('drops when ICR is read, and counts one interrupt per rise', () => {
    const rig = makeRig()
    rig.write('IMS', ICR_RXT0 | ICR_TXDW)
    rig.write('ICS', ICR_RXT0)
    rig.write('ICS', ICR_TXDW)
    expect(rig.read('ICR')).toBe(ICR_RXT0 | ICR_TXDW)
    expect(rig.c.interruptAsserted).toBe(false)
    expect(rig.lines).toEqual([
      [0, true],
      [0, false],
    ])
    expect(rig.c.statistics().totals.interrupts).toBe(1)
  })

  it('IMC lowers the line but keeps the cause in ICR', () => {
    const rig = makeRig()
    rig.write('IMS', ICR_LSC)
    rig.write('ICS', ICR_LSC)
    rig.write('IMC', ICR_LSC)
    expect(rig.c.interruptAsserted).toBe(false)
    expect(rig.peek('ICR')).toBe(ICR_LSC)
    rig.write('IMS', ICR_LSC)
    expect(rig.c.interruptAsserted).toBe(true)
    expect(rig.c.statistics().totals.interrupts).toBe(2)
  })

  it('a cause outside the mask does not raise the line, but is reported in ICR', () => {
    const rig = makeRig()
    rig.write('IMS', ICR_RXT0)
    rig.write('ICS', ICR_LSC)
    expect(rig.c.interruptAsserted).toBe(false)
    expect(rig.read('ICR')).toBe(ICR_LSC)
  })

  it('the host may read ICR from inside the line callback (an ISR run at once)', () => {
    const rig = makeRig()
    const seen: number[] = []
    rig.c.connectInterrupt((up) => {
      if (up) seen.push(rig.read('ICR'))
    })
    rig.write('IMS', ICR_TXDW)
    rig.write('ICS', ICR_TXDW)
    rig.write('ICS', ICR_TXDW)
    expect(seen).toEqual([ICR_TXDW, ICR_TXDW])
    expect(rig.c.interruptAsserted).toBe(false)
  })
})

describe('interrupt throttling (controller.md §5.3)', () => {
  it('delays an assertion until ITR µs after the previous one', () => {
    const rig = makeRig()
    rig.write('ITR', 10)
    rig.write('IMS', ICR_TXDW)
    rig.write('ICS', ICR_TXDW)
    rig.read('ICR')
    rig.run(2_000)
    rig.write('ICS', ICR_TXDW)
    expect(rig.c.interruptAsserted).toBe(false)
    rig.run(7_999)
    expect(rig.c.interruptAsserted).toBe(false)
    rig.run(1)
    expect(rig.c.interruptAsserted).toBe(true)
    expect(rig.lines).toEqual([
      [0, true],
      [0, false],
      [10_000, true],
    ])
  })

  it('ITR = 0 does not throttle', () => {
    const rig = makeRig()
    rig.write('IMS', ICR_TXDW)
    for (let i = 0; i < 3; i++) {
      rig.write('ICS', ICR_TXDW)
      rig.read('ICR')
    }
    expect(rig.lines.filter(([, up]) => up).length).toBe(3)
  })

  it('a throttled interrupt whose cause is cleared in the meantime never fires', () => {
    const rig = makeRig()
    rig.write('ITR', 10)
    rig.write('IMS', ICR_TXDW)
    rig.write('ICS', ICR_TXDW)
    rig.read('ICR')
    rig.write('ICS', ICR_TXDW)
    rig.read('ICR')
    rig.run(50_000)
    expect(rig.lines).toEqual([
      [0, true],
      [0, false],
    ])
  })

  it('lowering ITR while an interrupt waits brings it forward', () => {
    const rig = makeRig()
    rig.write('ITR', 100)
    rig.write('IMS', ICR_TXDW)
    rig.write('ICS', ICR_TXDW)
    rig.read('ICR')
    rig.run(1_000)
    rig.write('ICS', ICR_TXDW)
    rig.write('ITR', 5)
    rig.run(3_999)
    expect(rig.c.interruptAsserted).toBe(false)
    rig.run(1)
    expect(rig.lines.at(-1)).toEqual([5_000, true])
  })

  it('keeps every interval ≥ ITR under a stream of frames, without losing a frame', () => {
    const rig = makeRig()
    const isrKind = KIND_BASE + CONTROLLER_SCHED_KINDS
    const rx = setupRx(rig, 64)
    const rises: number[] = []
    let received = 0
    // The host side: the line queues an ISR event that reads ICR and drains the ring (a DPC in one).
    rig.scheduler.on(isrKind, () => {
      rig.read('ICR')
      received += driverReceive(rig, rx).length
    })
    rig.c.connectInterrupt((up) => {
      if (up) {
        rises.push(rig.scheduler.nowNs)
        rig.scheduler.scheduleIn(0, isrKind)
      }
    })
    rig.write('ITR', 50)
    rig.write('IMS', ICR_RXT0)
    for (let i = 0; i < 200; i++) {
      rig.c.testControl.injectFrame(makeFrame(60, i))
      rig.run(1_000)
    }
    rig.run(100_000)
    for (let i = 1; i < rises.length; i++) expect(rises[i] - rises[i - 1]).toBeGreaterThanOrEqual(50_000)
    expect(rises.length).toBeLessThanOrEqual(Math.ceil(200_000 / 50_000) + 1)
    expect(rises.length).toBeGreaterThanOrEqual(4)
    expect(received).toBe(200)
    expect(rig.c.statistics().totals.interrupts).toBe(rises.length)
  })
})
