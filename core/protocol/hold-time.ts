// Draws the time a pended packet is held before it is returned (options.ts HoldTime), from a seeded stream.
import type { SeededRandom } from '../sim/seeded-random'
import type { HoldTime } from './options'

export class HoldTimeSampler {
  private readonly kind: number
  private readonly a: number
  private readonly b: number

  constructor(
    hold: HoldTime,
    private readonly random: SeededRandom,
  ) {
    if (hold.distribution === 'fixed') {
      this.kind = 0
      this.a = hold.ns
      this.b = hold.ns
    } else if (hold.distribution === 'uniform') {
      this.kind = 1
      this.a = hold.minNs
      this.b = hold.maxNs
    } else {
      this.kind = 2
      this.a = hold.meanNs
      this.b = 0
    }
  }

  /** Integer nanoseconds (the scheduler takes only integers). */
  next(): number {
    if (this.kind === 0) return this.a
    if (this.kind === 1) return this.a + Math.floor(this.random.nextFloat() * (this.b - this.a + 1))
    return Math.round(this.random.nextExponential(this.a))
  }
}
