// The transport bound to the adapter: ProtocolReceivePacket for every indicated packet (ndis5.md §1.7, §3), the
// packets it keeps and returns after a hold time through MiniportReturnPacket at DISPATCH_LEVEL, and its sends
// (send-path.ts). The run creates one per adapter, calls `bind` after MiniportInitialize, `flushReturns` before
// MiniportHalt (protocols unbind before halt) and `afterHalt` once MiniportHalt returned.
import { DISPATCH_LEVEL } from '../kernel/irql'
import { fmtVa, type Kernel } from '../kernel/kernel'
import { KVA_BASE } from '../kernel/memory'
import { MINIPORT_ADAPTER_HANDLE } from '../miniport/handles'
import type { MiniportRuntime } from '../miniport/runtime'
import { OOB_HEADER_SIZE, OOB_STATUS, PKT_OOB_OFFSET } from '../ndis/layout'
import { isUlong, ndisRuntime, type NdisRuntime } from '../ndis/runtime'
import { NDIS_STATUS_PENDING, NDIS_STATUS_RESOURCES } from '../ndis/status'
import type { SeededRandom } from '../sim/seeded-random'
import { EV_INDICATE, EV_RETURN } from '../trace/event-log'
import { R23, R36, R37 } from '../verifier/catalogue'
import { VERIFIER_OFF } from '../verifier/level'
import { emulatorSubcode } from '../verifier/rule'
import { FrameChecker, FrameVerdict } from '../wire/frame-checker'
import { FrameReader } from './frame-reader'
import { HeldPackets } from './held-packets'
import { HoldTimeSampler } from './hold-time'
import { ProtocolSchema, type ProtocolConfig, type ProtocolOptions } from './options'
import { R45 } from './rules'
import { ProtocolSender } from './send-path'
import { ProtocolStatistics, type ProtocolSnapshot } from './statistics'
import { scriptUlong, scriptValueText } from '../kernel/script-value'

/** Scheduler event kinds of the protocol (offsets from the base the run gives). */
export const PROTOCOL_EVENT_RETURN = 0
export const PROTOCOL_EVENT_SEND = 1
export const PROTOCOL_EVENT_RESUBMIT = 2
export const PROTOCOL_EVENT_KINDS = 3

const CALL = 'NdisMIndicateReceivePacket'

export interface FrameObserver {
  received(packet: number, frame: Uint8Array, length: number, nowNs: number): void
  sending(packet: number, frame: Uint8Array, length: number): void
}

export class BoundProtocol {
  readonly config: ProtocolConfig
  readonly stats: ProtocolStatistics
  readonly checker: FrameChecker
  readonly held = new HeldPackets()
  readonly sender: ProtocolSender
  /** False once unbound (flushReturns): later indications are copied, nothing is kept or sent. */
  bound = true
  private readonly k: Kernel
  private readonly rt: NdisRuntime
  private readonly reader: FrameReader
  private readonly holdTime: HoldTimeSampler
  private readonly keepRandom: SeededRandom
  private readonly keepFraction: number
  private readonly returnKind: number
  private readonly names: { indicate: number; ret: number }
  private noReturnHandlerReported = false

  /** Told each frame the protocol receives and sends, with its packet (the capture names the descriptor). */
  frameObserver: FrameObserver | null = null

  constructor(
    readonly m: MiniportRuntime,
    options: ProtocolOptions | ProtocolConfig,
    random: SeededRandom,
    readonly eventBase: number,
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
    this.returnKind = eventBase + PROTOCOL_EVENT_RETURN
    const log = m.env.log
    this.names = { indicate: log.intern(CALL), ret: log.intern('MiniportReturnPacket') }
    m.env.scheduler.on(this.returnKind, (slot) => this.onReturn(slot))
    this.sender = new ProtocolSender(
      m,
      this.config.send,
      this.stats,
      eventBase + PROTOCOL_EVENT_SEND,
      eventBase + PROTOCOL_EVENT_RESUBMIT,
    )
  }

  /** After MiniportInitialize succeeded: the protocol opens the adapter and starts sending (if configured). */
  bind(): void {
    this.bound = true
    this.sender.start()
  }

  snapshot(): ProtocolSnapshot {
    return this.stats.snapshot()
  }

  // ---- receive (ndis5.md §3) ----

  /** The body of NdisMIndicateReceivePacket: bad arguments are findings, never host exceptions. */
  indicate(MiniportAdapterHandle: unknown, PacketArray: unknown, NumberOfPackets: unknown): void {
    const k = this.k
    const v = k.verifier
    if (MiniportAdapterHandle !== MINIPORT_ADAPTER_HANDLE) {
      if (v.level !== VERIFIER_OFF)
        v.report(
          R36,
          emulatorSubcode('R36'),
          scriptUlong(MiniportAdapterHandle),
          7,
          0,
          CALL + ': not the MiniportAdapterHandle NDIS gave MiniportInitialize',
        )
      return
    }
    if (!Array.isArray(PacketArray)) {
      if (v.level !== VERIFIER_OFF)
        v.report(R36, emulatorSubcode('R36'), 0, 2, 0, CALL + ': PacketArray is not an array of packets')
      return
    }
    const n = NumberOfPackets
    if (!isUlong(n) || n < 1 || n > PacketArray.length) {
      if (v.level !== VERIFIER_OFF)
        v.report(
          R37,
          emulatorSubcode('R37'),
          3,
          0,
          0,
          CALL +
            ': NumberOfPackets ' +
            scriptValueText(n) +
            ' (at least 1, at most the ' +
            PacketArray.length +
            ' entries of PacketArray)',
        )
      return
    }
    // §3.3: once a packet is indicated with RESOURCES, it and every later packet of the array are copied at once.
    let resources = false
    for (let i = 0; i < n; i++) {
      const packet: unknown = PacketArray[i]
      // R21 (re-indication, a bug check), R36/R16 (not a live packet), R31 (empty chain), R3 (pool's reserved size).
      if (!this.rt.markIndicated(packet as number, 0)) continue
      if (this.receivePacket(packet as number, resources)) resources = true
    }
  }

