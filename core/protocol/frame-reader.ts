// The protocol's copy of an indicated frame: walks the packet's buffer chain (Private.Head → MDL.Next) and copies
// each buffer's bytes into one reusable buffer, as a transport copies a lookahead (ndis5.md §1.4, §3.3). The walk is
// bounded and checks every descriptor, so a broken chain is a finding (R40), never a hang or a host exception.
import { KVA_BASE } from '../kernel/memory'
import { MDL_NEXT, PKT_HEAD } from '../ndis/layout'
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

  constructor(private readonly rt: NdisRuntime) {}

  /** Copies the frame of `packet`; false when the chain is broken (reported as R40). */
  read(packet: number): boolean {
    const rt = this.rt
    const mem = rt.kernel.memory
    const u8 = mem.u8
    const frame = this.frame
    let copied = 0
    let total = 0
    let b = rt.rd(packet + PKT_HEAD)
    for (let n = 0; b !== 0; n++) {
      if (n >= rt.maxChain) {
        rt.brokenChain('NdisMIndicateReceivePacket', packet, b, 'has a cycle')
        return this.done(copied, total, false)
      }
      if (rt.chainedBuffer(b) === null) {
        rt.brokenChain('NdisMIndicateReceivePacket', packet, b, 'reaches a freed or foreign buffer descriptor')
        return this.done(copied, total, false)
      }
      const va = rt.bufferVa(b)
      const len = rt.bufferLength(b)
      if (len > 0) {
        if (!mem.inArena(va, len)) {
          rt.brokenChain('NdisMIndicateReceivePacket', packet, b, 'maps memory outside non-paged memory')
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
      b = rt.rd(b + MDL_NEXT)
    }
    return this.done(copied, total, true)
  }

  private done(copied: number, total: number, ok: boolean): boolean {
    this.length = copied
    this.total = total
    return ok
  }
}
