// The protocol's sends (ndis5.md §1.7 MiniportSendPackets, NdisMSendComplete): test frames at a steady rate from
// the protocol's own packet pool, handed down in batches at DISPATCH_LEVEL. NDIS's part is modelled too: for a
// serialized miniport the per-packet Status after the call decides (SUCCESS done, PENDING owned until
// NdisMSendComplete, RESOURCES queued FIFO and resubmitted after NdisMSendResourcesAvailable or the next
// NdisMSendComplete, anything else failed); a deserialized miniport completes every packet with NdisMSendComplete.
import { DISPATCH_LEVEL } from '../kernel/irql'
import { fmtVa, type AllocKind, type Kernel } from '../kernel/kernel'
import { KVA_BASE } from '../kernel/memory'
import type { MiniportRuntime } from '../miniport/runtime'
import { createNdisLibrary, type NdisLibrary } from '../ndis/api'
import { OOB_STATUS, PKT_OOB_OFFSET } from '../ndis/layout'
import type { PacketPool } from '../ndis/packet-pool'
import { ndisRuntime, type NdisRuntime } from '../ndis/runtime'
import { formatNdisStatus, NDIS_STATUS_PENDING, NDIS_STATUS_RESOURCES, NDIS_STATUS_SUCCESS } from '../ndis/status'
import { EV_SEND, EV_SEND_COMPLETE } from '../trace/event-log'
import { R30 } from '../verifier/catalogue'
import { VERIFIER_OFF } from '../verifier/level'
import { emulatorSubcode } from '../verifier/rule'
import { parseMac } from '../wire/ethernet'
import { writeTestFrame } from '../wire/test-frame'
import type { ProtocolSendOptions } from './options'
import { R46 } from './rules'
import type { ProtocolStatistics } from './statistics'
import { scriptNumber, scriptValueText } from '../kernel/script-value'

/** Send packet states (per slot of the protocol's pool). */
export const SEND_FREE = 0
/** Queued inside NDIS, not yet handed to the miniport (FIFO; RESOURCES puts packets back at its head). */
export const SEND_QUEUED = 1
/** Handed to MiniportSendPackets / MiniportSend, the call not returned yet. */
export const SEND_IN_CALL = 2
/** Owned by the miniport until NdisMSendComplete. */
export const SEND_PENDING = 3

const PROTOCOL_TAG = 0x746f7250 // 'Prot'
const admitAll = (): boolean => true

export class ProtocolSender {
  private readonly k: Kernel
  private readonly rt: NdisRuntime
  private readonly ndis: NdisLibrary
  /** Packet pool, buffer pool and frame memory of the protocol (0 until started). */
  packetPool = 0
  bufferPool = 0
  private frameMemory = 0
  private frameMemoryBytes = 0
  private pool: PacketPool | null = null
  private packetVa = new Float64Array(0)
  private bufferVa = new Float64Array(0)
  private frames: Uint8Array[] = []
  readonly state: Uint8Array
  private readonly resubmitted: Uint8Array
  private readonly freeStack: Int32Array
  private freeCount = 0
  /** NDIS's send queue: a ring of slots. */
  private readonly queue: Int32Array
  private qHead = 0
  private qLen = 0
  private readonly batchSlots: Int32Array
  private readonly requeue: Int32Array
  /** One array per batch length, reused (the array is only valid during the call, as in C). */
  private readonly arrays: number[][] = []
  /** Set by RESOURCES from a serialized miniport: NDIS waits for NdisMSendResourcesAvailable / NdisMSendComplete. */
  blocked = false
  running = false
  private draining = false
  private sequence = 0
  private ticks = 0
  private startNs = 0
  private readonly intervalNs: number
  private tickEvent = 0
  private resubmitEvent = 0
  private readonly destination: Uint8Array
  private readonly source: Uint8Array
  private readonly names: { send: number; sendPackets: number; complete: number }

  constructor(
    private readonly m: MiniportRuntime,
    readonly config: ProtocolSendOptions,
    private readonly stats: ProtocolStatistics,
    private readonly tickKind: number,
    private readonly resubmitKind: number,
  ) {
    this.k = m.kernel
    this.rt = ndisRuntime(m.kernel)
    this.ndis = createNdisLibrary(m.kernel)
    const n = config.packets
    this.state = new Uint8Array(n)
    this.resubmitted = new Uint8Array(n)
    this.freeStack = new Int32Array(n)
    this.queue = new Int32Array(n)
    this.batchSlots = new Int32Array(config.batch)
    this.requeue = new Int32Array(config.batch)
    this.intervalNs = config.rateFps > 0 ? (1e9 * config.batch) / config.rateFps : Infinity
    this.destination = parseMac(config.destination)
    this.source = parseMac(config.source)
    const log = m.env.log
    this.names = {
      send: log.intern('MiniportSend'),
      sendPackets: log.intern('MiniportSendPackets'),
      complete: log.intern('NdisMSendComplete'),
    }
    m.env.scheduler.on(tickKind, () => this.onTick())
    m.env.scheduler.on(resubmitKind, () => this.onResubmit())
  }

