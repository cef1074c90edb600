// Non-paged memory: one ArrayBuffer arena handed out as 32-bit kernel virtual addresses from KVA_BASE.
// First-fit allocator over sorted free extents, 16-byte granules. A shadow byte per granule says whether the
// granule is unallocated, live or freed, so the verifier can catch use of freed memory (ndis5.md §4 R16).

export const KVA_BASE = 0x80000000
export const GRANULE = 16
export const GRANULE_SHIFT = 4

export const SHADOW_UNALLOCATED = 0
export const SHADOW_LIVE = 1
export const SHADOW_FREED = 2

/** Byte written over freed memory so a use-after-free reads something recognisable. */
export const FREED_POISON = 0xdd

/** `ndis`: NDIS's own memory (not the driver's: never a leak of the driver's). */
export type AllocationKind = 'memory' | 'packet-pool' | 'buffer-pool' | 'overflow-descriptor' | 'shared' | 'ndis'

export interface Allocation {
  readonly va: number
  readonly size: number
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

  constructor(size: number) {
    const bytes = Math.max(GRANULE, Math.ceil(size / GRANULE) * GRANULE)
    this.size = bytes
    this.buffer = new ArrayBuffer(bytes)
    this.u8 = new Uint8Array(this.buffer)
    this.u32 = new Uint32Array(this.buffer)
    this.f64 = new Float64Array(this.buffer)
    this.view = new DataView(this.buffer)
    this.shadow = new Uint8Array(bytes >>> GRANULE_SHIFT)
    this.freeStart = [0]
    this.freeLength = [bytes]
  }

  /** Allocates `requested` bytes (rounded up to a granule); returns the VA, or 0 when nothing fits. */
  allocate(requested: number, tag: number, flags: number, site: number, kind: AllocationKind): number {
    if (!(requested > 0) || requested > this.size) {
      this.failedAllocations++
      return 0
    }
    const size = Math.ceil(requested / GRANULE) * GRANULE
    const starts = this.freeStart
    const lengths = this.freeLength
    for (let i = 0; i < starts.length; i++) {
      if (lengths[i] < size) continue
      const offset = starts[i]
      if (lengths[i] === size) {
        starts.splice(i, 1)
        lengths.splice(i, 1)
      } else {
        starts[i] = offset + size
        lengths[i] -= size
      }
      this.shadow.fill(SHADOW_LIVE, offset >>> GRANULE_SHIFT, (offset + size) >>> GRANULE_SHIFT)
      const va = KVA_BASE + offset
      this.live.set(va, { va, size, requested, tag: tag >>> 0, flags, site, kind })
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
    this.u8.fill(FREED_POISON, offset, offset + a.size)
    this.shadow.fill(SHADOW_FREED, offset >>> GRANULE_SHIFT, (offset + a.size) >>> GRANULE_SHIFT)
    this.insertFree(offset, a.size)
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

  /** True when every granule of [va, va+length) is live (not unallocated, not freed). */
  isLive(va: number, length: number): boolean {
    if (!this.inArena(va, length)) return false
    const off = va - KVA_BASE
    const first = off >>> GRANULE_SHIFT
    const last = (off + Math.max(length, 1) - 1) >>> GRANULE_SHIFT
    const shadow = this.shadow
    for (let g = first; g <= last; g++) if (shadow[g] !== SHADOW_LIVE) return false
    return true
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
