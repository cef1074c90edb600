import { SchedulerError } from './scheduler-error'

/**
 * Identifies one scheduled event for `cancel`. Never 0 (0 means "no event"), and never reused while a stale copy
 * could still cancel something else: the id carries the slot's generation.
 */
export type EventId = number
export const NO_EVENT: EventId = 0

const SLOT_LIMIT = 1 << 24
const GENERATION_LIMIT = 1 << 28

/**
 * Binary min-heap of events keyed by (time, insertion sequence), as in ns-3: equal times leave in insertion order.
 * Heap order lives in parallel typed arrays (time, sequence, slot); each event's payload (kind, argument) lives in a
 * slot that stays put while the heap moves, so cancel finds its event in O(1) and removes it in O(log n).
 * Nothing is allocated per event; the arrays double when full.
 */
export class EventQueue {
  private heapTime: Float64Array
  private heapSeq: Float64Array
  private heapSlot: Int32Array
  private size = 0

  private slotKind: Int32Array
  private slotArg: Float64Array
  private slotGen: Int32Array
  /** Heap index of the slot's event, -1 when the slot is free. */
  private slotPos: Int32Array
  private freeSlots: Int32Array
  private freeTop = 0
  private slotsUsed = 0
  private nextSeq = 0

  /** The event removed by the last successful `pop()`. */
  poppedTimeNs = 0
  poppedKind = 0
  poppedArg = 0
  poppedId: EventId = NO_EVENT

  constructor(initialCapacity = 256) {
    const n = Math.max(4, Math.min(SLOT_LIMIT, Math.floor(initialCapacity) || 4))
    this.heapTime = new Float64Array(n)
    this.heapSeq = new Float64Array(n)
    this.heapSlot = new Int32Array(n)
    this.slotKind = new Int32Array(n)
    this.slotArg = new Float64Array(n)
    this.slotGen = new Int32Array(n).fill(1)
    this.slotPos = new Int32Array(n).fill(-1)
    this.freeSlots = new Int32Array(n)
  }

  get pending(): number {
    return this.size
  }

  get capacity(): number {
    return this.heapTime.length
  }

  /** Time of the earliest event, or +Infinity when none is pending. */
  get peekTimeNs(): number {
    return this.size > 0 ? this.heapTime[0] : Infinity
  }

  push(timeNs: number, kind: number, arg: number): EventId {
    if (this.size === this.heapTime.length) this.grow()
    let slot: number
    if (this.freeTop > 0) slot = this.freeSlots[--this.freeTop]
    else slot = this.slotsUsed++
    this.slotKind[slot] = kind
    this.slotArg[slot] = arg
    this.siftUp(this.size++, timeNs, this.nextSeq++, slot)
    return this.slotGen[slot] * SLOT_LIMIT + slot
  }

  /** Removes a pending event; false when it was already dispatched or cancelled, or the id is not a valid one. */
  cancel(id: EventId): boolean {
    if (!Number.isSafeInteger(id) || id < SLOT_LIMIT) return false
    const slot = id % SLOT_LIMIT
    if (slot >= this.slotsUsed || this.slotGen[slot] !== (id - slot) / SLOT_LIMIT) return false
    const pos = this.slotPos[slot]
    if (pos < 0) return false
    this.removeAt(pos)
    this.release(slot)
    return true
  }

  /** Removes the earliest event into `popped*`; false when empty. */
  pop(): boolean {
    if (this.size === 0) return false
    const slot = this.heapSlot[0]
    this.poppedTimeNs = this.heapTime[0]
    this.poppedKind = this.slotKind[slot]
    this.poppedArg = this.slotArg[slot]
    this.poppedId = this.slotGen[slot] * SLOT_LIMIT + slot
    this.removeAt(0)
    this.release(slot)
    return true
  }

  clear(): void {
    while (this.size > 0) this.release(this.heapSlot[--this.size])
  }

  private release(slot: number): void {
    const gen = this.slotGen[slot] + 1
    this.slotGen[slot] = gen >= GENERATION_LIMIT ? 1 : gen
    this.slotPos[slot] = -1
    this.freeSlots[this.freeTop++] = slot
  }

  private removeAt(pos: number): void {
    const last = --this.size
    if (pos === last) return
    const t = this.heapTime[last]
    const s = this.heapSeq[last]
    const slot = this.heapSlot[last]
    if (pos > 0) {
      const parent = (pos - 1) >> 1
      const pt = this.heapTime[parent]
      if (t < pt || (t === pt && s < this.heapSeq[parent])) {
        this.siftUp(pos, t, s, slot)
        return
      }
    }
    this.siftDown(pos, t, s, slot)
  }

  private siftUp(pos: number, t: number, s: number, slot: number): void {
    const time = this.heapTime
    const seq = this.heapSeq
    const slots = this.heapSlot
    const slotPos = this.slotPos
    while (pos > 0) {
      const parent = (pos - 1) >> 1
      const pt = time[parent]
      if (pt < t || (pt === t && seq[parent] < s)) break
      time[pos] = pt
      seq[pos] = seq[parent]
      const ps = slots[parent]
      slots[pos] = ps
      slotPos[ps] = pos
      pos = parent
    }
    time[pos] = t
    seq[pos] = s
    slots[pos] = slot
    slotPos[slot] = pos
  }

  private siftDown(pos: number, t: number, s: number, slot: number): void {
    const time = this.heapTime
    const seq = this.heapSeq
    const slots = this.heapSlot
    const slotPos = this.slotPos
    const n = this.size
    for (;;) {
      let child = 2 * pos + 1
      if (child >= n) break
      let ct = time[child]
      const right = child + 1
      if (right < n) {
        const rt = time[right]
        if (rt < ct || (rt === ct && seq[right] < seq[child])) {
          child = right
          ct = rt
        }
      }
      if (t < ct || (t === ct && s < seq[child])) break
      time[pos] = ct
      seq[pos] = seq[child]
      const cs = slots[child]
      slots[pos] = cs
      slotPos[cs] = pos
      pos = child
    }
    time[pos] = t
    seq[pos] = s
    slots[pos] = slot
    slotPos[slot] = pos
  }

  private grow(): void {
    const old = this.heapTime.length
    if (old >= SLOT_LIMIT) throw new SchedulerError(`more than ${SLOT_LIMIT} events pending`)
    const n = Math.min(SLOT_LIMIT, old * 2)
    this.heapTime = growF64(this.heapTime, n)
    this.heapSeq = growF64(this.heapSeq, n)
    this.heapSlot = growI32(this.heapSlot, n, 0)
    this.slotKind = growI32(this.slotKind, n, 0)
    this.slotArg = growF64(this.slotArg, n)
    this.slotGen = growI32(this.slotGen, n, 1)
    this.slotPos = growI32(this.slotPos, n, -1)
    this.freeSlots = growI32(this.freeSlots, n, 0)
  }
}

function growF64(a: Float64Array, n: number): Float64Array {
  const b = new Float64Array(n)
  b.set(a)
  return b
}

function growI32(a: Int32Array, n: number, fill: number): Int32Array {
  const b = new Int32Array(n)
  if (fill !== 0) b.fill(fill, a.length)
  b.set(a)
  return b
}
