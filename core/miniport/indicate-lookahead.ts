// The NDIS 3/4 receive path most Windows CE NIC drivers use (docs/ndis-environment.md §5): NdisMEthIndicateReceive
// hands the protocol the Ethernet header and a lookahead of the frame (ReactOS ndis/miniport.c MiniIndicateData →
// ProtocolReceive); a protocol that wants more than the lookahead calls NdisTransferData during the indication, which
// NDIS turns into MiniportTransferData with the miniport's receive context (MiniportTransferData (DDK page));
// a transfer that pends ends with NdisMTransferDataComplete. NdisMEthIndicateReceiveComplete ends a batch.
import { DISPATCH_LEVEL } from '../kernel/irql'
import { KVA_BASE } from '../kernel/memory'
import { lockAddress } from '../kernel/spin-locks'
import { NDIS_STATUS_FAILURE, NDIS_STATUS_NOT_SUPPORTED, NDIS_STATUS_PENDING } from '../ndis/status'
import { isUlong } from '../ndis/runtime'
import { TRACE_INDICATE } from '../trace/event-log'
import { EXPECTED_HANDLE, notAnObject, notAUlong, R54, R55, R58 } from '../verifier/catalogue'
import { readOutCell, scriptNumber } from '../verifier/script-value'
import { MAX_FRAME_SIZE } from '../wire/ethernet'
import { MINIPORT_ADAPTER_HANDLE } from './handles'
import type { MiniportRuntime } from './runtime'

const CALL = 'NdisMEthIndicateReceive'

/** The bound protocol as NDIS sees it on the lookahead path. */
export interface LookaheadProtocol {
  /**
   * ProtocolReceive: NDIS copied the header and the lookahead into `frame` (header first); PacketSize is the frame's
   * length after the header. The protocol may call `transferData` while this runs.
   */
  receiveLookahead(frame: Uint8Array, headerSize: number, lookaheadSize: number, packetSize: number): void
  /** ProtocolReceiveComplete. */
  receiveComplete(): void
  /** ProtocolTransferDataComplete for a transfer that pended. */
  transferDataComplete(packet: number, status: number, bytes: number): void
}

export class LookaheadIndication {
  /** The protocol bound to the adapter; null while none is. */
  protocol: LookaheadProtocol | null = null
  /** Header and lookahead of the current indication, as NDIS copied them for the protocol. */
  readonly frame = new Uint8Array(MAX_FRAME_SIZE)
  private receiveContext: unknown = undefined
  private indicating = false
  private readonly pending = new Set<number>()
  private readonly transferred = { value: 0 as unknown }
  private readonly name: number

  constructor(private readonly m: MiniportRuntime) {
    this.name = m.env.log.intern(CALL)
  }

  private usable(call: string, handle: unknown, what: number): boolean {
    const m = this.m
    const v = m.kernel.verifier
    if (handle !== MINIPORT_ADAPTER_HANDLE) {
      notAnObject(v, call, handle, EXPECTED_HANDLE, 'is not the MiniportAdapterHandle NDIS gave MiniportInitialize')
      return false
    }
    if (m.adapter.state === 'halted') {
      v.report(R55, 0, what, 0, call + ' after MiniportHalt returned')
      return false
    }
    return true
  }

  /** The body of NdisMEthIndicateReceive: bad arguments are findings, never host exceptions. */
  indicate(
    handle: unknown,
    receiveContext: unknown,
    headerVa: unknown,
    headerSize: unknown,
    lookaheadVa: unknown,
    lookaheadSize: unknown,
    packetSize: unknown,
  ): void {
    const m = this.m
    const k = m.kernel
    const v = k.verifier
    if (!this.usable(CALL, handle, 1)) return
    if (k.cpu.locks.length !== 0)
      v.report(R54, lockAddress(k, k.cpu.locks[0]!), k.cpu.locks.length, 1, CALL + ' with a spin lock held')
    if (!isUlong(headerSize) || headerSize < 14 || headerSize > 64)
      return notAUlong(v, CALL, 4, headerSize, 'the Ethernet header size, 14 (HeaderBufferSize)')
    if (!isUlong(lookaheadSize) || headerSize + lookaheadSize > this.frame.length)
      return notAUlong(v, CALL, 6, lookaheadSize, 'the bytes at LookaheadBuffer, at most a frame (LookaheadBufferSize)')
    if (!isUlong(packetSize) || headerSize + packetSize > this.frame.length)
      return notAUlong(v, CALL, 7, packetSize, 'the frame length after the header, at most a frame (PacketSize)')
    const mem = k.memory
    // NDIS reads both buffers: memory that is not the driver's faults as any read does (the kernel's access check).
    if (!k.checkAccess(scriptNumber(headerVa), headerSize, 0)) return
    if (lookaheadSize > 0 && !k.checkAccess(scriptNumber(lookaheadVa), lookaheadSize, 0)) return
    m.env.log.add(m.env.scheduler.nowNs, TRACE_INDICATE, this.name, 0, k.sites.cell[0])
    const protocol = this.protocol
    if (protocol === null) return
    const u8 = mem.u8
    const f = this.frame
    const h = (headerVa as number) - KVA_BASE
    for (let i = 0; i < headerSize; i++) f[i] = u8[h + i]!
    const l = (lookaheadVa as number) - KVA_BASE
    for (let i = 0; i < lookaheadSize; i++) f[headerSize + i] = u8[l + i]!
    this.receiveContext = receiveContext
    this.indicating = true
    const site = k.sites.cell[0]
    try {
      protocol.receiveLookahead(f, headerSize, lookaheadSize, packetSize)
    } finally {
      this.indicating = false
      this.receiveContext = undefined
      k.sites.cell[0] = site
    }
  }

