// NdisMIndicateReceivePacket (ndis5.md §1.7, §3): NDIS hands each packet of the array, in the miniport's order, to the
// bound protocol's ProtocolReceivePacket, and decides who owns it when the call returns — the protocol (it kept the
// packet: Status PENDING, back through MiniportReturnPacket) or the miniport again (copied, or indicated with
// RESOURCES, which forces that packet and every later one of the array to be copied at once, §3.3).
import { fmtVa } from '../kernel/kernel'
import { KVA_BASE } from '../kernel/memory'
import { OOB_STATUS, PKT_OOB_OFFSET } from '../ndis/layout'
import { LENT, markIndicated, markReturned, STILL_LENT } from '../ndis/ownership'
import { ndisRuntime } from '../ndis/instance'
import { isUlong, PacketRef, type NdisRuntime } from '../ndis/runtime'
import { NDIS_STATUS_PENDING, NDIS_STATUS_RESOURCES } from '../ndis/status'
import { TRACE_INDICATE } from '../trace/event-log'
import { EXPECTED_HANDLE, EXPECTED_PACKET, notAnObject, notAUlong, R21, R45, R54, R55 } from '../verifier/catalogue'
import { lockAddress } from '../kernel/spin-locks'
import { MINIPORT_ADAPTER_HANDLE } from './handles'
import type { MiniportRuntime } from './runtime'
import type { PacketReturn } from './return-packet'

const CALL = 'NdisMIndicateReceivePacket'
/** Pool tag of NDIS's own memory ('NDIS'). */
const NDIS_TAG = 0x5349444e

/** The bound protocol as NDIS sees it on the receive path. */
export interface ReceivingProtocol {
  /**
   * ProtocolReceivePacket (ndis5.md §1.7): the protocol reads the packet; indicated with RESOURCES (§3.3) or when it
   * could not come back (`canKeep` false) it must copy it. Returns how many NdisReturnPackets calls will follow: 0
   * when it is done with the packet.
   */
  receivePacket(packet: number, resources: boolean, canKeep: boolean, site: number): number
}

export class ReceiveIndication {
  /** The protocol bound to the adapter; null while none is (packets indicated then reach no protocol). */
  protocol: ReceivingProtocol | null = null
  private readonly rt: NdisRuntime
  private readonly found = new PacketRef()
  private readonly name: number
  private noReturnHandlerReported = false

  constructor(
    private readonly m: MiniportRuntime,
    private readonly returns: PacketReturn,
  ) {
    this.rt = ndisRuntime(m.kernel)
    this.name = m.env.log.intern(CALL)
  }

  /** The body of NdisMIndicateReceivePacket: bad arguments are findings, never host exceptions. */
  indicate(MiniportAdapterHandle: unknown, PacketArray: unknown, NumberOfPackets: unknown): void {
    const v = this.m.kernel.verifier
    if (MiniportAdapterHandle !== MINIPORT_ADAPTER_HANDLE) {
      notAnObject(
        v,
        CALL,
        MiniportAdapterHandle,
        EXPECTED_HANDLE,
        'is not the MiniportAdapterHandle NDIS gave MiniportInitialize',
      )
      return
    }
    if (!Array.isArray(PacketArray)) {
      notAnObject(v, CALL, PacketArray, EXPECTED_PACKET, 'is not an array of packets (PacketArray)')
      return
    }
    const k = this.m.kernel
    if (this.m.adapter.state === 'halted') {
      v.report(
        R55,
        typeof PacketArray[0] === 'number' ? PacketArray[0] : 0,
        1,
        0,
        CALL + ' after MiniportHalt returned',
      )
      return
    }
    if (k.cpu.locks.length !== 0)
      v.report(R54, lockAddress(k, k.cpu.locks[0]!), k.cpu.locks.length, 1, CALL + ' with a spin lock held')
    const n = NumberOfPackets
    if (!isUlong(n) || n < 1 || n > PacketArray.length) {
      notAUlong(v, CALL, 3, n, `a count from 1 to the ${PacketArray.length} entries of PacketArray (NumberOfPackets)`)
      return
    }
    let resources = false
    for (let i = 0; i < n; i++) {
      const packet: unknown = PacketArray[i]
      // R36/R16 (not a live packet), R31 (empty chain), R3 (pool's reserved size); R21 (still lent, a bug check).
      const lent = markIndicated(this.rt, packet as number)
      if (lent === STILL_LENT) this.indicatedAgain(packet as number, PacketArray, n)
      if (lent !== LENT) continue
      if (this.indicateOne(packet as number, resources)) resources = true
    }
  }