  get enabled(): boolean {
    return this.config.rateFps > 0
  }

  get outstanding(): number {
    let n = 0
    for (let s = 0; s < this.state.length; s++) if (this.state[s] >= SEND_IN_CALL) n++
    return n
  }

  /**
   * Binds: allocates the protocol's pool, buffers and frame memory through the NDIS library at call site 0 (not the
   * script's lines, and exempt from the low-resources simulation), and starts the send clock.
   */
  start(): boolean {
    if (!this.enabled || this.running) return this.running
    if (this.packetPool === 0 && !this.allocate()) return false
    this.running = true
    const s = this.m.env.scheduler
    this.startNs = Math.max(this.config.startNs, s.nowNs)
    this.ticks = 0
    this.tickEvent = s.schedule(this.startNs, this.tickKind, 0)
    return true
  }

  /** Unbinding: no new sends. Packets the miniport owns stay its own until completed. */
  stop(): void {
    this.running = false
    if (this.tickEvent !== 0) this.m.env.scheduler.cancel(this.tickEvent)
    this.tickEvent = 0
  }

  private asProtocol<T>(fn: () => T): T {
    const k = this.k
    const site = k.sites.cell[0]
    const admit = k.admit
    k.sites.cell[0] = 0
    k.admit = admitAll as (kind: AllocKind) => boolean
    try {
      return fn()
    } finally {
      k.admit = admit
      k.sites.cell[0] = site
    }
  }

  private allocate(): boolean {
    return this.asProtocol(() => {
      const ndis = this.ndis
      const n = this.config.packets
      const bytes = this.config.bytes
      const stride = (bytes + 15) & ~15
      const st = { value: 0 }
      const h = { value: 0 }
      ndis.NdisAllocatePacketPool(st, h, n, 16)
      if (st.value !== NDIS_STATUS_SUCCESS) return false
      this.packetPool = h.value
      this.pool = this.rt.findPacketPool(h.value)
      ndis.NdisAllocateBufferPool(st, h, n)
      if (st.value !== NDIS_STATUS_SUCCESS) return false
      this.bufferPool = h.value
      this.frameMemoryBytes = stride * n
      if (ndis.NdisAllocateMemoryWithTag(h, this.frameMemoryBytes, PROTOCOL_TAG) !== NDIS_STATUS_SUCCESS) return false
      this.frameMemory = h.value
      this.packetVa = new Float64Array(n)
      this.bufferVa = new Float64Array(n)
      this.frames = []
      const u8 = this.k.memory.u8
      for (let i = 0; i < n; i++) {
        const va = this.frameMemory + i * stride
        ndis.NdisAllocatePacket(st, h, this.packetPool)
        if (st.value !== NDIS_STATUS_SUCCESS) return false
        const packet = h.value
        ndis.NdisAllocateBuffer(st, h, this.bufferPool, va, bytes)
        if (st.value !== NDIS_STATUS_SUCCESS) return false
        ndis.NdisChainBufferAtFront(packet, h.value)
        const slot = this.pool!.staticSlot(packet)
        this.packetVa[slot] = packet
        this.bufferVa[slot] = h.value
        this.frames[slot] = u8.subarray(va - KVA_BASE, va - KVA_BASE + bytes)
      }
      this.freeCount = 0
      for (let s = n - 1; s >= 0; s--) this.freeStack[this.freeCount++] = s
      return true
    })
  }

  /** Gives the protocol's pool, buffers and memory back (after MiniportHalt, or when the run ends early). */
  release(): void {
    this.stop()
    if (this.packetPool === 0 && this.bufferPool === 0 && this.frameMemory === 0) return
    this.asProtocol(() => {
      const ndis = this.ndis
      const out = { value: 0 }
      for (let s = 0; s < this.packetVa.length; s++) {
        const packet = this.packetVa[s]
        if (packet === 0 || !this.rt.locatePacket(packet)) continue
        ndis.NdisUnchainBufferAtFront(packet, out)
        if (out.value !== 0) ndis.NdisFreeBuffer(out.value)
        ndis.NdisFreePacket(packet)
        this.packetVa[s] = 0
      }
      if (this.bufferPool !== 0) ndis.NdisFreeBufferPool(this.bufferPool)
      if (this.packetPool !== 0) ndis.NdisFreePacketPool(this.packetPool)
      if (this.frameMemory !== 0) ndis.NdisFreeMemory(this.frameMemory, this.frameMemoryBytes, 0)
    })
    this.packetPool = 0
    this.bufferPool = 0
    this.frameMemory = 0
    this.pool = null
    this.state.fill(SEND_FREE)
    this.qLen = 0
  }

