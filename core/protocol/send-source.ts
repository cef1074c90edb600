// The protocol's sends: test frames at a steady rate from the protocol's own packet pool, handed to NDIS
// (NdisSendPackets) in batches; NDIS's queue (core/miniport/send-queue.ts) takes them to the miniport and reports each
// completion back (ProtocolSendComplete), after which the packet is free for the next frame.
import type { Kernel } from '../kernel/kernel'
import { KVA_BASE } from '../kernel/memory'
import type { MiniportRuntime } from '../miniport/runtime'
import { SendQueue, type SendingProtocol } from '../miniport/send-queue'
import { createNdisLibrary, type NdisLibrary } from '../ndis/api'
import type { PacketPool } from '../ndis/packet-pool'
import { ndisRuntime } from '../ndis/instance'
import { PacketRef, type NdisRuntime } from '../ndis/runtime'
import { NDIS_STATUS_SUCCESS } from '../ndis/status'
import { DEFAULT_DESTINATION, parseMac } from '../wire/ethernet'
import { writeTestFrame } from '../wire/test-frame'
import type { ProtocolSendOptions } from './options'
import type { ProtocolStatistics } from './statistics'

const PROTOCOL_TAG = 0x746f7250 // 'Prot'

export class ProtocolSender implements SendingProtocol {
  private readonly k: Kernel
  private readonly rt: NdisRuntime
  private readonly found = new PacketRef()
  private readonly ndis: NdisLibrary
  /** NDIS's queue of this binding. */
  readonly queue: SendQueue
  /** Packet pool, buffer pool and frame memory of the protocol (0 until started). */
  packetPool = 0
  bufferPool = 0
  private frameMemory = 0
  private frameMemoryBytes = 0
  private pool: PacketPool | null = null
  private packetVa = new Float64Array(0)
  private frames: Uint8Array[] = []
  private readonly freeStack: Int32Array
  private freeCount = 0
  running = false
  private sequence = 0
  private ticks = 0
  private startNs = 0
  private readonly intervalNs: number
  private tickEvent = 0
  private readonly destination: Uint8Array
  private readonly source: Uint8Array

  /** Told each frame handed down (the capture names the descriptor that carried it). */
  observer: { sending(packet: number, frame: Uint8Array, length: number): void } | null = null

  constructor(
    private readonly m: MiniportRuntime,
    readonly config: ProtocolSendOptions,
    private readonly stats: ProtocolStatistics,
    private readonly tickKind: number,
    resubmitKind: number,
  ) {
    this.k = m.kernel
    this.rt = ndisRuntime(m.kernel)
    this.ndis = createNdisLibrary(m.kernel)
    const n = config.packets
    this.freeStack = new Int32Array(n)
    this.queue = new SendQueue(m, this, n, config.batch, stats, resubmitKind)
    this.intervalNs = config.rateFps > 0 ? (1e9 * config.batch) / config.rateFps : Infinity
    this.destination = parseMac(config.destination ?? DEFAULT_DESTINATION)
    this.source = parseMac(config.source)
    m.env.scheduler.on(tickKind, () => this.onTick())
  }

  /** Frames from now on go to `address` unless the scenario named a destination (the adapter's current address). */
  addressTo(address: ArrayLike<number>): void {
    if (this.config.destination !== undefined) return
    for (let i = 0; i < 6; i++) this.destination[i] = address[i]! & 0xff
  }

  get enabled(): boolean {
    return this.config.rateFps > 0
  }

  get outstanding(): number {
    return this.queue.outstanding
  }

  /**
   * Binds: allocates the protocol's pool, buffers and frame memory through the NDIS library from NDIS's own context
   * (call site 0: not the script's lines, and not subject to the low-resources simulation), and starts the send clock.
   */
  start(): boolean {
    if (!this.enabled || this.running) return this.running
    if (this.packetPool === 0 && !this.asProtocol(() => this.allocate())) return false
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

  /** Runs `fn` as the protocol: at call site 0, so findings and allocations are not the script's. */
  private asProtocol<T>(fn: () => T): T {
    const cell = this.k.sites.cell
    const site = cell[0]
    cell[0] = 0
    try {
      return fn()
    } finally {
      cell[0] = site
    }
  }

  private allocate(): boolean {
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
      this.frames[slot] = u8.subarray(va - KVA_BASE, va - KVA_BASE + bytes)
    }
    this.freeCount = 0
    for (let s = n - 1; s >= 0; s--) this.freeStack[this.freeCount++] = s
    return true
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
        if (packet === 0 || !this.rt.locatePacket(packet, this.found)) continue
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
    this.queue.clear()
  }

  // ---- SendingProtocol: what NDIS's queue asks and tells ----

  sendIdOf(packet: unknown): number {
    const pool = this.pool
    if (pool === null || typeof packet !== 'number') return -1
    const slot = pool.staticSlot(packet)
    return slot >= 0 && this.packetVa[slot] === packet ? slot : -1
  }

  handingDown(id: number, packet: number): void {
    if (this.observer) this.observer.sending(packet, this.frames[id]!, this.config.bytes)
  }

  sendComplete(id: number, _packet: number, status: number): void {
    this.freeStack[this.freeCount++] = id
    if (status === NDIS_STATUS_SUCCESS) this.stats.sendCompleted++
    else this.stats.sendFailed++
  }

  // ---- the send clock ----

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
      this.queue.submit(slot, this.packetVa[slot])
    }
    this.queue.drain()
    if (!this.running) return
    this.ticks++
    const s = this.m.env.scheduler
    const next = this.startNs + Math.round(this.ticks * this.intervalNs)
    this.tickEvent = s.schedule(Math.max(next, s.nowNs), this.tickKind, 0)
  }
}
