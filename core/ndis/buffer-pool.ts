// A buffer pool: one non-paged block of MDL slots (ndis5.md §1.3; layout in layout.ts) with per-descriptor
// bookkeeping in typed arrays: state, allocating line, the packet it is chained to, and the line that lost it.
import { MDL_SLOT, SIZEOF_BUFFER_POOL_HEADER } from './layout'
import type { PoolStatistics } from './packet-pool'

export const BUF_FREE = 0
export const BUF_ALLOCATED = 1
/** Chained to a packet that is indicated and pended: owned by the protocol (ndis5.md §3.2). */
export const BUF_LENT = 2

export class BufferPool {
  readonly handle: number
  readonly first: number
  readonly end: number
  readonly numberOfDescriptors: number
  readonly createdSite: number
  /** True for the pool behind a NULL PoolHandle (x86 NdisAllocateBuffer takes `__in_opt` PoolHandle, ndis5.md §1.3). */
  readonly system: boolean
  readonly state: Uint8Array
  readonly site: Int32Array
  /** Packet the buffer is chained to, 0 when none. */
  readonly chainedTo: Float64Array
  /** 1 while lost (dropped with a chain by NdisFreePacket / NdisReinitializePacket, not named since), 2 once reported. */
  readonly lost: Uint8Array
  /** Line of the call that dropped it (valid while `lost`). */
  readonly lostSite: Int32Array
  /** The packet whose chain was dropped with the buffer (R6's P2). */
  readonly lostPacket: Float64Array
  private readonly freeStack: Int32Array
  freeCount: number
  alive = true
  inUse = 0
  highWater = 0
  allocations = 0
  frees = 0
  failures = 0

  constructor(handle: number, numberOfDescriptors: number, createdSite: number, system: boolean) {
    this.handle = handle
    this.numberOfDescriptors = numberOfDescriptors
    this.first = handle + SIZEOF_BUFFER_POOL_HEADER
    this.end = this.first + numberOfDescriptors * MDL_SLOT
    this.createdSite = createdSite
    this.system = system
    this.state = new Uint8Array(numberOfDescriptors)
    this.site = new Int32Array(numberOfDescriptors)
    this.chainedTo = new Float64Array(numberOfDescriptors)
    this.lost = new Uint8Array(numberOfDescriptors)
    this.lostSite = new Int32Array(numberOfDescriptors)
    this.lostPacket = new Float64Array(numberOfDescriptors)
    this.freeStack = new Int32Array(numberOfDescriptors)
    for (let i = 0; i < numberOfDescriptors; i++) this.freeStack[i] = numberOfDescriptors - 1 - i
    this.freeCount = numberOfDescriptors
  }

  static blockBytes(numberOfDescriptors: number): number {
    return SIZEOF_BUFFER_POOL_HEADER + numberOfDescriptors * MDL_SLOT
  }

  /** lwIP memp-style statistics (avail, used, max, err) plus allocations, frees and the allocating line. */
  statistics(): PoolStatistics {
    return {
      avail: this.freeCount,
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

  slotOf(va: number): number {
    if (va < this.first || va >= this.end) return -1
    const d = va - this.first
    return (d & (MDL_SLOT - 1)) === 0 ? d / MDL_SLOT : -1
  }

  addressOf(slot: number): number {
    return this.first + slot * MDL_SLOT
  }
}
