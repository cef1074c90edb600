// Packets for the Packets view: every descriptor of every pool with its owner (from the pools' state arrays), and a
// buffer chain walk that never trusts the descriptors it reads: bounded, cycle-safe, and only inside the arena.
import type { BufferView, PacketOwner, PacketSummary, SourceLocation } from './views'
import type { CallSites } from '../verifier/call-site'
import { KVA_BASE, type NonPagedMemory } from '../kernel/memory'
import type { Kernel } from '../kernel/kernel'
import { MDL_BYTE_COUNT, MDL_BYTE_OFFSET, MDL_MAPPED_SYSTEM_VA, MDL_NEXT, PKT_HEAD, SIZEOF_MDL } from '../ndis/layout'
import { DESC_FREE, DESC_INDICATED, type PacketPool } from '../ndis/packet-pool'
import { ndisRuntime } from '../ndis/instance'

/** Longest chain walked: a real frame has a handful of buffers; anything longer is a broken chain. */
export const MAX_CHAIN_WALK = 1024
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

/** Walks the chain from a packet's Private.Head. */
export function walkChain(memory: NonPagedMemory, packet: number): ChainWalk {
  const buffers: BufferView[] = []
  const seen = new Set<number>()
  let mdl = read32(memory, packet + PKT_HEAD)
  let frameOffset = 0
  while (mdl !== 0) {
    if (seen.has(mdl)) return { buffers, broken: `cycle at 0x${mdl.toString(16)}` }
    if (buffers.length >= MAX_CHAIN_WALK) return { buffers, broken: `more than ${MAX_CHAIN_WALK} buffers` }
    if (!memory.inArena(mdl, SIZEOF_MDL) || (mdl & 3) !== 0) {
      return { buffers, broken: `buffer 0x${mdl.toString(16)} is not a descriptor in memory` }
    }
    seen.add(mdl)
    const byteCount = read32(memory, mdl + MDL_BYTE_COUNT)
    const next = read32(memory, mdl + MDL_NEXT)
    buffers.push({
      address: mdl,
      virtualAddress: read32(memory, mdl + MDL_MAPPED_SYSTEM_VA),
      byteOffset: read32(memory, mdl + MDL_BYTE_OFFSET),
      byteCount,
      next,
      frameOffset,
    })
    frameOffset += byteCount
    mdl = next
  }
  return { buffers, broken: '' }
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
    const chain = walkChain(kernel.memory, address)
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
