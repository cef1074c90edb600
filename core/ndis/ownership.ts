// Ownership hooks for the receive path (ndis5.md §3): a packet lent to the protocol, and its buffers, are
// protocol-owned until it is returned; the NDIS calls report touching them as R22.
import { fmtVa } from '../kernel/kernel'
import { R21, R3, R31, R36 } from '../verifier/catalogue'
import { VERIFIER_FULL, VERIFIER_OFF } from '../verifier/level'
import { OWN_INDICATED, OWN_RETURNED } from '../verifier/ownership-history'
import { emulatorSubcode } from '../verifier/rule'
import { BUF_ALLOCATED, BUF_LENT } from './buffer-pool'
import { PROTOCOL_RESERVED_SIZE_IN_PACKET } from './constants'
import { MDL_NEXT, PKT_HEAD } from './layout'
import { DESC_ALLOCATED, DESC_INDICATED } from './packet-pool'
import { KIND_PACKET, type NdisRuntime } from './runtime'

/**
 * The receive path calls this when it lends a packet to the protocol (indicated, status left SUCCESS): the packet
 * and its buffers become protocol-owned, and touching them is R22 until markReturned. Checks R21, R31 and R3.
 */
export function markIndicated(rt: NdisRuntime, packet: number, packetArray = 0): boolean {
  const k = rt.kernel
  if (!rt.locatePacket(packet)) {
    rt.badHandle('NdisMIndicateReceivePacket', packet, KIND_PACKET)
    return false
  }
  const { pool, slot } = rt.ref
  const st = pool.state[slot]
  const checking = k.verifier.level !== VERIFIER_OFF
  if (st === DESC_INDICATED) {
    if (checking)
      k.verifier.report(
        R21,
        0x05,
        0,
        packet,
        packetArray,
        'packet ' + fmtVa(packet) + ' indicated again while the protocol still owns it',
        pool.site[slot],
      )
    return false
  }
  if (st !== DESC_ALLOCATED) {
    if (checking)
      k.verifier.report(
        R36,
        emulatorSubcode('R36'),
        packet,
        KIND_PACKET,
        0,
        'indicating packet ' + fmtVa(packet) + ', which is free',
        pool.site[slot],
      )
    return false
  }
  if (checking) {
    if (rt.rd(packet + PKT_HEAD) === 0)
      k.verifier.report(
        R31,
        emulatorSubcode('R31'),
        packet,
        0,
        0,
        'packet ' + fmtVa(packet) + ' indicated with no buffer chained',
        pool.site[slot],
      )
    if (pool.protocolReservedLength > PROTOCOL_RESERVED_SIZE_IN_PACKET) {
      k.verifier.report(
        R3,
        emulatorSubcode('R3'),
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
  return true
}

/** The receive path calls this before MiniportReturnPacket (or when the indication did not pend the packet). */
export function markReturned(rt: NdisRuntime, packet: number): boolean {
  if (!rt.locatePacket(packet)) return false
  const { pool, slot } = rt.ref
  if (pool.state[slot] !== DESC_INDICATED) return false
  pool.state[slot] = DESC_ALLOCATED
  setChainState(rt, packet, BUF_ALLOCATED)
  const k = rt.kernel
  if (k.verifier.level === VERIFIER_FULL) k.history.record(packet, OWN_RETURNED, k.sites.cell[0], k.clock.nowNs)
  return true
}

function setChainState(rt: NdisRuntime, packet: number, state: number): void {
  let b = rt.rd(packet + PKT_HEAD)
  for (let n = 0; b !== 0 && n < rt.maxChain; n++) {
    const bp = rt.chainedBuffer(b)
    if (bp === null) return
    bp.state[rt.bufSlot] = state
    b = rt.rd(b + MDL_NEXT)
  }
}
