// The SCATTER_GATHER_LIST NDIS gives a miniport that called NdisMInitializeScatterGatherDma (docs/script-api.md "DMA"):
// for each packet it sends, a list of the physical pieces of its buffers (one element per page a buffer spans), in
// NDIS's own memory, its address in the packet's ScatterGatherListPacketInfo slot; the slot is cleared when the send
// completes. x86 layout (wdm.h): ULONG NumberOfElements; ULONG_PTR Reserved; SCATTER_GATHER_ELEMENT Elements[] of
// { PHYSICAL_ADDRESS Address; ULONG Length; ULONG_PTR Reserved } — 16 bytes each from offset 8.
import { KVA_BASE } from '../kernel/memory'
import { vaToPa } from '../kernel/physical'
import { ChainCursor } from '../ndis/chain-cursor'
import { PER_PACKET_INFO } from '../ndis/constants'
import { PAGE_SIZE, PKT_HEAD, PKT_OOB_OFFSET, SIZEOF_NDIS_PACKET_OOB_DATA } from '../ndis/layout'
import type { NdisRuntime } from '../ndis/runtime'

export const SG_LIST_HEADER = 8
export const SIZEOF_SCATTER_GATHER_ELEMENT = 16
/** NDIS's tag on the lists ('NDsg'). */
const SG_TAG = 0x6773444e

export class ScatterGatherLists {
  /** Per send slot: the list's block and how many elements it holds. */
  private readonly block: Float64Array
  private readonly capacity: Int32Array
  private readonly cursor: ChainCursor

  constructor(
    private readonly rt: NdisRuntime,
    slots: number,
  ) {
    this.block = new Float64Array(slots)
    this.capacity = new Int32Array(slots)
    this.cursor = new ChainCursor(rt)
  }

  private slotOf(packet: number): number {
    const u8 = this.rt.kernel.memory.u8
    const oob = u8[packet - KVA_BASE + PKT_OOB_OFFSET]! | (u8[packet - KVA_BASE + PKT_OOB_OFFSET + 1]! << 8)
    return packet + oob + SIZEOF_NDIS_PACKET_OOB_DATA + 4 * PER_PACKET_INFO.ScatterGatherListPacketInfo
  }

  /** Builds the list for the packet of send slot `id` and puts its address in the packet (NULL when out of memory). */
  build(id: number, packet: number): void {
    const rt = this.rt
    const c = this.cursor
    let n = 0
    for (let ok = c.start(rt.rd(packet + PKT_HEAD)); ok; ok = c.next()) n += pieces(c.va, c.length)
    if (this.capacity[id]! < n) {
      const mem = rt.kernel.memory
      if (this.block[id] !== 0) mem.free(this.block[id]!)
      const va = mem.allocate(SG_LIST_HEADER + Math.max(n, 1) * SIZEOF_SCATTER_GATHER_ELEMENT, SG_TAG, 0, 0, 'ndis')
      this.block[id] = va
      this.capacity[id] = va === 0 ? 0 : Math.max(n, 1)
    }
    const list = this.block[id]!
    if (list === 0) return rt.wr(this.slotOf(packet), 0)
    rt.wr(list, n)
    rt.wr(list + 4, 0)
    let at = list + SG_LIST_HEADER
    for (let ok = c.start(rt.rd(packet + PKT_HEAD)); ok; ok = c.next()) {
      let va = c.va
      let left = c.length
      while (left > 0) {
        const piece = Math.min(left, PAGE_SIZE - (va & (PAGE_SIZE - 1)))
        const pa = vaToPa(va)
        rt.wr(at, pa >>> 0)
        rt.wr(at + 4, Math.floor(pa / 0x100000000) >>> 0)
        rt.wr(at + 8, piece)
        rt.wr(at + 12, 0)
        at += SIZEOF_SCATTER_GATHER_ELEMENT
        va += piece
        left -= piece
      }
    }
    rt.wr(this.slotOf(packet), list)
  }

  /** The send completed: NDIS takes the list back. */
  release(packet: number): void {
    this.rt.wr(this.slotOf(packet), 0)
  }
}

function pieces(va: number, length: number): number {
  if (length === 0) return 0
  return Math.floor(((va & (PAGE_SIZE - 1)) + length + PAGE_SIZE - 1) / PAGE_SIZE)
}