  /** ProtocolReceivePacket for one packet the protocol now owns; true when it was indicated with RESOURCES. */
  private receivePacket(packet: number, resourcesBefore: boolean): boolean {
    const k = this.k
    const rt = this.rt
    const stats = this.stats
    const site = k.sites.cell[0]
    stats.indicated++
    this.m.env.log.add(this.m.env.scheduler.nowNs, EV_INDICATE, this.names.indicate, packet, site)
    const oob = packet + k.memory.view.getUint16(packet - KVA_BASE + PKT_OOB_OFFSET, true)
    const status = rt.rd(oob + OOB_STATUS) | 0
    const resources = resourcesBefore || status === NDIS_STATUS_RESOURCES
    const headerSize = rt.rd(oob + OOB_HEADER_SIZE) >>> 0
    stats.lastHeaderSize = headerSize
    if (headerSize === 0) stats.noHeaderSize++
    this.check(packet)
    if (resources) {
      // §3.3: copied during the call; the miniport owns the packet again when the call returns.
      stats.copiedOnResources++
      rt.markReturned(packet)
      return true
    }
    const f = this.keepFraction
    const keep = this.bound && (f >= 1 || (f > 0 && this.keepRandom.nextFloat() < f))
    if (!keep) {
      stats.copied++
      rt.markReturned(packet)
      return false
    }
    const handlers = this.m.adapter.handlers
    if (handlers === null || typeof handlers.ReturnPacketHandler !== 'function') {
      if (!this.noReturnHandlerReported && k.verifier.level !== VERIFIER_OFF) {
        this.noReturnHandlerReported = true
        k.verifier.report(
          R45,
          emulatorSubcode('R45'),
          packet,
          0,
          0,
          CALL +
            ': packet ' +
            fmtVa(packet) +
            ' indicated with Status SUCCESS, but the miniport registered no ReturnPacketHandler to get it back',
        )
      }
      stats.copied++
      rt.markReturned(packet)
      return false
    }
    // §3.4: the protocol keeps it; the miniport sees PENDING and must not touch it until MiniportReturnPacket.
    rt.wr(oob + OOB_STATUS, NDIS_STATUS_PENDING)
    const held = this.held
    const slot = held.take(packet, site)
    const s = this.m.env.scheduler
    const due = s.nowNs + this.holdTime.next()
    held.dueNs[slot] = due
    held.event[slot] = s.schedule(due, this.returnKind, slot)
    if (++stats.outstanding > stats.outstandingHighWater) stats.outstandingHighWater = stats.outstanding
    return false
  }

  /** Copies the frame out of the chain and checks it (wire test-frame format). */
  private check(packet: number): void {
    const reader = this.reader
    const stats = this.stats
    if (!reader.read(packet)) {
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
    this.returnPacket(packet)
  }

  private returnPacket(packet: number): void {
    const k = this.k
    // NDIS's own context: no script line is making this call.
    k.sites.cell[0] = 0
    this.rt.markReturned(packet)
    this.stats.returned++
    this.m.env.log.add(this.m.env.scheduler.nowNs, EV_RETURN, this.names.ret, packet, 0)
    const a = this.m.adapter
    const handler = a.handlers?.ReturnPacketHandler
    if (typeof handler === 'function') this.m.call('MiniportReturnPacket', DISPATCH_LEVEL, handler, a.context, packet)
  }

  /**
   * Unbinding before MiniportHalt: every packet still held is returned now (earliest due first), and the protocol
   * stops sending. Later indications are copied, not kept.
   */
  flushReturns(): void {
    this.bound = false
    this.sender.stop()
    const held = this.held
    const s = this.m.env.scheduler
    for (const slot of held.inUse()) {
      const packet = held.packet[slot]
      if (packet === 0) continue
      s.cancel(held.event[slot])
      held.release(slot)
      this.stats.outstanding--
      this.returnPacket(packet)
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
    if (slots.length > 0 && k.verifier.level !== VERIFIER_OFF) {
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
          [emulatorSubcode('R23'), g.count, g.first, 0],
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
      this.rt.markReturned(held.packet[slot])
      held.release(slot)
    }
    this.stats.outstanding = 0
    this.bound = false
    this.sender.checkAfterHalt()
    this.release()
  }

  /** Frees the protocol's own pool, buffers and memory (also when a run ends without a halt). */
  release(): void {
    this.sender.release()
  }
}
