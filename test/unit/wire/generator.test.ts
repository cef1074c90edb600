// Traffic generator (docs/scenario.md, the wire: traffic generator, replay, loopback):
// sizes, rates, bursts, IMIX, determinism, and frames the checker accepts.
import { describe, expect, it } from 'vitest'
import { SeededRandom } from '../../../core/sim'
import {
  FrameChecker,
  FrameVerdict,
  IMIX_SIZES,
  lineTimeNs,
  TrafficGenerator,
  type GeneratorOptions,
} from '../../../core/wire'
import type { WirePort } from '../../../core/controller/wire-port'

interface Taken {
  t: number
  length: number
  bytes: Uint8Array
}

function take(options: Omit<GeneratorOptions, 'kind'>, n: number, seed = 1): Taken[] {
  const g = new TrafficGenerator({ kind: 'generator', ...options }, new SeededRandom(seed))
  const buf = new Uint8Array(16384)
  const out: Taken[] = []
  for (let i = 0; i < n && g.nextArrivalNs() < Infinity; i++) {
    const t = g.nextArrivalNs()
    const length = g.takeFrame(buf)
    out.push({ t, length, bytes: buf.slice(0, length) })
  }
  return out
}

describe('frame sizes (FCS included on the wire, stripped in the frame handed over)', () => {
  it('fixed', () => {
    expect(new Set(take({ size: { kind: 'fixed', bytes: 1518 } }, 50).map((f) => f.length))).toEqual(new Set([1514]))
  })

  it('uniform(min, max) stays in range and reaches both ends', () => {
    const lengths = take({ size: { kind: 'uniform', min: 64, max: 70 } }, 2000).map((f) => f.length + 4)
    expect(Math.min(...lengths)).toBe(64)
    expect(Math.max(...lengths)).toBe(70)
    expect(new Set(lengths).size).toBe(7)
  })

  it('IMIX is 64 / 570 / 1518 bytes in the proportions 7 : 4 : 1', () => {
    const n = 24_000
    const lengths = take({ size: { kind: 'imix' }, rateFps: 1000 }, n).map((f) => f.length + 4)
    const share = (s: number): number => lengths.filter((l) => l === s).length / n
    expect(lengths.every((l) => (IMIX_SIZES as readonly number[]).includes(l))).toBe(true)
    expect(share(64)).toBeCloseTo(7 / 12, 1)
    expect(share(570)).toBeCloseTo(4 / 12, 1)
    expect(share(1518)).toBeCloseTo(1 / 12, 1)
    expect(Math.abs(share(1518) - 1 / 12)).toBeLessThan(0.01)
  })
})

describe('timing', () => {
  it('constant rate: frame k arrives at start + k / rate + its line time', () => {
    const frames = take({ rateFps: 10_000, startNs: 5_000 }, 100)
    const line = lineTimeNs(60, 1000)
    expect(line).toBe(672)
    frames.forEach((f, k) => expect(f.t).toBe(5_000 + k * 100_000 + line))
  })

  it('never exceeds line rate: asked for more, frames come back to back', () => {
    const frames = take({ rateFps: 5_000_000, lineRateMbps: 1000 }, 100)
    for (let i = 1; i < frames.length; i++) expect(frames[i].t - frames[i - 1].t).toBe(672)
    const slow = take({ rateFps: 200_000, lineRateMbps: 100, size: { kind: 'fixed', bytes: 1518 } }, 10)
    for (let i = 1; i < slow.length; i++) expect(slow[i].t - slow[i - 1].t).toBe(lineTimeNs(1514, 100))
  })

  it('poisson: mean gap is 1/rate, gaps vary, and the same seed gives the same times', () => {
    const n = 20_000
    const frames = take({ rateFps: 100_000, arrivals: 'poisson' }, n, 5)
    const mean = (frames[n - 1].t - frames[0].t) / (n - 1)
    expect(Math.abs(mean - 10_000)).toBeLessThan(300)
    expect(new Set(frames.slice(0, 100).map((f, i) => (i ? f.t - frames[i - 1].t : 0))).size).toBeGreaterThan(50)
    expect(take({ rateFps: 100_000, arrivals: 'poisson' }, 50, 5).map((f) => f.t)).toEqual(
      frames.slice(0, 50).map((f) => f.t),
    )
    expect(take({ rateFps: 100_000, arrivals: 'poisson' }, 50, 6).map((f) => f.t)).not.toEqual(
      frames.slice(0, 50).map((f) => f.t),
    )
  })

  it('bursts: n frames back to back at line rate, one burst every period', () => {
    const frames = take({ burst: { frames: 4, periodNs: 1_000_000 }, rateFps: 1 }, 12)
    const line = lineTimeNs(60, 1000)
    frames.forEach((f, k) => expect(f.t).toBe(Math.floor(k / 4) * 1_000_000 + ((k % 4) + 1) * line))
  })

  it('count stops the generator', () => {
    const g = new TrafficGenerator({ kind: 'generator', count: 3 }, new SeededRandom(1))
    const buf = new Uint8Array(2048)
    expect([g.takeFrame(buf), g.takeFrame(buf), g.takeFrame(buf)]).toEqual([60, 60, 60])
    expect(g.nextArrivalNs()).toBe(Infinity)
    expect(g.takeFrame(buf)).toBe(0)
    expect(g.statistics.delivered).toBe(3)
  })
})

describe('frames', () => {
  it('carry sequence numbers and checksums the checker accepts in order', () => {
    const checker = new FrameChecker(7)
    const frames = take({ size: { kind: 'imix' }, stream: 7 }, 500)
    for (const f of frames) expect(checker.check(f.bytes, f.length)).toBe(FrameVerdict.InOrder)
    expect([checker.inSequence, checker.lost, checker.corrupted, checker.expected]).toEqual([500, 0, 0, 500])
  })

  it('are addressed to the controller by default and use the local experimental EtherType', () => {
    const [f] = take({}, 1)
    expect(Array.from(f.bytes.subarray(0, 6))).toEqual([0x02, 0x00, 0x4e, 0x57, 0x42, 0x01])
    expect([f.bytes[12], f.bytes[13]]).toEqual([0x88, 0xb5])
  })

  it('a buffer too small gets the first bytes and the full length is returned', () => {
    const g = new TrafficGenerator({ kind: 'generator', size: { kind: 'fixed', bytes: 1518 } }, new SeededRandom(1))
    const small = new Uint8Array(100)
    expect(g.takeFrame(small)).toBe(1514)
    const [full] = take({ size: { kind: 'fixed', bytes: 1518 } }, 1)
    expect(small).toEqual(full.bytes.subarray(0, 100))
  })

  it('the same seed gives the same bytes; sizes and arrivals use separate streams', () => {
    const a = take({ size: { kind: 'imix' } }, 100, 3)
    expect(take({ size: { kind: 'imix' } }, 100, 3)).toEqual(a)
    expect(take({ size: { kind: 'imix' } }, 100, 4).map((f) => f.length)).not.toEqual(a.map((f) => f.length))
    // Switching arrivals to poisson must not change the size sequence.
    expect(take({ size: { kind: 'imix' }, arrivals: 'poisson' }, 100, 3).map((f) => f.length)).toEqual(
      a.map((f) => f.length),
    )
  })

  it('is a WirePort for the controller', () => {
    const port: WirePort = new TrafficGenerator({ kind: 'generator' }, new SeededRandom(1))
    expect(port.nextArrivalNs()).toBe(672)
  })
})
