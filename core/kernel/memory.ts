// Non-paged memory: one ArrayBuffer arena handed out as 32-bit kernel virtual addresses from KVA_BASE.
// First-fit allocator over sorted free extents, 16-byte granules. A shadow byte per granule says whether the
// granule is unallocated, live, freed or a guard, so the verifier can catch use of freed memory (ndis5.md §4 R16) and
// overruns, as Driver Verifier's special pool does: every allocation has a guard zone before and after it (16 bytes,
// or a 4 KiB page on the side a `guard` setting names), and the last granule of a block whose size is not a multiple
// of 16 is live only up to its last byte, so an access one byte past the end is caught at the line that made it.

export const KVA_BASE = 0x80000000
export const GRANULE = 16
export const GRANULE_SHIFT = 4

export const SHADOW_UNALLOCATED = 0
export const SHADOW_LIVE = 1
export const SHADOW_FREED = 2
/** A guard granule around an allocation (special pool). */
export const SHADOW_GUARD = 3
/** SHADOW_PARTIAL + k (k = 1..15): the last granule of a block, live in its first k bytes only. */
export const SHADOW_PARTIAL = 16

/**
 * The special pool's guards: 16-byte zones on both sides of every block (the default), or a 4 KiB page after
 * ("verify end" in Driver Verifier's words: a wild write far past the end still lands in a guard) or before ("verify
 * start") with a zone on the other side.
 */
export type GuardPlacement = 'zones' | 'page-after' | 'page-before'
/** Guard bytes on each side: the small zone, and a page on the side the placement names. */
export const GUARD_BYTES = 16
export const GUARD_PAGE_BYTES = 0x1000

/** Byte written over freed memory so a use-after-free reads something recognisable. */
export const FREED_POISON = 0xdd

/** `ndis`: NDIS's own memory (not the driver's: never a leak of the driver's). */
export type AllocationKind = 'memory' | 'packet-pool' | 'buffer-pool' | 'overflow-descriptor' | 'shared' | 'ndis'

export interface Allocation {
  readonly va: number
  /** Bytes of the block (the request rounded up to a granule). */
  readonly size: number
  /** Guard bytes before and after the block (part of the extent taken from the arena). */
  readonly guardBefore: number
  readonly guardAfter: number
  readonly requested: number
  readonly tag: number
  readonly flags: number
  readonly site: number
  readonly kind: AllocationKind
}

export interface MemoryStats {
  readonly liveAllocations: number
  readonly liveBytes: number
  readonly totalAllocations: number
  readonly totalFrees: number
  readonly failedAllocations: number
}

export class NonPagedMemory {
  readonly buffer: ArrayBuffer
  readonly u8: Uint8Array
  readonly u32: Uint32Array
  readonly u16: Uint16Array
  /** 8-byte view: descriptors are zeroed eight bytes a store. */
  readonly f64: Float64Array
  readonly view: DataView
  readonly shadow: Uint8Array
  readonly size: number
  /** Live allocations by virtual address: the pool tracker. */
  readonly live = new Map<number, Allocation>()
  private freeStart: number[]
  private freeLength: number[]
  private liveBytes = 0
  private totalAllocations = 0
  private totalFrees = 0
  private failedAllocations = 0

  /** Guard bytes before and after every block. */
  private readonly guardBefore: number
  private readonly guardAfter: number

  constructor(size: number, guard: GuardPlacement = 'zones') {
    const bytes = Math.max(GRANULE, Math.ceil(size / GRANULE) * GRANULE)
    this.size = bytes
    this.buffer = new ArrayBuffer(bytes)
    this.u8 = new Uint8Array(this.buffer)
    this.u32 = new Uint32Array(this.buffer)
    this.u16 = new Uint16Array(this.buffer)
    this.f64 = new Float64Array(this.buffer)
    this.view = new DataView(this.buffer)
    this.shadow = new Uint8Array(bytes >>> GRANULE_SHIFT)
    this.freeStart = [0]
    this.freeLength = [bytes]
    this.guardBefore = guard === 'page-before' ? GUARD_PAGE_BYTES : GUARD_BYTES
    this.guardAfter = guard === 'page-after' ? GUARD_PAGE_BYTES : GUARD_BYTES
  }

  /** Allocates `requested` bytes (rounded up to a granule, with guards around); returns the VA, or 0 when nothing fits. */
  allocate(requested: number, tag: number, flags: number, site: number, kind: AllocationKind): number {
    if (!(requested > 0) || requested > this.size) {
      this.failedAllocations++
      return 0
    }
    const size = Math.ceil(requested / GRANULE) * GRANULE
    const before = this.guardBefore
    const after = this.guardAfter
    const extent = before + size + after
    const starts = this.freeStart
    const lengths = this.freeLength
    for (let i = 0; i < starts.length; i++) {
      if (lengths[i] < extent) continue
      const start = starts[i]
      if (lengths[i] === extent) {
        starts.splice(i, 1)
        lengths.splice(i, 1)
      } else {
        starts[i] = start + extent
        lengths[i] -= extent
      }
      const offset = start + before
      const shadow = this.shadow
      shadow.fill(SHADOW_GUARD, start >>> GRANULE_SHIFT, offset >>> GRANULE_SHIFT)
      shadow.fill(SHADOW_LIVE, offset >>> GRANULE_SHIFT, (offset + size) >>> GRANULE_SHIFT)
      const tail = requested & (GRANULE - 1)
      if (tail !== 0) shadow[(offset + size - 1) >>> GRANULE_SHIFT] = SHADOW_PARTIAL + tail
      shadow.fill(SHADOW_GUARD, (offset + size) >>> GRANULE_SHIFT, (start + extent) >>> GRANULE_SHIFT)
      const va = KVA_BASE + offset
      this.live.set(va, {
        va,
        size,
        guardBefore: before,
        guardAfter: after,
        requested,
        tag: tag >>> 0,
        flags,
        site,
        kind,
      })
      this.liveBytes += size
      this.totalAllocations++
      return va
    }
    this.failedAllocations++
    return 0
  }

