// Virtual time as the scheduler provides it: integer nanoseconds held in a float64.
export interface Clock {
  readonly nowNs: number
}

/** A clock that only moves when told to; the default until the scheduler supplies its own. */
export class ManualClock implements Clock {
  nowNs = 0
  advance(ns: number): void {
    this.nowNs += ns
  }
}
