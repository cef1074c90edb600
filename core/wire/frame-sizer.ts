import type { SeededRandom } from '../sim/seeded-random'
import type { FrameSize } from './schemas'

/** Simple IMIX (7 : 4 : 1 of 64, 570 and 1518 bytes), as traffic generators commonly define it. */
export const IMIX_SIZES = [64, 570, 1518] as const
export const IMIX_WEIGHTS = [7, 4, 1] as const

/** Draws frame sizes (FCS included) from a size distribution with its own random stream. */
export class FrameSizer {
  constructor(
    private readonly size: FrameSize,
    private readonly random: SeededRandom,
  ) {}

  next(): number {
    const s = this.size
    if (s.kind === 'fixed') return s.bytes
    if (s.kind === 'uniform') return this.random.nextRange(s.min, s.max)
    const r = this.random.nextInt(12)
    return r < 7 ? IMIX_SIZES[0] : r < 11 ? IMIX_SIZES[1] : IMIX_SIZES[2]
  }
}
