// The trace rows the UI holds: a bounded window of the newest rows (older ones are dropped), filtered by kind.
import type { TraceRow } from '../../../core/api/workbench-api'

export const TRACE_CAPACITY = 5_000

export class TraceLog {
  private rows: TraceRow[] = []
  private readonly kindSet = new Set<string>()
  /** Sequence number of the newest row held, -1 before any. */
  lastSeq = -1
  dropped = 0
  /** Events the host had that were never fetched (the view asks for the newest only). */
  skipped = 0

  constructor(readonly capacity = TRACE_CAPACITY) {}

  append(rows: readonly TraceRow[]): void {
    for (const row of rows) {
      if (row.seq <= this.lastSeq) continue
      this.skipped += row.seq - this.lastSeq - 1
      this.rows.push(row)
      this.kindSet.add(row.kind)
      this.lastSeq = row.seq
    }
    const excess = this.rows.length - this.capacity
    if (excess > 0) {
      this.rows.splice(0, excess)
      this.dropped += excess
    }
  }

  get size(): number {
    return this.rows.length
  }

  kinds(): string[] {
    return [...this.kindSet].sort()
  }

  /** Rows whose kind is in `kinds` (all rows when it is empty), oldest first. */
  filtered(kinds: ReadonlySet<string>): TraceRow[] {
    return kinds.size === 0 ? this.rows.slice() : this.rows.filter((r) => kinds.has(r.kind))
  }

  clear(): void {
    this.rows = []
    this.kindSet.clear()
    this.lastSeq = -1
    this.dropped = 0
    this.skipped = 0
  }
}
