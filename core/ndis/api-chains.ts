// Buffer chains, packet queries and packet-to-packet copy (ndis5.md §1.4, §1.5). Every chain walk is a ChainCursor's:
// bounded and validating each descriptor it meets, so a cyclic or corrupted chain is a finding (R40), never a hang.
import { fmtVa, type Kernel } from '../kernel/kernel'
import { KVA_BASE } from '../kernel/memory'
import { R40 } from '../verifier/catalogue'
import { spanPages } from './api-buffers'
import { CHAIN_CYCLE, ChainCursor } from './chain-cursor'
import {
  MDL_BYTE_COUNT,
  MDL_NEXT,
  PKT_COUNT,
  PKT_HEAD,
  PKT_PHYSICAL_COUNT,
  PKT_TAIL,
  PKT_TOTAL_LENGTH,
  PKT_VALID_COUNTS,
} from './layout'
import { isUlong, put, type NdisRuntime, type Out } from './runtime'

export function chainApi(rt: NdisRuntime) {
  const k: Kernel = rt.kernel
  const v = k.verifier
  const mem = k.memory
  const u8 = mem.u8

  // Cursors over chains (reused; `copy` walks two chains at once), and the results of the last `walk`.
  const cursor = new ChainCursor(rt)
  const other = new ChainCursor(rt)
  let walkLast = 0
  let walkBeforeLast = 0
  let walkTotal = 0
  let walkPhysical = 0

  /** Walks the chain from `first`: returns the number of buffers, or -1 after an R40 finding. */
  function walk(call: string, packet: number, first: number): number {
    walkLast = 0
    walkBeforeLast = 0
    walkTotal = 0
    walkPhysical = 0
    const c = cursor
    for (let ok = c.start(first); ok; ok = c.next()) {
      const len = c.length
      walkTotal += len
      walkPhysical += spanPages(c.va, len)
      walkBeforeLast = walkLast
      walkLast = c.mdl
    }
    if (c.broken !== '') {
      rt.brokenChain(call, packet, c.mdl, c.broken)
      return -1
    }
    return c.index
  }

  /** Checks a sub-chain about to be linked in and marks it chained to `packet`; returns its last buffer or 0. */
  function adopt(call: string, packet: number, buffer: number): number {
    if (!rt.useBuffer(call, buffer)) return 0
    const c = cursor
    for (let ok = c.start(buffer); ok; ok = c.next()) {
      const owner = c.pool!.chainedTo[c.slot]
      if (owner !== 0) {
        v.report(
          R40,
          packet,
          c.mdl,
          0,
          call + ': buffer ' + fmtVa(c.mdl) + ' is already chained to packet ' + fmtVa(owner),
          c.pool!.site[c.slot],
        )
        return 0
      }
    }
    if (c.broken !== '') {
      rt.brokenChain(call, packet, c.mdl, c.broken === CHAIN_CYCLE ? 'would have a cycle' : c.broken)
      return 0
    }
    let last = buffer
    for (let ok = c.start(buffer); ok; ok = c.next()) {
      c.pool!.chainedTo[c.slot] = packet
      c.pool!.lost[c.slot] = 0
      last = c.mdl
    }
    return last
  }

  /** The buffer is no longer in a chain. */
  function release(b: number): void {
    if (cursor.start(b)) cursor.pool!.chainedTo[cursor.slot] = 0
  }

  function invalidate(packet: number): void {
    u8[packet - KVA_BASE + PKT_VALID_COUNTS] = 0
  }

  /** Recomputes and caches the counts when ValidCounts is FALSE (ndis5.md §1.5 NdisQueryPacket). */
  function refreshCounts(call: string, packet: number): void {
    if (u8[packet - KVA_BASE + PKT_VALID_COUNTS] !== 0) return
    const n = walk(call, packet, rt.rd(packet + PKT_HEAD))
    if (n < 0) return
    rt.wr(packet + PKT_PHYSICAL_COUNT, walkPhysical)
    rt.wr(packet + PKT_TOTAL_LENGTH, walkTotal)
    rt.wr(packet + PKT_COUNT, n)
    u8[packet - KVA_BASE + PKT_VALID_COUNTS] = 1
  }

  /**
   * Moves `c` to the buffer holding byte `offset` of the packet's chain; returns the offset inside that buffer, or -1
   * when the offset is beyond the chain (or after an R40 finding).
   */
  function seek(c: ChainCursor, call: string, packet: number, offset: number): number {
    let skip = offset
    for (let ok = c.start(rt.rd(packet + PKT_HEAD)); ok; ok = c.next()) {
      const len = c.length
      if (skip < len) return skip
      skip -= len
    }
    if (c.broken !== '') rt.brokenChain(call, packet, c.mdl, c.broken)
    return -1
  }

  function copy(
    call: string,
    Destination: number,
    DestinationOffset: number,
    BytesToCopy: number,
    Source: number,
    SourceOffset: number,
    BytesCopied: Out<number> | null,
  ): void {
    put(BytesCopied, 0)
    rt.checkIrql(call, false, 0)
    rt.checkNoLock(call)
    const args = [DestinationOffset, BytesToCopy, SourceOffset]
    const argNo = [2, 3, 5]
    for (let i = 0; i < 3; i++) {
      if (!isUlong(args[i])) {
        rt.badUlong(call, argNo[i], args[i])
        return
      }
    }
    if (!rt.usePacket(call, Destination) || !rt.usePacket(call, Source)) return
    // ReactOS: either offset beyond its chain → nothing copied (ndis5.md §1.5).
    const d = cursor
    const src = other
    let dOff = seek(d, call, Destination, DestinationOffset)
    if (dOff < 0) return
    let sOff = seek(src, call, Source, SourceOffset)
    if (sOff < 0) return
    let copied = 0
    let dOk = true
    let sOk = true
    while (copied < BytesToCopy && dOk && sOk) {
      const dLen = d.length
      const sLen = src.length
      const n = Math.min(dLen - dOff, sLen - sOff, BytesToCopy - copied)
      if (n > 0) {
        const dVa = d.va + dOff
        const sVa = src.va + sOff
        if (!k.checkAccess(sVa, n, 0) || !k.checkAccess(dVa, n, 1)) break
        u8.copyWithin(dVa - KVA_BASE, sVa - KVA_BASE, sVa - KVA_BASE + n)
        copied += n
        dOff += n
        sOff += n
      }
      if (dOff >= dLen) {
        dOk = d.next()
        dOff = 0
      }
      if (sOff >= sLen) {
        sOk = src.next()
        sOff = 0
      }
    }
    put(BytesCopied, copied)
  }

  function firstBuffer(
    call: string,
    Packet: number,
    FirstBuffer: Out<number> | null,
    FirstBufferVA: Out<number> | null,
    FirstBufferLength: Out<number> | null,
    TotalBufferLength: Out<number> | null,
  ): void {
    put(FirstBuffer, 0)
    put(FirstBufferVA, 0)
    put(FirstBufferLength, 0)
    put(TotalBufferLength, 0)
    if (!rt.usePacket(call, Packet)) return
    const head = rt.rd(Packet + PKT_HEAD)
    // Always recomputed by walking; ValidCounts is neither used nor set (ndis5.md §1.5).
    if (walk(call, Packet, head) < 0 || head === 0) return
    put(FirstBuffer, head)
    put(FirstBufferVA, rt.bufferVa(head))
    put(FirstBufferLength, rt.rd(head + MDL_BYTE_COUNT))
    put(TotalBufferLength, walkTotal)
  }

  return {
    /** ndis5.md §1.4: the sub-chain's last buffer links to the old head; Tail is set only when the chain was empty. */
    NdisChainBufferAtFront(Packet: number, Buffer: number): void {
      const call = 'NdisChainBufferAtFront'
      if (!rt.usePacket(call, Packet)) return
      const last = adopt(call, Packet, Buffer)
      if (last === 0) return
      const head = rt.rd(Packet + PKT_HEAD)
      if (head === 0) rt.wr(Packet + PKT_TAIL, last)
      rt.wr(last + MDL_NEXT, head)
      rt.wr(Packet + PKT_HEAD, Buffer)
      invalidate(Packet)
    },

    /** ndis5.md §1.4: links after Tail when Head is set (a stale Tail after NdisReinitializePacket is ignored). */
    NdisChainBufferAtBack(Packet: number, Buffer: number): void {
      const call = 'NdisChainBufferAtBack'
      if (!rt.usePacket(call, Packet)) return
      const last = adopt(call, Packet, Buffer)
      if (last === 0) return
      if (rt.rd(Packet + PKT_HEAD) !== 0) rt.wr(rt.rd(Packet + PKT_TAIL) + MDL_NEXT, Buffer)
      else rt.wr(Packet + PKT_HEAD, Buffer)
      rt.wr(Packet + PKT_TAIL, last)
      invalidate(Packet)
    },

    NdisUnchainBufferAtFront(Packet: number, Buffer: Out<number> | null): void {
      put(Buffer, 0)
      if (!rt.usePacket('NdisUnchainBufferAtFront', Packet)) return
      const first = rt.rd(Packet + PKT_HEAD)
      if (first === 0) return
      if (!cursor.start(first)) {
        rt.brokenChain('NdisUnchainBufferAtFront', Packet, first, 'starts at a freed or foreign buffer descriptor')
        return
      }
      const next = rt.rd(first + MDL_NEXT)
      rt.wr(Packet + PKT_HEAD, next)
      if (next === 0) rt.wr(Packet + PKT_TAIL, 0)
      rt.wr(first + MDL_NEXT, 0)
      release(first)
      invalidate(Packet)
      put(Buffer, first)
    },

    /** ReactOS walks from Head and ignores the cached Tail (ndis5.md §1.4). */
    NdisUnchainBufferAtBack(Packet: number, Buffer: Out<number> | null): void {
      const call = 'NdisUnchainBufferAtBack'
      put(Buffer, 0)
      if (!rt.usePacket(call, Packet)) return
      const head = rt.rd(Packet + PKT_HEAD)
      if (head === 0) return
      if (walk(call, Packet, head) < 0) return
      const last = walkLast
      if (last === head) {
        rt.wr(Packet + PKT_HEAD, 0)
        rt.wr(Packet + PKT_TAIL, 0)
      } else {
        rt.wr(walkBeforeLast + MDL_NEXT, 0)
        rt.wr(Packet + PKT_TAIL, walkBeforeLast)
      }
      release(last)
      invalidate(Packet)
      put(Buffer, last)
    },

    /** Walks Head→last, sets Tail, ValidCounts = FALSE (ndis5.md §1.4). */
    NdisRecalculatePacketCounts(Packet: number): void {
      const call = 'NdisRecalculatePacketCounts'
      if (!rt.usePacket(call, Packet)) return
      if (walk(call, Packet, rt.rd(Packet + PKT_HEAD)) < 0) return
      rt.wr(Packet + PKT_TAIL, walkLast)
      invalidate(Packet)
    },

    /** ndis5.md §1.5: cached counts unless ValidCounts is FALSE, then recomputed and cached. */
    NdisQueryPacket(
      Packet: number,
      PhysicalBufferCount: Out<number> | null,
      BufferCount: Out<number> | null,
      FirstBuffer: Out<number> | null,
      TotalPacketLength: Out<number> | null,
    ): void {
      const call = 'NdisQueryPacket'
      if (!rt.usePacket(call, Packet)) {
        put(PhysicalBufferCount, 0)
        put(BufferCount, 0)
        put(FirstBuffer, 0)
        put(TotalPacketLength, 0)
        return
      }
      if (PhysicalBufferCount || BufferCount || TotalPacketLength) refreshCounts(call, Packet)
      put(FirstBuffer, rt.rd(Packet + PKT_HEAD))
      put(PhysicalBufferCount, rt.rd(Packet + PKT_PHYSICAL_COUNT))
      put(BufferCount, rt.rd(Packet + PKT_COUNT))
      put(TotalPacketLength, rt.rd(Packet + PKT_TOTAL_LENGTH))
    },

    NdisQueryPacketLength(Packet: number, TotalPacketLength: Out<number> | null): void {
      if (!rt.usePacket('NdisQueryPacketLength', Packet)) {
        put(TotalPacketLength, 0)
        return
      }
      refreshCounts('NdisQueryPacketLength', Packet)
      put(TotalPacketLength, rt.rd(Packet + PKT_TOTAL_LENGTH))
    },

    NdisGetFirstBufferFromPacket(
      Packet: number,
      FirstBuffer: Out<number> | null,
      FirstBufferVA: Out<number> | null,
      FirstBufferLength: Out<number> | null,
      TotalBufferLength: Out<number> | null,
    ): void {
      firstBuffer(
        'NdisGetFirstBufferFromPacket',
        Packet,
        FirstBuffer,
        FirstBufferVA,
        FirstBufferLength,
        TotalBufferLength,
      )
    },

    NdisGetFirstBufferFromPacketSafe(
      Packet: number,
      FirstBuffer: Out<number> | null,
      FirstBufferVA: Out<number> | null,
      FirstBufferLength: Out<number> | null,
      TotalBufferLength: Out<number> | null,
      _Priority: number,
    ): void {
      firstBuffer(
        'NdisGetFirstBufferFromPacketSafe',
        Packet,
        FirstBuffer,
        FirstBufferVA,
        FirstBufferLength,
        TotalBufferLength,
      )
    },

    /** Copies until done, source exhausted or destination full; OOB data is not copied (ndis5.md §1.5). */
    NdisCopyFromPacketToPacket(
      Destination: number,
      DestinationOffset: number,
      BytesToCopy: number,
      Source: number,
      SourceOffset: number,
      BytesCopied: Out<number> | null,
    ): void {
      copy('NdisCopyFromPacketToPacket', Destination, DestinationOffset, BytesToCopy, Source, SourceOffset, BytesCopied)
    },

    NdisCopyFromPacketToPacketSafe(
      Destination: number,
      DestinationOffset: number,
      BytesToCopy: number,
      Source: number,
      SourceOffset: number,
      BytesCopied: Out<number> | null,
      _Priority: number,
    ): void {
      copy(
        'NdisCopyFromPacketToPacketSafe',
        Destination,
        DestinationOffset,
        BytesToCopy,
        Source,
        SourceOffset,
        BytesCopied,
      )
    },
  }
}
