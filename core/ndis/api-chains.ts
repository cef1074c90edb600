// Buffer chains, packet queries and packet-to-packet copy (ndis5.md §1.4, §1.5). Every chain walk is bounded and
// validates each descriptor it meets, so a cyclic or corrupted chain is a finding (R40), never a hang.
import type { Kernel } from '../kernel/kernel'
import { KVA_BASE } from '../kernel/memory'
import { R40 } from '../verifier/catalogue'
import { spanPages } from './api-buffers'
import {
  MDL_BYTE_COUNT,
  MDL_MAPPED_SYSTEM_VA,
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

  // Results of the last walk (no object per call).
  let walkLast = 0
  let walkTotal = 0
  let walkPhysical = 0

  /** Walks the chain from `first`: returns the number of buffers, or -1 after an R40 finding. */
  function walk(call: string, packet: number, first: number): number {
    walkLast = 0
    walkTotal = 0
    walkPhysical = 0
    let b = first
    let n = 0
    while (b !== 0) {
      if (n >= rt.maxChain) {
        rt.brokenChain(call, packet, b, 'has a cycle')
        return -1
      }
      if (rt.chainedBuffer(b) === null) {
        rt.brokenChain(call, packet, b, 'reaches a freed or foreign buffer descriptor')
        return -1
      }
      const len = rt.bufferLength(b)
      walkTotal += len
      walkPhysical += spanPages(rt.bufferVa(b), len)
      walkLast = b
      n++
      b = rt.rd(b + MDL_NEXT)
    }
    return n
  }

  /** Checks a sub-chain about to be linked in and marks it chained to `packet`; returns its last buffer or 0. */
  function adopt(call: string, packet: number, buffer: number): number {
    if (rt.useBuffer(call, buffer) === null) return 0
    let b = buffer
    for (let n = 0; b !== 0; n++) {
      const pool = n >= rt.maxChain ? null : rt.chainedBuffer(b)
      if (pool === null) {
        rt.brokenChain(
          call,
          packet,
          b,
          n >= rt.maxChain ? 'would have a cycle' : 'reaches a freed or foreign buffer descriptor',
        )
        return 0
      }
      const owner = pool.chainedTo[rt.bufSlot]
      if (owner !== 0) {
        v.report(
          R40,
          packet,
          b,
          0,
          call + ': buffer ' + hexVa(b) + ' is already chained to packet ' + hexVa(owner),
          pool.site[rt.bufSlot],
        )
        return 0
      }
      b = rt.rd(b + MDL_NEXT)
    }
    let last = buffer
    for (b = buffer; b !== 0; b = rt.rd(b + MDL_NEXT)) {
      const pool = rt.chainedBuffer(b)!
      pool.chainedTo[rt.bufSlot] = packet
      pool.lost[rt.bufSlot] = 0
      last = b
    }
    return last
  }

  function release(b: number): void {
    const pool = rt.chainedBuffer(b)
    if (pool !== null) pool.chainedTo[rt.bufSlot] = 0
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

  /** Finds the buffer holding byte `offset` of a chain: sets `posBuffer`/`posOffset`; false when beyond the chain. */
  let posBuffer = 0
  let posOffset = 0
  function seek(call: string, packet: number, offset: number): boolean {
    let b = rt.rd(packet + PKT_HEAD)
    let skip = offset
    for (let n = 0; b !== 0; n++) {
      if (n >= rt.maxChain || rt.chainedBuffer(b) === null) {
        rt.brokenChain(
          call,
          packet,
          b,
          n >= rt.maxChain ? 'has a cycle' : 'reaches a freed or foreign buffer descriptor',
        )
        return false
      }
      const len = rt.bufferLength(b)
      if (skip < len) {
        posBuffer = b
        posOffset = skip
        return true
      }
      skip -= len
      b = rt.rd(b + MDL_NEXT)
    }
    return false
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
    if (!seek(call, Destination, DestinationOffset)) return
    let db = posBuffer
    let dOff = posOffset
    if (!seek(call, Source, SourceOffset)) return
    let sb = posBuffer
    let sOff = posOffset
    let copied = 0
    let guard = 2 * rt.maxChain + 2
    while (copied < BytesToCopy && db !== 0 && sb !== 0 && guard-- > 0) {
      const dLen = rt.bufferLength(db)
      const sLen = rt.bufferLength(sb)
      const n = Math.min(dLen - dOff, sLen - sOff, BytesToCopy - copied)
      if (n > 0) {
        const dVa = rt.rd(db + MDL_MAPPED_SYSTEM_VA) + dOff
        const sVa = rt.rd(sb + MDL_MAPPED_SYSTEM_VA) + sOff
        if (!k.checkAccess(sVa, n, 0) || !k.checkAccess(dVa, n, 1)) break
        u8.copyWithin(dVa - KVA_BASE, sVa - KVA_BASE, sVa - KVA_BASE + n)
        copied += n
        dOff += n
        sOff += n
      }
      if (dOff >= dLen) {
        db = rt.rd(db + MDL_NEXT)
        dOff = 0
        if (db !== 0 && rt.chainedBuffer(db) === null) break
      }
      if (sOff >= sLen) {
        sb = rt.rd(sb + MDL_NEXT)
        sOff = 0
        if (sb !== 0 && rt.chainedBuffer(sb) === null) break
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
      if (rt.chainedBuffer(first) === null) {
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
        let prev = head
        while (rt.rd(prev + MDL_NEXT) !== last) prev = rt.rd(prev + MDL_NEXT)
        rt.wr(prev + MDL_NEXT, 0)
        rt.wr(Packet + PKT_TAIL, prev)
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

function hexVa(va: number): string {
  return '0x' + (va >>> 0).toString(16).toUpperCase().padStart(8, '0')
}