  /** Slot of one of the protocol's send packets, or -1. */
  slotOf(packet: unknown): number {
    const pool = this.pool
    if (pool === null || typeof packet !== 'number') return -1
    const slot = pool.staticSlot(packet)
    return slot >= 0 && this.packetVa[slot] === packet ? slot : -1
  }

  // ---- the send clock and NDIS's queue ----

  private onTick(): void {
    this.tickEvent = 0
    if (!this.running) return
    const batch = this.config.batch
    for (let j = 0; j < batch; j++) {
      if (this.freeCount === 0) {
        this.stats.sendSkipped += batch - j
        break
      }
      const slot = this.freeStack[--this.freeCount]
      writeTestFrame(
        this.frames[slot],
        this.config.bytes,
        this.sequence++,
        this.config.stream,
        this.destination,
        this.source,
      )
      this.state[slot] = SEND_QUEUED
      this.pushBack(slot)
    }
    this.drain()
    if (!this.running) return
    this.ticks++
    const s = this.m.env.scheduler
    const next = this.startNs + Math.round(this.ticks * this.intervalNs)
    this.tickEvent = s.schedule(Math.max(next, s.nowNs), this.tickKind, 0)
  }

  private onResubmit(): void {
    this.resubmitEvent = 0
    this.drain()
  }

  /** NDIS resubmits from a fresh DPC-level context, never from inside the miniport's own call. */
  private scheduleResubmit(): void {
    if (this.resubmitEvent !== 0 || this.qLen === 0) return
    const s = this.m.env.scheduler
    this.resubmitEvent = s.schedule(s.nowNs, this.resubmitKind, 0)
  }

  private pushBack(slot: number): void {
    const q = this.queue
    q[(this.qHead + this.qLen) % q.length] = slot
    this.qLen++
    this.stats.sendQueued = this.qLen
  }

  private pushFront(slot: number): void {
    const q = this.queue
    this.qHead = (this.qHead - 1 + q.length) % q.length
    q[this.qHead] = slot
    this.qLen++
    this.stats.sendQueued = this.qLen
  }

  private popFront(): number {
    const slot = this.queue[this.qHead]
    this.qHead = (this.qHead + 1) % this.queue.length
    this.qLen--
    this.stats.sendQueued = this.qLen
    return slot
  }

  /** Hands queued packets to the miniport until the queue is empty or a serialized miniport ran out of resources. */
  private drain(): void {
    if (this.draining) return
    const a = this.m.adapter
    const h = a.handlers
    if (h === null || (a.state !== 'running' && a.state !== 'halting')) return
    this.draining = true
    try {
      while (this.qLen > 0 && !this.blocked) {
        if (h.SendPacketsHandler) this.sendPackets(h.SendPacketsHandler)
        else if (h.SendHandler) this.sendOne(h.SendHandler)
        else break
      }
    } finally {
      this.draining = false
    }
  }

  private oob(packet: number): number {
    return packet + this.k.memory.view.getUint16(packet - KVA_BASE + PKT_OOB_OFFSET, true)
  }

  /** Told each frame handed down (the capture names the descriptor that carried it). */
  observer: { sending(packet: number, frame: Uint8Array, length: number): void } | null = null

  private handOver(slot: number, kindName: number): number {
    const packet = this.packetVa[slot]
    if (this.observer) this.observer.sending(packet, this.frames[slot]!, this.config.bytes)
    this.state[slot] = SEND_IN_CALL
    this.rt.wr(this.oob(packet) + OOB_STATUS, NDIS_STATUS_SUCCESS)
    // A resubmission after RESOURCES is the same send, not a new one.
    if (this.resubmitted[slot] === 0) this.stats.sent++
    this.resubmitted[slot] = 0
    this.stats.sendOutstanding++
    this.m.env.log.add(this.m.env.scheduler.nowNs, EV_SEND, kindName, packet, 0)
    return packet
  }

