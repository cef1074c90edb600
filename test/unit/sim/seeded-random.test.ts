// Seeded randomness (design.md: "seed + run number printed in every result, deterministic by default").
import { describe, expect, it } from 'vitest'
import { SeededRandom } from '../../../core/sim'

const take = (r: SeededRandom, n: number): number[] => Array.from({ length: n }, () => r.nextU32())

describe('SeededRandom', () => {
  it('gives the same sequence for the same seed and different ones for different seeds', () => {
    expect(take(new SeededRandom(1), 100)).toEqual(take(new SeededRandom(1), 100))
    expect(take(new SeededRandom(1), 100)).not.toEqual(take(new SeededRandom(2), 100))
    expect(take(new SeededRandom(1), 10)).not.toEqual(take(new SeededRandom(2 ** 32 + 1), 10))
    expect(take(new SeededRandom(0), 10)).not.toEqual(take(new SeededRandom(-1), 10))
  })

  it('produces 32-bit unsigned integers and floats in [0, 1)', () => {
    const r = new SeededRandom(7)
    for (let i = 0; i < 10_000; i++) {
      const u = r.nextU32()
      expect(Number.isInteger(u) && u >= 0 && u < 2 ** 32).toBe(true)
      const f = r.nextFloat()
      expect(f >= 0 && f < 1).toBe(true)
    }
  })

  it('nextInt is in range and roughly uniform; bad bounds are RangeErrors', () => {
    const r = new SeededRandom(3)
    const counts = new Array<number>(6).fill(0)
    for (let i = 0; i < 60_000; i++) counts[r.nextInt(6)]++
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(600)
    expect(r.nextInt(1)).toBe(0)
    for (const bad of [0, -1, 1.5, NaN, 2 ** 32 + 1]) expect(() => r.nextInt(bad)).toThrow(RangeError)
    for (let i = 0; i < 1000; i++) {
      const v = r.nextRange(60, 64)
      expect(v >= 60 && v <= 64).toBe(true)
    }
  })

  it('fork(label) streams depend on the seed and label only, not on draws made elsewhere', () => {
    const a = new SeededRandom(9)
    const b = new SeededRandom(9)
    take(b, 1000)
    const wireB = b.fork('wire')
    expect(take(a.fork('wire'), 50)).toEqual(take(wireB, 50))
    expect(take(new SeededRandom(9).fork('wire'), 50)).not.toEqual(take(new SeededRandom(9).fork('protocol'), 50))
    expect(take(new SeededRandom(9).fork('wire'), 50)).not.toEqual(take(new SeededRandom(10).fork('wire'), 50))
    expect(take(new SeededRandom(9).fork('wire'), 50)).not.toEqual(take(new SeededRandom(9), 50))
    expect(take(new SeededRandom(9).fork('a').fork('b'), 20)).toEqual(take(new SeededRandom(9).fork('a').fork('b'), 20))
    expect(take(new SeededRandom(9).fork('a').fork('b'), 20)).not.toEqual(
      take(new SeededRandom(9).fork('b').fork('a'), 20),
    )
    expect(new SeededRandom(9).fork('x').seed).toBe(9)
  })

  it('exponential gaps have the requested mean', () => {
    const r = new SeededRandom(11)
    let sum = 0
    for (let i = 0; i < 50_000; i++) sum += r.nextExponential(1000)
    expect(Math.abs(sum / 50_000 - 1000)).toBeLessThan(30)
  })
})
