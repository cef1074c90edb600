// A packet pool: one non-paged block holding the header and every static descriptor (ndis5.md §1.1, §2.2, §2.3),
// with the per-descriptor bookkeeping the verifier needs kept in typed arrays (no object per packet), and lwIP-style
// statistics kept inside the pool.
import { KVA_BASE } from '../kernel/memory'
import { packetLength, packetOobOffset, SIZEOF_PACKET_POOL_HEADER } from './layout'

/** Descriptor states. */
export const DESC_FREE = 0
export const DESC_ALLOCATED = 1
/** Indicated up and pended: owned by the protocol until MiniportReturnPacket (ndis5.md §3). */
export const DESC_INDICATED = 2

export const MAX_PACKET_POOL_DESCRIPTORS = 0xffff

export interface PoolStatistics {
  readonly avail: number
  readonly used: number
  readonly max: number
  readonly err: number
  readonly allocations: number
  readonly frees: number
  readonly createdSite: number
}

export class PacketPool {
  /** The pool handle: address of the block (NDISI_PACKET_POOL header). */
  readonly handle: number
  /** Address of static descriptor 0; descriptors follow each other every `stride` bytes. */
  readonly first: number
  /** `first` as an offset into non-paged memory: a small integer, where the address is a heap number in V8. */
  readonly firstOffset: number
  readonly end: number
  readonly stride: number
  /** 1 / stride: a multiplication finds a descriptor's slot on the hot path; the product is checked exactly. */
  readonly strideInverse: number
  readonly packetLength: number
  readonly oobOffset: number
  readonly numberOfDescriptors: number
  /** Overflow descriptors granted (after the 0xFFFF clamp). */
  readonly overflowDescriptors: number
  readonly protocolReservedLength: number
  readonly createdSite: number
  /** Per slot (static 0..N-1, then overflow N..N+O-1). */
  readonly state: Uint8Array
  readonly site: Int32Array
  readonly generation: Uint16Array
  /** LIFO of free static slots. */
  readonly freeStack: Int32Array
  freeCount: number
  /** Overflow slots: the descriptor's address while allocated (system memory), 0 otherwise. */
  readonly overflowVa: Float64Array
  private readonly overflowFree: Int32Array
  private overflowFreeCount: number
  protocolId = 0
  alive = true
  // Statistics (lwIP memp: avail = free, used = inUse, max = highWater, err = failures).
  inUse = 0
  highWater = 0
  allocations = 0
  frees = 0
  failures = 0
  overflowInUse = 0
  exhaustionReported = false

  constructor(
    handle: number,
    numberOfDescriptors: number,
    overflowDescriptors: number,
    protocolReservedLength: number,
    createdSite: number,
  ) {
    this.handle = handle
    this.numberOfDescriptors = numberOfDescriptors
    this.overflowDescriptors = overflowDescriptors
    this.protocolReservedLength = protocolReservedLength
    this.packetLength = packetLength(protocolReservedLength)
    this.oobOffset = packetOobOffset(protocolReservedLength)
    // Descriptors start 8-byte aligned so their body can be zeroed eight bytes a store (ReactOS packs them at
    // PacketLength; the few bytes of padding are not part of any descriptor).
    this.stride = (this.packetLength + 7) & ~7
    this.strideInverse = 1 / this.stride
    this.first = handle + SIZEOF_PACKET_POOL_HEADER
    this.firstOffset = this.first - KVA_BASE
    this.end = this.first + numberOfDescriptors * this.stride
    this.createdSite = createdSite
    const slots = numberOfDescriptors + overflowDescriptors
    this.state = new Uint8Array(slots)
    this.site = new Int32Array(slots)
    this.generation = new Uint16Array(slots)
    this.freeStack = new Int32Array(numberOfDescriptors)
    // Initially in address order: the first allocation gets descriptor 0 (ndis5.md §2.3).
    for (let i = 0; i < numberOfDescriptors; i++) this.freeStack[i] = numberOfDescriptors - 1 - i
    this.freeCount = numberOfDescriptors
    this.overflowVa = new Float64Array(overflowDescriptors)
    this.overflowFree = new Int32Array(overflowDescriptors)
    for (let i = 0; i < overflowDescriptors; i++)
      this.overflowFree[i] = numberOfDescriptors + overflowDescriptors - 1 - i
    this.overflowFreeCount = overflowDescriptors
  }

  /** Bytes of the block: header plus the static descriptors. */
  static blockBytes(numberOfDescriptors: number, protocolReservedLength: number): number {
    return SIZEOF_PACKET_POOL_HEADER + numberOfDescriptors * ((packetLength(protocolReservedLength) + 7) & ~7)
  }

  /** Pops a free static slot, or -1. */
  /** lwIP memp-style statistics (avail, used, max, err) plus allocations, frees and the allocating line. */
  statistics(): PoolStatistics {
    return {
      avail: this.freeCount + this.overflowAvailable,
      used: this.inUse,
      max: this.highWater,
      err: this.failures,
      allocations: this.allocations,
      frees: this.frees,
      createdSite: this.createdSite,
    }
  }

  pop(): number {
    return this.freeCount > 0 ? this.freeStack[--this.freeCount] : -1
  }

  push(slot: number): void {
    this.freeStack[this.freeCount++] = slot
  }

  /** Takes an overflow slot for a descriptor at `va` (system memory), or -1 when the allowance is used up. */
  takeOverflow(va: number): number {
    if (this.overflowFreeCount === 0) return -1
    const slot = this.overflowFree[--this.overflowFreeCount]
    this.overflowVa[slot - this.numberOfDescriptors] = va
    this.overflowInUse++
    return slot
  }

  releaseOverflow(slot: number): void {
    this.overflowVa[slot - this.numberOfDescriptors] = 0
    this.overflowFree[this.overflowFreeCount++] = slot
    this.overflowInUse--
  }

  /** True while overflow descriptors could still be handed out. */
  get overflowAvailable(): number {
    return this.overflowFreeCount
  }

  /** Static slot of a descriptor address inside the block, or -1. */
  staticSlot(va: number): number {
    if (va < this.first || va >= this.end) return -1
    const slot = (va - this.first) / this.stride
    return slot === Math.floor(slot) ? slot : -1
  }

  /** Slot of any descriptor address of this pool (static or overflow), or -1. */
  slotOf(va: number): number {
    const s = this.staticSlot(va)
    if (s >= 0) return s
    for (let i = 0; i < this.overflowVa.length; i++)
      if (this.overflowVa[i] === va && va !== 0) return this.numberOfDescriptors + i
    return -1
  }

  addressOf(slot: number): number {
    return slot < this.numberOfDescriptors
      ? this.first + slot * this.stride
      : this.overflowVa[slot - this.numberOfDescriptors]
  }

  /** Bytes of host memory the per-descriptor bookkeeping takes (typed arrays), for the footprint figure. */
  bookkeepingBytes(): number {
    return (
      this.state.byteLength +
      this.site.byteLength +
      this.generation.byteLength +
      this.freeStack.byteLength +
      this.overflowVa.byteLength +
      this.overflowFree.byteLength
    )
  }

  /** Free descriptors available without overflow. */
  get available(): number {
    return this.freeCount
  }
}
