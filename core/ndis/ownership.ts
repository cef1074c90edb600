// Ownership hooks for the receive path (ndis5.md §3): a packet lent to the protocol, and its buffers, are
// protocol-owned until it is returned; the NDIS calls report touching them as R22.
import { fmtVa } from '../kernel/kernel'
import { notAnObject, R3, R31 } from '../verifier/catalogue'
import { VERIFIER_FULL } from '../verifier/level'
import { OWN_INDICATED, OWN_RETURNED } from '../verifier/ownership-history'
import { BUF_ALLOCATED, BUF_LENT } from './buffer-pool'
import { PROTOCOL_RESERVED_SIZE_IN_PACKET } from './constants'
import { ChainCursor } from './chain-cursor'
import { PKT_HEAD } from './layout'
import { DESC_ALLOCATED, DESC_INDICATED } from './packet-pool'
import { KIND_PACKET, PacketRef, type NdisRuntime } from './runtime'

/** What markIndicated found. */
export const LENT = 0
/** The protocol still owns the packet: indicating it again is R21, which NDIS itself checks (the caller reports it). */
export const STILL_LENT = 1
/** Not a packet the miniport may lend (a finding was made). */
export const NOT_LENDABLE = 2

/**
 * The receive path calls this when it lends a packet to the protocol (indicated, status left SUCCESS): the packet
 * and its buffers become protocol-owned, and touching them is R22 until markReturned. Checks R36, R31 and R3.
 */
export function markIndicated(rt: NdisRuntime, packet: number): number {
  const k = rt.kernel
  const v = k.verifier
  const ref = refOf(rt)
  if (!rt.locatePacket(packet, ref)) {
    rt.badHandle('NdisMIndicateReceivePacket', packet, KIND_PACKET)
    return NOT_LENDABLE
  }
  const { pool, slot } = ref
  const st = pool.state[slot]
  if (st === DESC_INDICATED) return STILL_LENT
  if (st !== DESC_ALLOCATED) {
    notAnObject(
      v,
      'NdisMIndicateReceivePacket',
      packet,
      KIND_PACKET,
      'is free (indicated after NdisFreePacket)',
      pool.site[slot],
    )
    return NOT_LENDABLE
  }
  if (v.checks(R31)) {
    if (rt.rd(packet + PKT_HEAD) === 0)
      v.report(R31, packet, 0, 0, 'packet ' + fmtVa(packet) + ' indicated with no buffer chained', pool.site[slot])
    if (pool.protocolReservedLength > PROTOCOL_RESERVED_SIZE_IN_PACKET) {
      v.report(
        R3,
        packet,
        pool.handle,
        pool.protocolReservedLength,
        'packet ' +
          fmtVa(packet) +
          ' indicated from a pool with ' +
          pool.protocolReservedLength +
          ' bytes of ProtocolReserved (at most 16)',
        pool.createdSite,
      )
    }
  }
  pool.state[slot] = DESC_INDICATED
  setChainState(rt, packet, BUF_LENT)
  if (k.verifier.level === VERIFIER_FULL) k.history.record(packet, OWN_INDICATED, k.sites.cell[0], k.clock.nowNs)
  return LENT
}

/** The receive path calls this before MiniportReturnPacket (or when the indication did not pend the packet). */
export function markReturned(rt: NdisRuntime, packet: number): boolean {
  const ref = refOf(rt)
  if (!rt.locatePacket(packet, ref)) return false
  const { pool, slot } = ref
  if (pool.state[slot] !== DESC_INDICATED) return false
  pool.state[slot] = DESC_ALLOCATED
  setChainState(rt, packet, BUF_ALLOCATED)
  const k = rt.kernel
  if (k.verifier.level === VERIFIER_FULL) k.history.record(packet, OWN_RETURNED, k.sites.cell[0], k.clock.nowNs)
  return true
}

/** The packet's buffers change hands with it (lent to the protocol, or back). */
function setChainState(rt: NdisRuntime, packet: number, state: number): void {
  const c = cursorOf(rt)
  for (let ok = c.start(rt.rd(packet + PKT_HEAD)); ok; ok = c.next()) c.pool!.state[c.slot] = state
}

/** True while the protocol owns the packet. */
export function isIndicated(rt: NdisRuntime, packet: number): boolean {
  const ref = refOf(rt)
  return rt.locatePacket(packet, ref) && ref.pool.state[ref.slot] === DESC_INDICATED
}

/**
 * R6: the chain of a packet being freed or reinitialised is dropped. Its buffers are marked lost at this line;
 * any later call naming one of them shows the driver kept the pointer. Those still lost at the end are reported.
 */
export function dropChain(rt: NdisRuntime, packet: number, site: number): void {
  const c = cursorOf(rt)
  for (let ok = c.start(rt.rd(packet + PKT_HEAD)); ok; ok = c.next()) {
    const bp = c.pool!
    bp.chainedTo[c.slot] = 0
    bp.lost[c.slot] = 1
    bp.lostSite[c.slot] = site
    bp.lostPacket[c.slot] = packet
  }
}

// One cursor and one ref for the hooks above (they never run inside one another), pointed at the runtime each call
// is for: a field store, not a lookup.
const hookCursor = new ChainCursor(null)
const hookRef = new PacketRef()

function cursorOf(rt: NdisRuntime): ChainCursor {
  hookCursor.rt = rt
  return hookCursor
}

function refOf(_rt: NdisRuntime): PacketRef {
  return hookRef
}
