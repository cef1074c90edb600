// The protocol's copy of an indicated frame: walks the packet's buffer chain (a ChainCursor) and copies each buffer's
// bytes into one reusable buffer, as a transport copies a lookahead (ndis5.md §1.4, §3.3). A broken chain is a
// finding (R40), never a hang or a host exception.
import { KVA_BASE } from '../kernel/memory'
import { ChainCursor } from '../ndis/chain-cursor'
import { PKT_HEAD } from '../ndis/layout'
import type { NdisRuntime } from '../ndis/runtime'
import { MAX_FRAME_SIZE } from '../wire/ethernet'

export const RECEIVE_BUFFER_BYTES = MAX_FRAME_SIZE

export class FrameReader {
  readonly frame = new Uint8Array(RECEIVE_BUFFER_BYTES)
  private readonly frameWords = new Uint32Array(this.frame.buffer)
  /** Bytes copied by the last read (at most the buffer's size). */
  length = 0
  /** Bytes the chain holds (may exceed `length`). */
  total = 0

  private readonly cursor: ChainCursor

  constructor(private readonly rt: NdisRuntime) {
    this.cursor = new ChainCursor(rt)
  }

  /** Copies the frame of `packet`; false when the chain is broken (reported as R40). */
  read(packet: number): boolean {
    const rt = this.rt
    const mem = rt.kernel.memory
    const u8 = mem.u8
    const frame = this.frame
    const c = this.cursor
    let copied = 0
    let total = 0
    for (let ok = c.start(rt.rd(packet + PKT_HEAD)); ok; ok = c.next()) {
      const va = c.va
      const len = c.length
      if (len === 0) continue
      if (!mem.inArena(va, len)) {
        rt.brokenChain('NdisMIndicateReceivePacket', packet, c.mdl, 'maps memory outside non-paged memory')
        return this.done(copied, total, false)
      }
      const take = Math.min(len, frame.length - copied)
      if (take > 0) {
        // Loops rather than set(subarray): no view object per buffer; four bytes a step when both ends are aligned.
        const off = va - KVA_BASE
        let i = 0
        if (((off | copied) & 3) === 0) {
          const words = this.frameWords
          const u32 = mem.u32
          const from = off >> 2
          const to = copied >> 2
          const n = take >> 2
          for (let w = 0; w < n; w++) words[to + w] = u32[from + w]
          i = n << 2
        }
        for (; i < take; i++) frame[copied + i] = u8[off + i]
        copied += take
      }
      total += len
    }
    if (c.broken !== '') {
      rt.brokenChain('NdisMIndicateReceivePacket', packet, c.mdl, c.broken)
      return this.done(copied, total, false)
    }
    return this.done(copied, total, true)
  }

  private done(copied: number, total: number, ok: boolean): boolean {
    this.length = copied
    this.total = total
    return ok
  }
}
