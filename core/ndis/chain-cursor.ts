// The one walk over a buffer chain (Private.Head → MDL.Next, ndis5.md §1.4): every chain walk of the library, the
// ownership hooks, the leak scan and the protocol's copy step with a cursor. It is bounded (more links than buffer
// descriptors exist is a cycle) and stops at a descriptor that is not a live buffer, saying why, so a broken chain is
// a finding (R40) and never a hang or a host exception. A cursor is made once by its user and reused: no garbage.
import type { BufferPool } from './buffer-pool'
import { BUF_FREE } from './buffer-pool'
import { MDL_BYTE_COUNT, MDL_MAPPED_SYSTEM_VA, MDL_NEXT } from './layout'
import type { NdisRuntime } from './runtime'

/** Why a walk stopped before the end of the chain ('' while it has not). */
export const CHAIN_CYCLE = 'has a cycle'
export const CHAIN_FOREIGN = 'reaches a freed or foreign buffer descriptor'

export class ChainCursor {
  /** The buffer (MDL) the cursor stands on; 0 at the end of the chain. */
  mdl = 0
  /** Its pool and slot, while it stands on a live buffer. */
  pool: BufferPool | null = null
  slot = -1
  /** How many buffers came before this one. */
  index = 0
  /** Why the walk stopped early (CHAIN_CYCLE, CHAIN_FOREIGN), or '' when it reached the end or has not stopped. */
  broken = ''

  /** The runtime whose chains it walks (null until set; a shared cursor is pointed at one before each walk). */
  constructor(public rt: NdisRuntime | null) {}

  /** Starts at `first` (a packet's Head, or a sub-chain); true when it stands on a live buffer. */
  start(first: number): boolean {
    this.mdl = first
    this.index = 0
    this.broken = ''
    return this.enter()
  }

  /** Moves to the next buffer; true when it stands on one. */
  next(): boolean {
    this.mdl = this.rt!.rd(this.mdl + MDL_NEXT)
    this.index++
    return this.enter()
  }

  /** The Next field of the current buffer (the one after it, not yet checked). */
  get nextMdl(): number {
    return this.rt!.rd(this.mdl + MDL_NEXT)
  }

  /** MappedSystemVa and ByteCount of the current buffer. */
  get va(): number {
    return this.rt!.rd(this.mdl + MDL_MAPPED_SYSTEM_VA)
  }

  get length(): number {
    return this.rt!.rd(this.mdl + MDL_BYTE_COUNT)
  }

  private enter(): boolean {
    const b = this.mdl
    this.pool = null
    this.slot = -1
    if (b === 0) return false
    if (this.index >= this.rt!.maxChain) {
      this.broken = CHAIN_CYCLE
      return false
    }
    const pool = this.rt!.locateBuffer(b)
    const slot = pool === null ? -1 : pool.slotOf(b)
    if (slot < 0 || pool!.state[slot] === BUF_FREE) {
      this.broken = CHAIN_FOREIGN
      return false
    }
    this.pool = pool
    this.slot = slot
    return true
  }
}