  /** Frees a live allocation by its exact start address; returns it, or undefined when `va` is not one. */
  free(va: number): Allocation | undefined {
    const a = this.live.get(va)
    if (a === undefined) return undefined
    this.live.delete(va)
    const offset = va - KVA_BASE
    const start = offset - a.guardBefore
    const end = offset + a.size + a.guardAfter
    this.u8.fill(FREED_POISON, offset, offset + a.size)
    this.shadow.fill(SHADOW_FREED, start >>> GRANULE_SHIFT, end >>> GRANULE_SHIFT)
    this.insertFree(start, end - start)
    this.liveBytes -= a.size
    this.totalFrees++
    return a
  }

  private insertFree(offset: number, size: number): void {
    const starts = this.freeStart
    const lengths = this.freeLength
    let i = 0
    while (i < starts.length && starts[i] < offset) i++
    starts.splice(i, 0, offset)
    lengths.splice(i, 0, size)
    if (i + 1 < starts.length && starts[i] + lengths[i] === starts[i + 1]) {
      lengths[i] += lengths[i + 1]
      starts.splice(i + 1, 1)
      lengths.splice(i + 1, 1)
    }
    if (i > 0 && starts[i - 1] + lengths[i - 1] === starts[i]) {
      lengths[i - 1] += lengths[i]
      starts.splice(i, 1)
      lengths.splice(i, 1)
    }
  }

  /** Largest block that an allocation could get now. */
  largestFree(): number {
    let max = 0
    for (const l of this.freeLength) if (l > max) max = l
    return max
  }

  /** True when [va, va+length) lies inside the arena (length ≥ 0, integers). */
  inArena(va: number, length: number): boolean {
    if (typeof va !== 'number' || typeof length !== 'number') return false
    const off = va - KVA_BASE
    return off >>> 0 === off && length >= 0 && length >>> 0 === length && off + length <= this.size
  }

  /** True when every byte of [va, va+length) is live (allocated, not freed, not a guard or a block's slack). */
  isLive(va: number, length: number): boolean {
    if (!this.inArena(va, length)) return false
    return this.firstDead(va - KVA_BASE, Math.max(length, 1)) < 0
  }

  /** Offset of the first byte of [off, off+length) that is not live, or -1 (special pool: every granule checked). */
  firstDead(off: number, length: number): number {
    const shadow = this.shadow
    const end = off + length
    for (let g = off >>> GRANULE_SHIFT, last = (end - 1) >>> GRANULE_SHIFT; g <= last; g++) {
      const s = shadow[g]
      if (s === SHADOW_LIVE) continue
      const base = g << GRANULE_SHIFT
      const from = Math.max(off, base)
      if (s > SHADOW_PARTIAL && Math.min(end, base + GRANULE) <= base + (s - SHADOW_PARTIAL)) continue
      return s > SHADOW_PARTIAL ? Math.max(from, base + (s - SHADOW_PARTIAL)) : from
    }
    return -1
  }

  /** True when byte `off` of the arena is live (one shadow read, and a compare in a block's last granule). */
  byteLive(off: number): boolean {
    const s = this.shadow[off >>> GRANULE_SHIFT]
    return s === SHADOW_LIVE || (s > SHADOW_PARTIAL && (off & (GRANULE - 1)) < s - SHADOW_PARTIAL)
  }

  /** The live allocation whose block or guards hold `va` (slow: for the message of an overrun). */
  allocationAround(va: number): Allocation | undefined {
    for (const a of this.live.values()) if (va >= a.va - a.guardBefore && va < a.va + a.size + a.guardAfter) return a
    return undefined
  }

  /** Shadow state of the granule holding `va` (SHADOW_*), or -1 outside the arena. */
  shadowOf(va: number): number {
    if (typeof va !== 'number') return -1
    const off = va - KVA_BASE
    if (off >>> 0 !== off || off >= this.size) return -1
    return this.shadow[off >>> GRANULE_SHIFT]
  }

  /** The live allocation containing `va`, if any (slow: for reports and argument checks). */
  allocationAt(va: number): Allocation | undefined {
    const exact = this.live.get(va)
    if (exact !== undefined) return exact
    if (this.shadowOf(va) !== SHADOW_LIVE) return undefined
    for (const a of this.live.values()) if (va >= a.va && va < a.va + a.size) return a
    return undefined
  }

  stats(): MemoryStats {
    return {
      liveAllocations: this.live.size,
      liveBytes: this.liveBytes,
      totalAllocations: this.totalAllocations,
      totalFrees: this.totalFrees,
      failedAllocations: this.failedAllocations,
    }
  }
}
