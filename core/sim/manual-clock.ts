// A clock that only moves when told to: the kernel's default until a scheduler supplies its own, and tests' clock.
import type { Clock } from './clock'

export class ManualClock implements Clock {
  nowNs = 0
  advance(ns: number): void {
    this.nowNs += ns
  }
}
