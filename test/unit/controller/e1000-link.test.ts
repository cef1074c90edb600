// The 82540EM's link (8254x SDM §13.4.1 CTRL.SLU, §13.4.2 STATUS, §13.4.17 LSC).
import { describe, expect, it } from 'vitest'
import { CTRL_SLU, ICR_LSC, STATUS_LU } from '../../../core/controller/e1000-registers'
import { linkUp, makeE1000 } from './e1000-rig'

describe('82540EM link', () => {
  it('raises LSC when CTRL.SLU brings the link up, and when the cable is pulled and plugged back', () => {
    const r = makeE1000()
    r.write('IMS', ICR_LSC)
    linkUp(r)
    expect(r.read('ICR') & ICR_LSC).toBe(ICR_LSC)
    r.c.testControl.setLink(false)
    expect(r.read('STATUS') & STATUS_LU).toBe(0)
    expect(r.c.interruptAsserted).toBe(true)
    expect(r.read('ICR') & ICR_LSC).toBe(ICR_LSC)
    r.c.testControl.scheduleLink(5000, true)
    r.run(4999)
    expect(r.read('STATUS') & STATUS_LU).toBe(0)
    r.run(1)
    expect(r.read('STATUS') & STATUS_LU).toBe(STATUS_LU)
    expect(r.read('ICR') & ICR_LSC).toBe(ICR_LSC)
    // The cable changed twice; CTRL.SLU's LSC is not a cable change.
    expect(r.c.statistics().totals.linkChanges).toBe(2)
  })

  it('reports the configured speed in STATUS.SPEED (00 10, 01 100, 10 1000 Mb/s)', () => {
    for (const [mbps, code] of [
      [10, 0],
      [100, 1],
      [1000, 2],
    ] as const) {
      const r = makeE1000({ linkSpeedMbps: mbps })
      r.write('CTRL', CTRL_SLU)
      expect((r.read('STATUS') >>> 6) & 3, `${mbps} Mb/s`).toBe(code)
    }
  })

  it('starts with the link down when the cable is out, and up once it is plugged in', () => {
    const r = makeE1000({ cableConnected: false })
    linkUp(r)
    expect(r.read('STATUS') & STATUS_LU).toBe(0)
    r.c.testControl.setLink(true)
    expect(r.read('STATUS') & STATUS_LU).toBe(STATUS_LU)
  })
})
