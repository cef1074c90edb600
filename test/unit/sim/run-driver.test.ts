// Run modes of the run bar (README.md, "Using the workbench": as fast as possible / real time / slow motion / step).
import { describe, expect, it } from 'vitest'
import { RunDriver, Scheduler, SchedulerError } from '../../../core/sim'

function setup(): { s: Scheduler; d: RunDriver; log: number[] } {
  const s = new Scheduler()
  const log: number[] = []
  s.on(0, () => log.push(s.nowNs))
  for (let t = 1000; t <= 10_000; t += 1000) s.schedule(t, 0)
  return { s, d: new RunDriver(s), log }
}

describe('RunDriver', () => {
  it('fast runs everything up to maxEvents regardless of wall time', () => {
    const { d, log } = setup()
    expect(d.advance(0, 4)).toBe(4)
    expect(d.advance(0)).toBe(6)
    expect(log.length).toBe(10)
    expect(d.wallDeadlineNs()).toBe(Infinity)
  })

  it('real time maps wall nanoseconds one to one from the anchor', () => {
    const { s, d, log } = setup()
    d.setMode('realtime', 5_000_000)
    expect(d.wallDeadlineNs()).toBe(5_001_000)
    expect(d.advance(5_002_500)).toBe(2)
    expect(s.nowNs).toBe(2500)
    expect(d.wallDeadlineNs()).toBe(5_003_000)
    d.advance(5_002_000) // wall time going backwards never moves virtual time back
    expect(s.nowNs).toBe(2500)
    expect(log).toEqual([1000, 2000])
  })

  it('slow motion runs virtual time slowFactor times slower, and pause/resume keeps virtual time', () => {
    const { s, d } = setup()
    d.setMode('slow', 0, 10)
    expect(d.virtualLimitNs(25_000)).toBe(2500)
    expect(d.wallDeadlineNs()).toBe(10_000)
    d.advance(25_000)
    expect(s.nowNs).toBe(2500)
    d.resume(1_000_000) // paused for a long wall time
    d.advance(1_005_000)
    expect(s.nowNs).toBe(3000)
    expect(() => d.setMode('slow', 0, 0.5)).toThrow(SchedulerError)
  })

  it('step dispatches exactly one event per call', () => {
    const { s, d, log } = setup()
    d.setMode('step', 0)
    expect(d.advance(1e12)).toBe(1)
    expect(log).toEqual([1000])
    expect(s.nowNs).toBe(1000)
  })

  it('after a host stall it re-anchors instead of racing to catch up, and counts the slip', () => {
    const s = new Scheduler()
    let n = 0
    s.on(0, () => {
      n++
      s.scheduleIn(1000, 0)
    })
    s.schedule(0, 0)
    const d = new RunDriver(s)
    d.maxLagNs = 50_000
    d.setMode('realtime', 0)
    d.advance(1_000_000, 10)
    expect(d.slips).toBe(1)
    expect(d.virtualLimitNs(1_000_000)).toBe(s.nowNs)
    const before = n
    d.advance(1_020_000)
    expect(n - before).toBe(20)
  })

  it('slices a run: fast runs to the end, real time waits for the next event on the wall clock', () => {
    const { s, d, log } = setup()
    const run = { scheduler: s, advance: (n: number, until: number) => (s.runUntil(until, n), s.pending > 0) }
    let wall = 0
    d.setMode('realtime', 0)
    expect(d.slice(run, () => wall, 1e6)).toBe(1000) // nothing is due yet: the first event is 1 µs away
    wall = 3500
    expect(d.slice(run, () => wall, 1e6)).toBe(500)
    expect(log).toEqual([1000, 2000, 3000])
    d.setMode('fast', wall)
    expect(d.slice(run, () => wall, 1e6)).toBe(-1)
    expect(log.length).toBe(10)
  })
})