  /**
   * R21: NDIS finds the packet still in use by the stack (0x7C, P1 5) and names the miniport block, the packet and
   * the packet array; the script's array has no address, so NDIS's copy of it is made in memory for P4.
   */
  private indicatedAgain(packet: number, array: unknown[], n: number): void {
    const k = this.m.kernel
    const mem = k.memory
    const copy = mem.allocate(n * 4, NDIS_TAG, 0, 0, 'ndis')
    for (let i = 0; copy !== 0 && i < n; i++) {
      const entry = array[i]
      mem.u32[((copy - KVA_BASE) >> 2) + i] = typeof entry === 'number' ? entry >>> 0 : 0
    }
    const ref = this.found
    const site = this.rt.locatePacket(packet, ref) ? ref.pool.site[ref.slot] : 0
    k.verifier.report(
      R21,
      MINIPORT_ADAPTER_HANDLE,
      packet,
      copy,
      'packet ' + fmtVa(packet) + ' indicated again while the protocol still owns it',
      site,
    )
  }

  /** One packet the miniport lent; true when it was indicated with RESOURCES (every later one is copied too). */
  private indicateOne(packet: number, resourcesBefore: boolean): boolean {
    const m = this.m
    const k = m.kernel
    const rt = this.rt
    const site = k.sites.cell[0]
    m.env.log.add(m.env.scheduler.nowNs, TRACE_INDICATE, this.name, packet, site)
    const oob = packet + k.memory.view.getUint16(packet - KVA_BASE + PKT_OOB_OFFSET, true)
    const resources = resourcesBefore || rt.rd(oob + OOB_STATUS) >>> 0 === NDIS_STATUS_RESOURCES
    const protocol = this.protocol
    // Before the binding exists (during MiniportInitialize, or with no binding) the packet reaches no protocol.
    const canReturn = protocol === null || this.canReturn(packet, resources)
    const references = protocol === null ? 0 : protocol.receivePacket(packet, resources, canReturn, site)
    if (references === 0 || resources || !canReturn) {
      // Copied (or RESOURCES): the miniport owns the packet again when the call returns (§3.3, §3.4). A deserialized
      // miniport gets a SUCCESS packet no protocol kept back through MiniportReturnPacket at once, not by its status
      // (ReactOS ndis/miniport.c MiniIndicateReceivePacket: "REQUIRED to be called for each packet ... not implied").
      if (!resources && canReturn && m.adapter.deserialized && this.hasReturnHandler()) {
        this.returns.returnPacket(packet)
        k.sites.cell[0] = site
      } else markReturned(rt, packet)
    } else {
      // §3.4: kept; a serialized miniport sees PENDING and must not touch it until MiniportReturnPacket. NDIS leaves a
      // deserialized miniport's status alone (ReactOS MiniIndicateReceivePacket): it waits for the return.
      if (!m.adapter.deserialized) rt.wr(oob + OOB_STATUS, NDIS_STATUS_PENDING)
    }
    return resources
  }

  private hasReturnHandler(): boolean {
    const h = this.m.adapter.handlers
    return h !== null && typeof h.ReturnPacketHandler === 'function'
  }

  /** A packet lent with Status SUCCESS comes back only through MiniportReturnPacket: R45 when there is none. */
  private canReturn(packet: number, resources: boolean): boolean {
    const handlers = this.m.adapter.handlers
    if (resources || (handlers !== null && typeof handlers.ReturnPacketHandler === 'function')) return true
    const v = this.m.kernel.verifier
    if (!this.noReturnHandlerReported) {
      this.noReturnHandlerReported = true
      v.report(
        R45,
        packet,
        0,
        0,
        CALL +
          ': packet ' +
          fmtVa(packet) +
          ' indicated with Status SUCCESS, but the miniport registered no ReturnPacketHandler to get it back',
      )
    }
    return false
  }
}

/** The script-facing call, by its C name. */
export function indicateReceiveApi(indication: ReceiveIndication) {
  return {
    NdisMIndicateReceivePacket(MiniportAdapterHandle: number, PacketArray: number[], NumberOfPackets: number): void {
      indication.indicate(MiniportAdapterHandle, PacketArray, NumberOfPackets)
    },
  }
}
