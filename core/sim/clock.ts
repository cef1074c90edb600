/**
 * Time as kernel code reads it: integer nanoseconds held in a float64. A float64 holds every integer up to 2^53,
 * so nanoseconds stay exact for about 104 days of virtual time; BigInt is not needed (and costs 2–5×).
 */
export interface Clock {
  readonly nowNs: number
}

/** The largest virtual time the scheduler accepts: 2^53 - 1 ns (about 104 days). */
export const MAX_TIME_NS = Number.MAX_SAFE_INTEGER

/** Virtual clock owned by the scheduler: it only moves forward, to the time of the event being dispatched. */
export class VirtualClock implements Clock {
  private now = 0

  get nowNs(): number {
    return this.now
  }

  /** Moves the clock forward; the scheduler is the only caller and never moves it back. */
  advanceTo(tNs: number): void {
    if (tNs > this.now) this.now = tNs
  }

  reset(): void {
    this.now = 0
  }
}

export const NS_PER_US = 1_000
export const NS_PER_MS = 1_000_000
export const NS_PER_S = 1_000_000_000
