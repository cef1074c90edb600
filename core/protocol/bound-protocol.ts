// The transport bound to the adapter: ProtocolReceivePacket for every indicated packet (ndis5.md §1.7, §3), the
// packets it keeps and returns after a hold time through MiniportReturnPacket at DISPATCH_LEVEL, and its sends
// (send-source.ts; NDIS's queue is core/miniport/send-queue.ts). The run creates one per adapter, calls `bind` after MiniportInitialize, `flushReturns` before
// MiniportHalt (protocols unbind before halt) and `afterHalt` once MiniportHalt returned.
import { fmtVa, type Kernel } from '../kernel/kernel'
import { KVA_BASE } from '../kernel/memory'
import type { ReceiveIndication, ReceivingProtocol } from '../miniport/indicate-receive'
import type { PacketReturn } from '../miniport/return-packet'
import type { NdisRequests } from '../miniport/request'
import type { LookaheadIndication, LookaheadProtocol } from '../miniport/indicate-lookahead'
import { NDIS_STATUS_PENDING, NDIS_STATUS_SUCCESS } from '../ndis/status'
import { R57 } from '../verifier/catalogue'
import { TransferPackets } from './transfer-packets'
import { Binding } from './binding'
import type { MiniportRuntime } from '../miniport/runtime'
import { OOB_HEADER_SIZE, PKT_OOB_OFFSET } from '../ndis/layout'
import { ndisRuntime } from '../ndis/instance'
import { type NdisRuntime } from '../ndis/runtime'
import type { SeededRandom } from '../sim/seeded-random'
import { R23 } from '../verifier/catalogue'
import { FrameChecker, FrameVerdict } from '../wire/frame-checker'
import { FrameReader, RECEIVE_BUFFER_BYTES } from './frame-reader'
import { HeldPackets } from './held-packets'
import { HoldTimeSampler } from './hold-time'
import { ProtocolSchema, type ProtocolConfig, type ProtocolOptions } from './options'
import { ProtocolSender } from './send-source'
import { ProtocolStatistics, type ProtocolSnapshot } from './statistics'

/** Scheduler event kinds of the protocol (offsets from the base the run gives). */
export const SCHED_PROTOCOL_RETURN = 0
export const SCHED_PROTOCOL_SEND = 1
export const SCHED_PROTOCOL_RESUBMIT = 2
export const SCHED_PROTOCOL_POLL = 3
export const SCHED_PROTOCOL_REQUEST = 4
export const PROTOCOL_SCHED_KINDS = 5

export interface FrameObserver {
  received(packet: number, frame: Uint8Array, length: number, nowNs: number): void
  sending(packet: number, frame: Uint8Array, length: number): void
}

/** What NDIS gives the protocol: the indication it is bound to, NdisReturnPackets, and NdisRequest. */
export interface ReceivePath {
  readonly indication: ReceiveIndication
  readonly returns: PacketReturn
  readonly requests: NdisRequests
  /** The NDIS 3/4 path (NdisMEthIndicateReceive, NdisTransferData); absent in rigs that test packets only. */
  readonly lookahead?: LookaheadIndication
}

export class BoundProtocol implements ReceivingProtocol, LookaheadProtocol {
  readonly config: ProtocolConfig
  readonly stats: ProtocolStatistics
  readonly checker: FrameChecker
  readonly held = new HeldPackets()
  readonly sender: ProtocolSender
  /** The OIDs of the binding, and the filter and addresses NDIS applies for it. */
  readonly binding: Binding
  /** False once unbound (flushReturns): later indications are copied, nothing is kept or sent. */
  bound = true
  private readonly k: Kernel
  private readonly rt: NdisRuntime
  private readonly reader: FrameReader
  private readonly holdTime: HoldTimeSampler
  private readonly keepRandom: SeededRandom
  private readonly keepFraction: number
  private readonly returnKind: number
  private readonly transfers: TransferPackets
  /** Header of each frame whose MiniportTransferData pended, by the protocol's packet. */
  private readonly pendingHeaders = new Map<number, Uint8Array>()
  private readonly transferredCell = { value: 0 }
  private readonly assembled = new Uint8Array(RECEIVE_BUFFER_BYTES)

  /** Told each frame the protocol receives and sends, with its packet (the capture names the descriptor). */
  frameObserver: FrameObserver | null = null

