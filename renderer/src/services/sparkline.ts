// The last few seconds of each pool's in-use count, kept in fixed rings (one sample per stats push, no garbage).
import type { PoolRow } from '../../../core/api/workbench-api'

export const HISTORY_SAMPLES = 150

export class PoolHistory {
  private readonly rings = new Map<number, { values: Float64Array; next: number; count: number }>()

  constructor(readonly samples = HISTORY_SAMPLES) {}

  record(pools: readonly PoolRow[]): void {
    for (const row of pools) {
      let ring = this.rings.get(row.handle)
      if (!ring) {
        ring = { values: new Float64Array(this.samples), next: 0, count: 0 }
        this.rings.set(row.handle, ring)
      }
      ring.values[ring.next] = row.inUse
      ring.next = (ring.next + 1) % this.samples
      if (ring.count < this.samples) ring.count++
    }
  }

  /** Samples of one pool, oldest first. */
  series(handle: number): number[] {
    const ring = this.rings.get(handle)
    if (!ring) return []
    const out: number[] = new Array(ring.count)
    const start = (ring.next - ring.count + this.samples) % this.samples
    for (let i = 0; i < ring.count; i++) out[i] = ring.values[(start + i) % this.samples]!
    return out
  }

  clear(): void {
    this.rings.clear()
  }
}

/** SVG polyline points of a series scaled into width × height, the newest sample at the right edge. */
export function sparklinePoints(
  series: readonly number[],
  max: number,
  width: number,
  height: number,
  samples = HISTORY_SAMPLES,
): string {
  if (series.length === 0) return ''
  const top = Math.max(max, 1)
  const step = width / Math.max(samples - 1, 1)
  const x0 = width - (series.length - 1) * step
  let points = ''
  for (let i = 0; i < series.length; i++) {
    const v = Math.min(Math.max(series[i]!, 0), top)
    const x = x0 + i * step
    const y = height - (v / top) * height
    points += `${i ? ' ' : ''}${x.toFixed(1)},${y.toFixed(1)}`
  }
  return points
}
