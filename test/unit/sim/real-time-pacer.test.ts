// Real-time pacing on the host (../shared/reference/stack.md, "Timers": count missed ticks, don't assume them).
// Behaviour only: no assertion depends on how precise the machine's timers are.
import { spawn } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { RunDriver, Scheduler } from '../../../core/sim'
import { RealTimePacer, wallNowNs } from '../../../main/engine/pacer/real-time-pacer'

let pacer: RealTimePacer | undefined
afterEach(async () => {
  await pacer?.stop()
  pacer = undefined
})

function busyWaitMs(ms: number): void {
  const end = wallNowNs() + ms * 1e6
  while (wallNowNs() < end) {
    // the consumer is busy (a long event batch)
  }
}

describe('RealTimePacer', () => {
  it('refuses periods below 10 µs', () => {
    expect(() => new RealTimePacer({ periodNs: 5_000 })).toThrow(RangeError)
    expect(() => new RealTimePacer({ periodNs: NaN })).toThrow(RangeError)
  })

  it('delivers ticks in order, each only once its deadline has passed', async () => {
    pacer = new RealTimePacer({ periodNs: 500_000 })
    await pacer.start()
    let last = 0
    for (let i = 0; i < 40; i++) {
      const t = pacer.waitTick()
      const seenAt = wallNowNs()
      expect(t).toBeGreaterThan(last)
      expect(seenAt).toBeGreaterThanOrEqual(pacer.deadlineNs(t))
      last = t
    }
    const lateness = pacer.lateness()
    expect(lateness.length).toBeGreaterThan(0)
    for (const l of lateness) expect(l >= 0 && l < 500_000).toBe(true)
  })

  it('pollTick returns each new tick once and 0 in between', async () => {
    pacer = new RealTimePacer({ periodNs: 1_000_000 })
    await pacer.start()
    const seen: number[] = []
    let zeros = 0
    while (seen.length < 5) {
      const t = pacer.pollTick()
      if (t === 0) zeros++
      else {
        expect(t).toBeGreaterThan(seen.length ? seen[seen.length - 1] : 0)
        seen.push(t)
      }
    }
    expect(zeros).toBeGreaterThan(0)
  })

  it('counts the ticks a stalled consumer did not see', async () => {
    pacer = new RealTimePacer({ periodNs: 1_000_000 })
    await pacer.start()
    const first = pacer.waitTick()
    const skippedBefore = pacer.skippedTicks
    busyWaitMs(30)
    const next = pacer.waitTick()
    expect(pacer.skippedTicks - skippedBefore).toBe(next - first - 1)
    expect(next - first - 1).toBeGreaterThan(0)
  })

  it('counts deadlines missed while the OS stopped the whole process', async () => {
    pacer = new RealTimePacer({ periodNs: 1_000_000 })
    await pacer.start()
    pacer.waitTick()
    const before = pacer.missedTicks
    // A real stall: the process is stopped (SIGSTOP) and a separate shell continues it (a second one as a safety net).
    for (const delay of ['0.15', '2']) {
      spawn('sh', ['-c', `sleep ${delay}; kill -CONT ${process.pid}`], { detached: true, stdio: 'ignore' }).unref()
    }
    process.kill(process.pid, 'SIGSTOP')
    const after = pacer.waitTick()
    expect(after).toBeGreaterThan(0)
    // Give the worker a few periods to notice.
    for (let i = 0; i < 5; i++) pacer.waitTick()
    expect(pacer.missedTicks).toBeGreaterThan(before)
  })

  it('stops: no more ticks, waitTick returns -1, stop and start are idempotent', async () => {
    pacer = new RealTimePacer({ periodNs: 200_000 })
    await pacer.start()
    await pacer.start()
    pacer.waitTick()
    await pacer.stop()
    await pacer.stop()
    const ticks = pacer.ticks
    while (pacer.waitTick(1) !== -1) {
      // drain the last tick signalled before the stop
    }
    busyWaitMs(5)
    expect(pacer.ticks).toBe(ticks)
    expect(pacer.waitTick(1)).toBe(-1)
  })

  it('paces a real-time run: no event is dispatched before its wall-clock time', async () => {
    pacer = new RealTimePacer({ periodNs: 250_000 })
    await pacer.start()
    const s = new Scheduler()
    const early: number[] = []
    let dispatched = 0
    const driver = new RunDriver(s)
    s.on(0, () => {
      dispatched++
      // Virtual ns since the anchor must not be ahead of wall ns since the anchor.
      if (s.nowNs > wallNowNs() - anchorWall) early.push(s.nowNs)
      if (dispatched < 40) s.scheduleIn(100_000 + (dispatched % 7) * 50_000, 0)
    })
    s.schedule(0, 0)
    const anchorWall = wallNowNs()
    driver.setMode('realtime', anchorWall)
    while (s.pending > 0) {
      pacer.waitTick()
      driver.advance(wallNowNs())
    }
    expect(dispatched).toBe(40)
    expect(early).toEqual([])
  })
})