  constructor(
    readonly m: MiniportRuntime,
    options: ProtocolOptions | ProtocolConfig,
    random: SeededRandom,
    readonly eventBase: number,
    private readonly path: ReceivePath,
    permanentAddress: ArrayLike<number>,
  ) {
    this.config = ProtocolSchema.parse(options)
    this.k = m.kernel
    this.rt = ndisRuntime(m.kernel)
    this.reader = new FrameReader(this.rt)
    this.checker = new FrameChecker(this.config.receiveStream)
    this.stats = new ProtocolStatistics(this.checker)
    this.holdTime = new HoldTimeSampler(this.config.holdTime, random.fork('protocol-hold'))
    this.keepRandom = random.fork('protocol-keep')
    this.keepFraction = this.config.keepFraction
    this.returnKind = eventBase + SCHED_PROTOCOL_RETURN
    this.transfers = new TransferPackets(m.kernel)
    this.binding = new Binding(
      m,
      path.requests,
      this.config.binding,
      this.config.requests,
      eventBase + SCHED_PROTOCOL_POLL,
      eventBase + SCHED_PROTOCOL_REQUEST,
      permanentAddress,
    )
    m.env.scheduler.on(this.returnKind, (slot) => this.onReturn(slot))
    this.sender = new ProtocolSender(
      m,
      this.config.send,
      this.stats,
      eventBase + SCHED_PROTOCOL_SEND,
      eventBase + SCHED_PROTOCOL_RESUBMIT,
    )
  }

  /**
   * After MiniportInitialize succeeded: the protocol opens the adapter (from then on NDIS indicates to it, through the
   * filter its OIDs set), makes the binding's requests, and starts sending once bound. A miniport that registered no
   * QueryInformationHandler cannot be asked: the workbench binds it without requests, with the transport's filter
   * and the controller's permanent address (docs/ndis-environment.md), so a script that tests only the data path runs.
   */
  bind(): void {
    const binding = this.binding
    if (binding.state === 'off') {
      this.bound = false
      return
    }
    this.bound = true
    this.path.indication.protocol = this
    if (this.path.lookahead) this.path.lookahead.protocol = this
    binding.onBound = () => this.sender.start()
    binding.onFailed = () => {
      this.bound = false
      this.path.indication.protocol = null
      if (this.path.lookahead) this.path.lookahead.protocol = null
    }
    if (typeof this.m.adapter.handlers?.QueryInformationHandler !== 'function') {
      binding.bindWithoutRequests()
      this.sender.start()
      return
    }
    binding.start()
  }

  snapshot(): ProtocolSnapshot {
    return this.stats.snapshot()
  }

  // ---- receive (ndis5.md §3) ----

  /**
   * ProtocolReceivePacket (ndis5.md §1.7): reads and checks the frame, then keeps the packet (returns 1: one
   * NdisReturnPackets will follow after the hold time) or is done with it (0). Indicated with RESOURCES (§3.3), or
   * when the packet could not come back (`canKeep` false), it copies and never keeps it.
   */
  receivePacket(packet: number, resources: boolean, canKeep: boolean, site: number): number {
    const stats = this.stats
    stats.indicated++
    const oob = packet + this.k.memory.view.getUint16(packet - KVA_BASE + PKT_OOB_OFFSET, true)
    const headerSize = this.rt.rd(oob + OOB_HEADER_SIZE) >>> 0
    stats.lastHeaderSize = headerSize
    if (headerSize === 0) stats.noHeaderSize++
    // NDIS's filter for this binding (ReactOS ndis/efilter.c): a frame outside it never reaches the protocol.
    const reader = this.reader
    const readable = reader.read(packet)
    if (readable && reader.length >= 6 && !this.binding.accepts(reader.frame)) {
      stats.filtered++
      stats.filteredPackets++
      return 0
    }
    this.check(packet, readable)
    if (resources) {
      stats.copiedOnResources++
      return 0
    }
    const f = this.keepFraction
    const keep = canKeep && this.bound && (f >= 1 || (f > 0 && this.keepRandom.nextFloat() < f))
    if (!keep) {
      stats.copied++
      return 0
    }
    const held = this.held
    const slot = held.take(packet, site)
    const s = this.m.env.scheduler
    const due = s.nowNs + this.holdTime.next()
    held.dueNs[slot] = due
    held.event[slot] = s.schedule(due, this.returnKind, slot)
    if (++stats.outstanding > stats.outstandingHighWater) stats.outstandingHighWater = stats.outstanding
    return 1
  }

  // ---- the NDIS 3/4 receive path (docs/ndis-environment.md §5) ----

  /**
   * ProtocolReceive: NDIS's filter first; then the whole frame from the lookahead when it holds all of it, or
   * NdisTransferData for the rest (as tcpip's ProtocolReceive asks for PacketSize bytes from offset 0).
   */
  receiveLookahead(frame: Uint8Array, headerSize: number, lookaheadSize: number, packetSize: number): void {
    const stats = this.stats
    stats.lookaheadIndicated++
    const current = this.binding.lookahead
    if (lookaheadSize > packetSize || lookaheadSize < Math.min(packetSize, current)) {
      this.k.verifier.report(
        R57,
        lookaheadSize,
        packetSize,
        current,
        `NdisMEthIndicateReceive: LookaheadBufferSize ${lookaheadSize} for a frame of ${packetSize} bytes after the header; the current lookahead is ${current}`,
      )
    }
    if (!this.binding.accepts(frame)) {
      stats.filtered++
      return
    }
    if (lookaheadSize >= packetSize) return this.checkWhole(frame, headerSize + packetSize)
    const packet = this.transfers.take()
    if (packet === 0) {
      stats.transferSkipped++
      return
    }
    const out = this.transferredCell
    const status = this.path.lookahead!.transferData(packet, 0, packetSize, out)
    if (status === NDIS_STATUS_PENDING) {
      this.pendingHeaders.set(packet, frame.slice(0, headerSize))
      return
    }
    this.transferDone(packet, frame.subarray(0, headerSize), status, out.value)
  }

