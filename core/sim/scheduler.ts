import { MAX_TIME_NS, VirtualClock } from './clock'
import { EventQueue, type EventId } from './event-queue'
import { SchedulerError } from './scheduler-error'
import { TraceHash } from './trace-hash'

/** Handles every event of one kind; registered once, so no closure is made per event. */
export type EventHandler = (arg: number) => void

/** Event kinds are small non-negative integers that index the handler table. */
export const MAX_EVENT_KIND = 4095

/**
 * The virtual-time machine (ns-3 style): integer nanoseconds, events ordered by time and then by insertion,
 * dispatched by kind to handlers registered with `on`. Deterministic: the same schedule calls give the same
 * dispatch order and the same `trace` hash.
 *
 * Scheduling before `nowNs` (or at a time that is not an integer number of nanoseconds in [0, 2^53)) is an engine
 * bug and throws `SchedulerError`; it is never clamped, so a wrong delay cannot silently reorder events.
 * An event at exactly `nowNs` is allowed and runs after every event already queued for that time.
 */
export class Scheduler {
  readonly clock = new VirtualClock()
  readonly trace = new TraceHash()
  private readonly queue: EventQueue
  private readonly handlers: (EventHandler | undefined)[] = []
  private stopRequested = false
  /** Events dispatched since construction (or the last `reset`). */
  dispatched = 0

  constructor(initialCapacity = 256) {
    this.queue = new EventQueue(initialCapacity)
  }

  get nowNs(): number {
    return this.clock.nowNs
  }

  get pending(): number {
    return this.queue.pending
  }

  /** Time of the next event, or +Infinity when none is pending. */
  get peekTimeNs(): number {
    return this.queue.peekTimeNs
  }

  on(kind: number, handler: EventHandler): void {
    checkKind(kind)
    if (this.handlers[kind] !== undefined) throw new SchedulerError(`event kind ${kind} already has a handler`)
    this.handlers[kind] = handler
  }

  schedule(atNs: number, kind: number, arg = 0): EventId {
    if (!(atNs >= this.clock.nowNs && atNs <= MAX_TIME_NS && Number.isInteger(atNs))) {
      throw new SchedulerError(`cannot schedule event kind ${kind} at ${atNs} ns (now ${this.clock.nowNs} ns)`)
    }
    if (this.handlers[kind] === undefined) {
      checkKind(kind)
      throw new SchedulerError(`event kind ${kind} has no handler`)
    }
    return this.queue.push(atNs, kind, arg)
  }

  scheduleIn(delayNs: number, kind: number, arg = 0): EventId {
    return this.schedule(this.clock.nowNs + delayNs, kind, arg)
  }

  /** False when the event already ran or was cancelled, or the id is not a valid one (NaN, 0, stale, made up). */
  cancel(id: EventId): boolean {
    return this.queue.cancel(id)
  }

  /** Makes the running `step`/`runUntil` return after the event being dispatched. */
  requestStop(): void {
    this.stopRequested = true
  }

  /** Dispatches one event; false when none is pending. */
  step(): boolean {
    const q = this.queue
    if (!q.pop()) return false
    this.dispatch(q)
    return true
  }

  /**
   * Dispatches, in order, every event due at or before `tNs`, at most `maxEvents` of them. When it stopped because
   * no event is left at or before `tNs` (not because of `maxEvents` or `requestStop`), the clock ends at `tNs`
   * (unless `tNs` is +Infinity). Returns the number of events dispatched. An exception thrown by a handler
   * propagates; that event has been removed and the clock stands at its time.
   */
  runUntil(tNs: number, maxEvents = Infinity): number {
    if (Number.isNaN(tNs) || tNs < this.clock.nowNs) {
      throw new SchedulerError(`cannot run until ${tNs} ns (now ${this.clock.nowNs} ns)`)
    }
    const q = this.queue
    this.stopRequested = false
    let n = 0
    while (n < maxEvents) {
      if (q.pending === 0 || q.peekTimeNs > tNs) {
        if (tNs !== Infinity) this.clock.advanceTo(Math.min(tNs, MAX_TIME_NS))
        return n
      }
      q.pop()
      n++
      this.dispatch(q)
      if (this.stopRequested) break
    }
    return n
  }

  /** Drops every pending event and returns to time 0 with a fresh trace hash; handlers stay registered. */
  reset(): void {
    this.queue.clear()
    this.clock.reset()
    this.trace.reset()
    this.dispatched = 0
  }

  private dispatch(q: EventQueue): void {
    const t = q.poppedTimeNs
    const kind = q.poppedKind
    const arg = q.poppedArg
    this.clock.advanceTo(t)
    this.trace.update(t, kind, arg)
    this.dispatched++
    ;(this.handlers[kind] as EventHandler)(arg)
  }
}

function checkKind(kind: number): void {
  if (!Number.isInteger(kind) || kind < 0 || kind > MAX_EVENT_KIND) {
    throw new SchedulerError(`event kind must be an integer in [0, ${MAX_EVENT_KIND}], got ${kind}`)
  }
}
