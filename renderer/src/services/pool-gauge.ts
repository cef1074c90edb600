// A pool row at a glance: how full it is, its high-water mark, and whether it is exhausted or failing.
import type { PoolRow } from '../../../core/api/workbench-api'

export type PoolHealth = 'ok' | 'high' | 'full' | 'exhausted' | 'failing' | 'freed'

export interface GaugeShares {
  /** Fractions of the gauge's width, 0..1. */
  inUse: number
  /** Part of inUse lent to the protocol (indicated, not yet returned): what moves while a driver recycles. */
  held: number
  highWater: number
  capacity: number
}

export function poolCapacity(row: PoolRow): number {
  return Math.max(row.inUse + row.free, row.highWater, 1)
}

export function gaugeShares(row: PoolRow): GaugeShares {
  const capacity = poolCapacity(row)
  return {
    inUse: row.inUse / capacity,
    held: Math.min(row.heldByProtocol, row.inUse) / capacity,
    highWater: row.highWater / capacity,
    capacity,
  }
}

/** Exhausted: nothing free and allocations refused; failing: refused at some point; full: every descriptor out,
 * which is normal for a driver that allocates its receive packets up front and recycles them; high: ≥ 90 %. */
export function poolHealth(row: PoolRow): PoolHealth {
  if (row.freed) return 'freed'
  const full = row.free === 0 && row.inUse > 0
  if (full && row.failures > 0) return 'exhausted'
  if (row.failures > 0) return 'failing'
  if (full) return 'full'
  if (row.inUse / poolCapacity(row) >= 0.9) return 'high'
  return 'ok'
}