  receiveComplete(): void {
    this.stats.receiveCompletes++
  }

  transferDataComplete(packet: number, status: number, bytes: number): void {
    const header = this.pendingHeaders.get(packet)
    if (header === undefined) return
    this.pendingHeaders.delete(packet)
    this.transferDone(packet, header, status, bytes)
  }

  /** The header and what MiniportTransferData copied into the protocol's packet make the frame. */
  private transferDone(packet: number, header: Uint8Array, status: number, bytes: number): void {
    const stats = this.stats
    if (status !== NDIS_STATUS_SUCCESS) {
      stats.transferFailed++
      this.transfers.give(packet)
      return
    }
    stats.transferred++
    const reader = this.reader
    const readable = reader.read(packet)
    const f = this.assembled
    f.set(header, 0)
    const n = Math.min(bytes, readable ? reader.length : 0, f.length - header.length)
    f.set(reader.frame.subarray(0, n), header.length)
    this.transfers.give(packet)
    this.checkWhole(f, header.length + n)
  }

  private checkWhole(frame: Uint8Array, length: number): void {
    const stats = this.stats
    stats.bytes += length
    const verdict = this.checker.check(frame, length)
    if (verdict === FrameVerdict.Foreign) stats.unchecked++
  }

  /** Checks the frame read out of the chain (wire test-frame format). */
  private check(packet: number, readable: boolean): void {
    const reader = this.reader
    const stats = this.stats
    if (!readable) {
      stats.unchecked++
      return
    }
    stats.bytes += reader.total
    if (reader.total > reader.length) stats.truncated++
    if (this.frameObserver) this.frameObserver.received(packet, reader.frame, reader.length, this.m.env.scheduler.nowNs)
    const verdict = this.checker.check(reader.frame, reader.length)
    if (verdict === FrameVerdict.Foreign) stats.unchecked++
  }

  // ---- returns (ndis5.md §1.7 MiniportReturnPacket, §3.5) ----

  private onReturn(slot: number): void {
    const held = this.held
    const packet = held.packet[slot]
    if (packet === 0) return
    held.release(slot)
    this.stats.outstanding--
    this.stats.returned++
    this.path.returns.returnPacket(packet)
  }

  /**
   * Unbinding before MiniportHalt: every packet still held is returned now (earliest due first), and the protocol
   * stops sending. Later indications are copied, not kept.
   */
  flushReturns(): void {
    this.bound = false
    this.sender.stop()
    this.binding.stop()
    if (this.config.onUnbind === 'keep') return
    const held = this.held
    const s = this.m.env.scheduler
    for (const slot of held.inUse()) {
      const packet = held.packet[slot]
      if (packet === 0) continue
      s.cancel(held.event[slot])
      held.release(slot)
      this.stats.outstanding--
      this.stats.returned++
      this.path.returns.returnPacket(packet)
    }
  }

  /**
   * After MiniportHalt returned: R23 for receive packets still indicated (at the line that indicated them, one finding
   * per line), R46 for sends the miniport never completed; then the protocol lets go of everything it had.
   */
  afterHalt(): void {
    const held = this.held
    const k = this.k
    const slots = held.inUse()
    if (slots.length > 0) {
      const bySite = new Map<number, { count: number; first: number }>()
      for (const slot of slots) {
        const g = bySite.get(held.site[slot]) ?? { count: 0, first: held.packet[slot] }
        g.count++
        bySite.set(held.site[slot], g)
      }
      for (const [site, g] of bySite) {
        k.verifier.reportAt(
          R23,
          site,
          g.count,
          g.first,
          0,
          'MiniportHalt returned with ' +
            g.count +
            ' packet(s) indicated here still owned by the protocol (first ' +
            fmtVa(g.first) +
            '): halt must wait for MiniportReturnPacket',
          site,
        )
      }
    }
    const s = this.m.env.scheduler
    for (const slot of slots) {
      s.cancel(held.event[slot])
      this.path.returns.reclaim(held.packet[slot])
      held.release(slot)
    }
    this.stats.outstanding = 0
    this.bound = false
    this.sender.queue.checkAfterHalt()
    this.release()
  }

  /** Frees the protocol's own pool, buffers and memory (also when a run ends without a halt). */
  release(): void {
    this.sender.release()
    this.transfers.release()
  }
}
