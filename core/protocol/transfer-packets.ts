// The protocol's packets for NdisTransferData (docs/ndis-environment.md §5): each with one buffer of a whole frame,
// allocated through the NDIS library from the protocol's own context (call site 0, outside the low-resources
// simulation), lent to MiniportTransferData and free again once the transfer is over.
import type { Kernel } from '../kernel/kernel'
import { createNdisLibrary } from '../ndis/api'
import { NDIS_STATUS_SUCCESS } from '../ndis/status'
import { MAX_FRAME_SIZE } from '../wire/ethernet'

const TRANSFER_TAG = 0x66785450 // 'PTxf'

export class TransferPackets {
  private packets: number[] = []
  private buffers: number[] = []
  private memory = 0
  private pool = 0
  private bufferPool = 0
  private readonly free: number[] = []

  constructor(
    private readonly k: Kernel,
    private readonly count = 8,
  ) {}

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

  /** A free packet whose buffer holds a whole frame (its length reset), or 0 when all are lent. */
  take(): number {
    if (this.pool === 0 && !this.asProtocol(() => this.allocate())) return 0
    return this.free.pop() ?? 0
  }

  /** The packet is the protocol's again: its buffer is made a whole frame long again, as the transfer may shorten it. */
  give(packet: number): void {
    const i = this.packets.indexOf(packet)
    if (i < 0 || this.free.includes(packet)) return
    this.asProtocol(() => createNdisLibrary(this.k).NdisAdjustBufferLength(this.buffers[i]!, MAX_FRAME_SIZE))
    this.free.push(packet)
  }

  private allocate(): boolean {
    const ndis = createNdisLibrary(this.k)
    const st = { value: 0 }
    const h = { value: 0 }
    ndis.NdisAllocatePacketPool(st, h, this.count, 16)
    if (st.value !== NDIS_STATUS_SUCCESS) return false
    this.pool = h.value
    ndis.NdisAllocateBufferPool(st, h, this.count)
    if (st.value !== NDIS_STATUS_SUCCESS) return false
    this.bufferPool = h.value
    if (ndis.NdisAllocateMemoryWithTag(h, this.count * MAX_FRAME_SIZE, TRANSFER_TAG) !== NDIS_STATUS_SUCCESS)
      return false
    this.memory = h.value
    for (let i = 0; i < this.count; i++) {
      ndis.NdisAllocatePacket(st, h, this.pool)
      if (st.value !== NDIS_STATUS_SUCCESS) return false
      const packet = h.value
      ndis.NdisAllocateBuffer(st, h, this.bufferPool, this.memory + i * MAX_FRAME_SIZE, MAX_FRAME_SIZE)
      if (st.value !== NDIS_STATUS_SUCCESS) return false
      ndis.NdisChainBufferAtFront(packet, h.value)
      this.packets.push(packet)
      this.buffers.push(h.value)
      this.free.push(packet)
    }
    return true
  }

  /** Gives everything back (after MiniportHalt, or when the run ends early). */
  release(): void {
    if (this.pool === 0 && this.bufferPool === 0 && this.memory === 0) return
    this.asProtocol(() => {
      const ndis = createNdisLibrary(this.k)
      const out = { value: 0 }
      for (const packet of this.packets) {
        ndis.NdisUnchainBufferAtFront(packet, out)
        if (out.value !== 0) ndis.NdisFreeBuffer(out.value)
        ndis.NdisFreePacket(packet)
      }
      if (this.bufferPool !== 0) ndis.NdisFreeBufferPool(this.bufferPool)
      if (this.pool !== 0) ndis.NdisFreePacketPool(this.pool)
      if (this.memory !== 0) ndis.NdisFreeMemory(this.memory, this.count * MAX_FRAME_SIZE, 0)
    })
    this.packets = []
    this.buffers = []
    this.free.length = 0
    this.pool = 0
    this.bufferPool = 0
    this.memory = 0
  }
}