  /** NdisMEthIndicateReceiveComplete. */
  indicateComplete(handle: unknown): void {
    if (!this.usable('NdisMEthIndicateReceiveComplete', handle, 1)) return
    this.protocol?.receiveComplete()
  }

  /**
   * NdisTransferData from the protocol, during the indication only: MiniportTransferData copies `bytes` bytes from
   * `offset` (after the header) into `packet`. Returns the status; `bytesOut` gets BytesTransferred.
   */
  transferData(packet: number, offset: number, bytes: number, bytesOut: { value: number }): number {
    const m = this.m
    const a = m.adapter
    const handler = a.handlers?.TransferDataHandler
    bytesOut.value = 0
    if (!this.indicating) return NDIS_STATUS_FAILURE
    if (typeof handler !== 'function') return NDIS_STATUS_NOT_SUPPORTED
    this.transferred.value = 0
    m.kernel.sites.cell[0] = 0
    const returned = m.call(
      'MiniportTransferData',
      DISPATCH_LEVEL,
      handler,
      packet,
      this.transferred,
      a.context,
      this.receiveContext,
      offset,
      bytes,
    )
    const n = scriptNumber(returned)
    const status = Number.isInteger(n) ? n >>> 0 : NDIS_STATUS_FAILURE
    if (status === NDIS_STATUS_PENDING) {
      this.pending.add(packet)
      return status
    }
    const t = scriptNumber(readOutCell(this.transferred))
    bytesOut.value = Number.isFinite(t) && t > 0 ? Math.min(Math.floor(t), bytes) : 0
    return status
  }

  /** NdisMTransferDataComplete: ends a MiniportTransferData that pended (R58 for one that did not). */
  transferComplete(handle: unknown, packet: unknown, status: unknown, bytes: unknown): void {
    const call = 'NdisMTransferDataComplete'
    if (!this.usable(call, handle, 5)) return
    const k = this.m.kernel
    if (typeof packet !== 'number' || !this.pending.has(packet)) {
      k.verifier.report(
        R58,
        typeof packet === 'number' ? packet : 0,
        scriptNumber(status) >>> 0,
        0,
        call + ': the packet is not one whose MiniportTransferData returned NDIS_STATUS_PENDING',
      )
      return
    }
    this.pending.delete(packet)
    const n = scriptNumber(bytes)
    const s = scriptNumber(status)
    this.protocol?.transferDataComplete(
      packet,
      Number.isInteger(s) ? s >>> 0 : NDIS_STATUS_FAILURE,
      Number.isFinite(n) && n > 0 ? Math.floor(n) : 0,
    )
  }

  /** Transfers the miniport pended and never completed (at halt). */
  get pendingTransfers(): number {
    return this.pending.size
  }
}

/** The script-facing calls, by their C names. */
export function lookaheadApi(indication: LookaheadIndication) {
  return {
    NdisMEthIndicateReceive(
      MiniportAdapterHandle: number,
      MiniportReceiveContext: unknown,
      HeaderBuffer: number,
      HeaderBufferSize: number,
      LookaheadBuffer: number,
      LookaheadBufferSize: number,
      PacketSize: number,
    ): void {
      indication.indicate(
        MiniportAdapterHandle,
        MiniportReceiveContext,
        HeaderBuffer,
        HeaderBufferSize,
        LookaheadBuffer,
        LookaheadBufferSize,
        PacketSize,
      )
    },
    NdisMEthIndicateReceiveComplete(MiniportAdapterHandle: number): void {
      indication.indicateComplete(MiniportAdapterHandle)
    },
    NdisMTransferDataComplete(
      MiniportAdapterHandle: number,
      Packet: number,
      Status: number,
      BytesTransferred: number,
    ): void {
      indication.transferComplete(MiniportAdapterHandle, Packet, Status, BytesTransferred)
    },
  }
}