  private sendPackets(handler: (...args: any[]) => any): void {
    const n = Math.min(this.qLen, this.config.batch)
    let arr = this.arrays[n]
    if (arr === undefined) arr = this.arrays[n] = new Array<number>(n).fill(0)
    for (let i = 0; i < n; i++) {
      const slot = this.popFront()
      this.batchSlots[i] = slot
      arr[i] = this.handOver(slot, this.names.sendPackets)
    }
    this.k.sites.cell[0] = 0
    const a = this.m.adapter
    this.m.call('MiniportSendPackets', DISPATCH_LEVEL, handler, a.context, arr, n)
    const deserialized = a.deserialized
    let requeued = 0
    for (let i = 0; i < n; i++) {
      const slot = this.batchSlots[i]
      // Completed with NdisMSendComplete during the call.
      if (this.state[slot] !== SEND_IN_CALL) continue
      if (deserialized) {
        this.state[slot] = SEND_PENDING
        continue
      }
      const status = this.rt.rd(this.oob(this.packetVa[slot]) + OOB_STATUS) | 0
      if (this.afterStatus(slot, status)) this.requeue[requeued++] = slot
    }
    for (let i = requeued - 1; i >= 0; i--) this.pushFront(this.requeue[i])
  }

  private sendOne(handler: (...args: any[]) => any): void {
    const slot = this.popFront()
    const packet = this.handOver(slot, this.names.send)
    this.k.sites.cell[0] = 0
    const status =
      scriptNumber(this.m.call('MiniportSend', DISPATCH_LEVEL, handler, this.m.adapter.context, packet, 0)) | 0
    if (this.state[slot] !== SEND_IN_CALL) return
    if (this.afterStatus(slot, status)) this.pushFront(slot)
  }

  /** Applies a serialized send's status; true when the packet goes back to NDIS's queue (RESOURCES). */
  private afterStatus(slot: number, status: number): boolean {
    if (status === NDIS_STATUS_PENDING) {
      this.state[slot] = SEND_PENDING
      return false
    }
    if (status === NDIS_STATUS_RESOURCES) {
      this.state[slot] = SEND_QUEUED
      this.stats.sendOutstanding--
      this.stats.resourcesRequeued++
      this.resubmitted[slot] = 1
      this.blocked = true
      return true
    }
    this.finish(slot, status)
    return false
  }

  private finish(slot: number, status: number): void {
    this.state[slot] = SEND_FREE
    this.freeStack[this.freeCount++] = slot
    this.stats.sendOutstanding--
    if (status === NDIS_STATUS_SUCCESS) this.stats.sendCompleted++
    else this.stats.sendFailed++
    this.m.env.log.add(this.m.env.scheduler.nowNs, EV_SEND_COMPLETE, this.names.complete, this.packetVa[slot], status)
  }

  // ---- the miniport's calls ----

  /** NdisMSendComplete after the handle was checked. R30: not a pended send of this protocol, or completed twice. */
  complete(Packet: unknown, Status: unknown): void {
    const k = this.k
    const slot = this.slotOf(Packet)
    const status = typeof Status === 'number' ? Status | 0 : NDIS_STATUS_SUCCESS
    const owned = slot >= 0 && (this.state[slot] === SEND_PENDING || this.state[slot] === SEND_IN_CALL)
    if (!owned) {
      if (k.verifier.level !== VERIFIER_OFF) {
        const va = typeof Packet === 'number' ? Packet : NaN
        const why =
          slot < 0
            ? 'is not a packet the protocol sent down'
            : 'is not pending at the miniport (completed already, or finished by its Status after MiniportSendPackets)'
        k.verifier.report(
          R30,
          emulatorSubcode('R30'),
          va,
          status,
          0,
          'NdisMSendComplete: ' + (typeof Packet === 'number' ? fmtVa(Packet) : scriptValueText(Packet)) + ' ' + why,
        )
      }
      return
    }
    if (status === NDIS_STATUS_PENDING && k.verifier.level !== VERIFIER_OFF) {
      k.verifier.report(
        R30,
        emulatorSubcode('R30'),
        Packet as number,
        status,
        0,
        'NdisMSendComplete with NDIS_STATUS_PENDING (' + formatNdisStatus(status) + '): give the final status',
      )
    }
    this.finish(slot, status)
    // A serialized miniport that completes a send has resources again (ndis5.md §1.7 MiniportSendPackets).
    if (!this.m.adapter.deserialized && this.blocked) {
      this.blocked = false
      this.scheduleResubmit()
    }
  }

  resourcesAvailable(): void {
    if (!this.blocked) return
    this.blocked = false
    this.scheduleResubmit()
  }

  /** R46 after MiniportHalt: sends the miniport still owns. */
  checkAfterHalt(): void {
    const k = this.k
    let first = -1
    let count = 0
    for (let s = 0; s < this.state.length; s++) {
      if (this.state[s] >= SEND_IN_CALL) {
        if (first < 0) first = s
        count++
      }
    }
    if (count === 0 || k.verifier.level === VERIFIER_OFF) return
    k.verifier.report(
      R46,
      emulatorSubcode('R46'),
      this.packetVa[first],
      count,
      0,
      'MiniportHalt returned with ' +
        count +
        ' send(s) not completed with NdisMSendComplete (first ' +
        fmtVa(this.packetVa[first]) +
        ')',
    )
  }
}
