// Packets for the Packets view: every descriptor of every pool with its owner (from the pools' state arrays), and its
// buffer chain as the library's ChainCursor walks it (bounded, cycle-safe, stopping at a descriptor that is no buffer).
import type { BufferView, PacketOwner, PacketSummary, SourceLocation } from './views'
import type { CallSites } from '../verifier/call-site'
import { KVA_BASE, type NonPagedMemory } from '../kernel/memory'
import { fmtVa, type Kernel } from '../kernel/kernel'
import { CHAIN_CYCLE, ChainCursor } from '../ndis/chain-cursor'
import { MDL_BYTE_OFFSET, PKT_HEAD } from '../ndis/layout'
import { DESC_FREE, DESC_INDICATED, type PacketPool } from '../ndis/packet-pool'
import { ndisRuntime } from '../ndis/instance'

/** Frame bytes copied for the view. */
export const MAX_FRAME_BYTES = 16 * 1024
/** Rows listed at most (free descriptors last). */
export const MAX_PACKET_ROWS = 4096

export function siteLocation(sites: CallSites, id: number): SourceLocation | null {
  if (id <= 0) return null
  const l = sites.location(id)
  return { file: l.file, line: l.line, column: l.column }
}

export function read32(memory: NonPagedMemory, va: number): number {
  return memory.inArena(va, 4) ? memory.u32[(va - KVA_BASE) >>> 2]! : 0
}

/** Who owns a descriptor: the protocol while indicated (ndis5.md §3) or when it is in the protocol's own pool. */
export function packetOwner(pool: PacketPool, slot: number): PacketOwner {
  const state = pool.state[slot]
  if (state === DESC_FREE) return 'free'
  if (state === DESC_INDICATED || pool.createdSite === 0) return 'protocol'
  return 'miniport'
}

export interface ChainWalk {
  buffers: BufferView[]
  /** Why the walk stopped early: a cycle, an MDL outside memory, or too many buffers; '' when the chain ended. */
  broken: string
}

/** The chain from a packet's Private.Head, walked with the library's ChainCursor (bounded, stops at a bad descriptor). */
export function walkChain(kernel: Kernel, packet: number): ChainWalk {
  const rt = ndisRuntime(kernel)
  const memory = kernel.memory
  const buffers: BufferView[] = []
  const c = new ChainCursor(rt)
  // The view lists each buffer once: a cycle is seen at the first buffer met again (the cursor itself only knows it
  // when the walk grows longer than all buffers together).
  const seen = new Set<number>()
  let frameOffset = 0
  for (let ok = c.start(read32(memory, packet + PKT_HEAD)); ok; ok = c.next()) {
    if (seen.has(c.mdl)) return { buffers, broken: `the chain ${CHAIN_CYCLE} at ${fmtVa(c.mdl)}` }
    seen.add(c.mdl)
    const byteCount = c.length
    buffers.push({
      address: c.mdl,
      virtualAddress: c.va,
      byteOffset: read32(memory, c.mdl + MDL_BYTE_OFFSET),
      byteCount,
      next: c.nextMdl,
      frameOffset,
    })
    frameOffset += byteCount
  }
  return { buffers, broken: c.broken === '' ? '' : `the chain ${c.broken} at ${fmtVa(c.mdl)}` }
}

/** The frame as the chain describes it, at most MAX_FRAME_BYTES; a buffer outside memory ends it. */
export function chainBytes(memory: NonPagedMemory, buffers: readonly BufferView[]): number[] {
  const out: number[] = []
  for (const b of buffers) {
    const length = Math.min(b.byteCount, MAX_FRAME_BYTES - out.length)
    if (length <= 0) break
    if (!memory.inArena(b.virtualAddress, length)) break
    const start = b.virtualAddress - KVA_BASE
    for (let i = 0; i < length; i++) out.push(memory.u8[start + i]!)
  }
  return out
}

function summary(kernel: Kernel, pool: PacketPool, slot: number): PacketSummary {
  const address = pool.addressOf(slot)
  const owner = packetOwner(pool, slot)
  let totalLength = 0
  let bufferCount = 0
  if (owner !== 'free') {
    const chain = walkChain(kernel, address)
    bufferCount = chain.buffers.length
    for (const b of chain.buffers) totalLength += b.byteCount
  }
  return {
    address,
    pool: pool.handle,
    owner,
    allocatedAt: owner === 'free' ? null : siteLocation(kernel.sites, pool.site[slot]!),
    totalLength,
    bufferCount,
  }
}

const OWNER_ORDER: Readonly<Record<PacketOwner, number>> = { miniport: 0, protocol: 1, free: 2 }

/** Every descriptor of the live pools, grouped by owner (miniport, protocol, then free), at most `limit`. */
export function listPackets(kernel: Kernel, limit = MAX_PACKET_ROWS): PacketSummary[] {
  const rows: { pool: PacketPool; slot: number; owner: PacketOwner }[] = []
  for (const pool of ndisRuntime(kernel).packetPools) {
    if (!pool.alive) continue
    for (let slot = 0; slot < pool.state.length; slot++) {
      if (slot >= pool.numberOfDescriptors && pool.state[slot] === DESC_FREE) continue
      rows.push({ pool, slot, owner: packetOwner(pool, slot) })
    }
  }
  rows.sort((a, b) => OWNER_ORDER[a.owner] - OWNER_ORDER[b.owner])
  return rows.slice(0, Math.max(0, limit)).map((r) => summary(kernel, r.pool, r.slot))
}

/** The pool and slot of a packet address, or null for anything that is not a descriptor of a live pool. */
export function findPacket(kernel: Kernel, address: number): { pool: PacketPool; slot: number } | null {
  if (!Number.isInteger(address)) return null
  for (const pool of ndisRuntime(kernel).packetPools) {
    if (!pool.alive) continue
    const slot = pool.slotOf(address)
    if (slot >= 0) return { pool, slot }
  }
  return null
}

export function packetSummary(kernel: Kernel, pool: PacketPool, slot: number): PacketSummary {
  return summary(kernel, pool, slot)
}
