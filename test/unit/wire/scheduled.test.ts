// The wire driven the way the controller drives a WirePort: an event at each arrival time, the frame taken then.
import { describe, expect, it } from 'vitest'
import { Scheduler, SeededRandom } from '../../../core/sim'
import { FrameChecker, Loopback, TrafficGenerator, type WireBackend } from '../../../core/wire'

function drive(
  wire: WireBackend,
  untilNs: number,
  onFrame: (frame: Uint8Array, length: number, s: Scheduler) => void,
): Scheduler {
  const s = new Scheduler()
  const buf = new Uint8Array(16384)
  const ARRIVAL = 0
  const arm = (): void => {
    const t = wire.nextArrivalNs()
    if (t < Infinity) s.schedule(Math.max(t, s.nowNs), ARRIVAL)
  }
  s.on(ARRIVAL, () => {
    const n = wire.takeFrame(buf)
    if (n > 0) onFrame(buf, n, s)
    arm()
  })
  arm()
  s.runUntil(untilNs)
  return s
}

describe('wire under the scheduler', () => {
  it('a generator at 100 000 frames/s delivers 100 frames in 1 ms, all in order', () => {
    const checker = new FrameChecker()
    drive(new TrafficGenerator({ rateFps: 100_000 }, new SeededRandom(1)), 1_000_000, (f, n) => checker.check(f, n))
    expect([checker.frames, checker.inSequence, checker.lost]).toEqual([100, 100, 0])
  })

  it('the same seed gives the same event trace; another seed another', () => {
    const hash = (seed: number): string =>
      drive(
        new TrafficGenerator({ rateFps: 300_000, arrivals: 'poisson', size: { kind: 'imix' } }, new SeededRandom(seed)),
        2_000_000,
        () => {},
      ).trace.hex()
    expect(hash(1)).toBe(hash(1))
    expect(hash(1)).not.toBe(hash(2))
  })

  it('loopback returns what is transmitted; the checker sees the generator frames come back intact', () => {
    const gen = new TrafficGenerator({ count: 50, size: { kind: 'imix' } }, new SeededRandom(3))
    const loop = new Loopback({ delayNs: 1000 })
    const checker = new FrameChecker()
    const s = new Scheduler()
    const buf = new Uint8Array(16384)
    const TX = 0
    const RX = 1
    s.on(TX, () => {
      const n = gen.takeFrame(buf)
      loop.transmit(buf, n, s.nowNs)
      if (gen.nextArrivalNs() < Infinity) s.schedule(gen.nextArrivalNs(), TX)
    })
    s.on(RX, () => {
      checker.check(buf, loop.takeFrame(buf))
      if (loop.pending > 0) s.schedule(Math.max(s.nowNs, loop.nextArrivalNs()), RX)
    })
    loop.onArrivalScheduled = () => s.schedule(Math.max(s.nowNs, loop.nextArrivalNs()), RX)
    s.schedule(gen.nextArrivalNs(), TX)
    s.runUntil(Infinity)
    expect([checker.inSequence, checker.corrupted, loop.statistics.delivered, loop.statistics.dropped]).toEqual([
      50, 0, 50, 0,
    ])
  })
})
