// Buffer pools and buffer descriptors (MDLs), by their C names (ndis5.md §1.3; script-api.md).
import { fmtVa, type Kernel } from '../kernel/kernel'
import { ALLOC_BUFFER, ALLOC_MAPPING } from '../verifier/alloc-kind'
import { KVA_BASE, FREED_POISON } from '../kernel/memory'
import { R33, R34, R35, R39, R8 } from '../verifier/catalogue'
import { BUF_ALLOCATED, BUF_FREE, BufferPool } from './buffer-pool'
import {
  BUFFER_POOL_COUNT,
  MDL_BYTE_COUNT,
  MDL_BYTE_OFFSET,
  MDL_MAPPED_SYSTEM_VA,
  MDL_MAPPED_TO_SYSTEM_VA,
  MDL_NEXT,
  MDL_PARTIAL,
  MDL_SIZE,
  MDL_SLOT,
  MDL_SOURCE_IS_NONPAGED_POOL,
  MDL_START_VA,
  PAGE_SIZE,
  SIZEOF_MDL,
} from './layout'
import { reportLostBuffers } from './leak-scan'
import { BufferRef, isUlong, KIND_BUFFER_POOL, put, type NdisRuntime, type Out } from './runtime'
import { NDIS_STATUS_FAILURE, NDIS_STATUS_RESOURCES, NDIS_STATUS_SUCCESS } from './status'

const BUFFER_POOL_TAG = 0x7062444e // 'NDbp'

/** Pages spanned by (va, length); 1 for an empty buffer (NDIS_BUFFER_TO_SPAN_PAGES, ndis5.md §1.3). */
export function spanPages(va: number, length: number): number {
  if (length === 0) return 1
  return Math.floor(((va & (PAGE_SIZE - 1)) + length + PAGE_SIZE - 1) / PAGE_SIZE)
}

export function bufferApi(rt: NdisRuntime) {
  const found = new BufferRef()
  const k: Kernel = rt.kernel
  const v = k.verifier
  const mem = k.memory
  const cell = k.sites.cell

  function createPool(numberOfDescriptors: number, site: number, system: boolean): BufferPool | null {
    const bytes = BufferPool.blockBytes(numberOfDescriptors)
    const va = bytes <= mem.size ? mem.allocate(bytes, BUFFER_POOL_TAG, 0, site, 'buffer-pool') : 0
    if (va === 0) return null
    mem.u8.fill(0, va - KVA_BASE, va - KVA_BASE + bytes)
    mem.u32[(va - KVA_BASE + BUFFER_POOL_COUNT) >>> 2] = numberOfDescriptors
    const pool = new BufferPool(va, numberOfDescriptors, site, system)
    rt.bufferPools.push(pool)
    rt.bufferPoolHistory.push(pool)
    rt.maxChain += numberOfDescriptors
    return pool
  }

  function poolFor(call: string, PoolHandle: number): BufferPool | null {
    if (PoolHandle === 0 || PoolHandle === null) {
      // x86: NdisAllocateBuffer's PoolHandle is optional (ndis5.md §1.3); NULL draws from a system pool.
      if (rt.systemBufferPool === null) rt.systemBufferPool = createPool(rt.systemBufferPoolSize, 0, true)
      return rt.systemBufferPool
    }
    const pool = rt.findBufferPool(PoolHandle)
    if (pool === null) rt.badHandle(call, PoolHandle, KIND_BUFFER_POOL)
    return pool
  }

  /** Takes a descriptor and builds it as MmBuildMdlForNonPagedPool would; 0 on failure. */
  function buildMdl(pool: BufferPool, va: number, length: number, flags: number): number {
    const slot = k.mayAllocate(ALLOC_BUFFER) ? pool.pop() : -1
    if (slot < 0) {
      pool.failures++
      return 0
    }
    const mdl = pool.addressOf(slot)
    const w = (mdl - KVA_BASE) >>> 2
    const u32 = mem.u32
    u32[w] = 0
    u32[w + (MDL_SIZE >>> 2)] = SIZEOF_MDL | (flags << 16)
    u32[w + 2] = 0
    u32[w + (MDL_MAPPED_SYSTEM_VA >>> 2)] = va
    u32[w + (MDL_START_VA >>> 2)] = va & ~(PAGE_SIZE - 1)
    u32[w + (MDL_BYTE_COUNT >>> 2)] = length
    u32[w + (MDL_BYTE_OFFSET >>> 2)] = va & (PAGE_SIZE - 1)
    u32[w + 7] = 0
    pool.state[slot] = BUF_ALLOCATED
    pool.site[slot] = cell[0]
    pool.chainedTo[slot] = 0
    pool.lost[slot] = 0
    pool.allocations++
    if (++pool.inUse > pool.highWater) pool.highWater = pool.inUse
    return mdl
  }

  /** R39: the range must be live non-paged memory (ndis5.md §1.3: a sub-range of already-allocated memory). */
  function checkMapped(call: string, va: number, length: number): boolean {
    if (!mem.inArena(va, length)) {
      v.report(R39, va, length, 0, call + ': ' + fmtVa(va) + '+' + length + ' is outside non-paged memory')
      return false
    }
    if (v.checks(R39) && !mem.isLive(va, length)) {
      v.report(R39, va, length, 0, call + ': ' + fmtVa(va) + '+' + length + ' is not inside allocated non-paged memory')
    }
    return true
  }

  /**
   * MmGetSystemAddressForMdl(Safe) of a validated buffer. A buffer from the driver's own pools describes its
   * non-paged memory: its MDL carries MDL_SOURCE_IS_NONPAGED_POOL, the mapping is already there and the macro cannot
   * fail (wdm.h, MmGetSystemAddressForMdlSafe). Only a buffer NDIS or the protocol made (a send's locked pages) needs
   * a mapping, which the low-resources simulation (`mapping`) can fail: the Safe calls then give NULL, the others stop
   * the run as Windows does (R34).
   */
  function systemVa(call: string, Buffer: number, safe: boolean): number {
    const pool = rt.locateBuffer(Buffer)
    const ownNonPaged = pool === null || pool.system || pool.createdSite !== 0
    if (ownNonPaged || k.mayAllocate(ALLOC_MAPPING)) return rt.bufferVa(Buffer)
    if (!safe) v.stop(R34, Buffer, 0, 0, `${call}: mapping ${fmtVa(Buffer)} failed; use the Safe call and handle NULL`)
    return 0
  }

  return {
    /** Documented as always SUCCESS (ndis5.md §1.3); RESOURCES only when its block cannot fit in the arena. */
    NdisAllocateBufferPool(
      Status: Out<number> | null,
      PoolHandle: Out<number> | null,
      NumberOfDescriptors: number,
    ): void {
      const call = 'NdisAllocateBufferPool'
      put(PoolHandle, 0)
      rt.checkIrql(call, false, 0)
      rt.checkNoLock(call)
      if (!isUlong(NumberOfDescriptors)) {
        rt.badUlong(call, 3, NumberOfDescriptors)
        put(Status, NDIS_STATUS_RESOURCES)
        return
      }
      // The pool-sizing advisor (`nicbench advise`) grants the driver's pools fewer descriptors than they ask for.
      const cap = cell[0] !== 0 ? rt.bufferPoolCap : 0
      const pool = createPool(cap > 0 && NumberOfDescriptors > cap ? cap : NumberOfDescriptors, cell[0], false)
      if (pool === null) {
        put(Status, NDIS_STATUS_RESOURCES)
        return
      }
      put(Status, NDIS_STATUS_SUCCESS)
      put(PoolHandle, pool.handle)
    },

    NdisFreeBufferPool(PoolHandle: number): void {
      const call = 'NdisFreeBufferPool'
      rt.checkIrql(call, true, 0)
      rt.checkNoLock(call)
      const pool = rt.findBufferPool(PoolHandle)
      if (pool === null || pool.system) {
        rt.badHandle(call, PoolHandle, KIND_BUFFER_POOL)
        return
      }
      if (pool.inUse > 0) {
        reportLostBuffers(rt, pool)
        let first = 0
        while (pool.state[first] === BUF_FREE) first++
        v.report(
          R8,
          pool.handle,
          pool.inUse,
          0,
          call + ': ' + pool.inUse + ' buffer(s) still allocated from pool ' + fmtVa(pool.handle),
          pool.site[first],
        )
      }
      pool.alive = false
      rt.bufferPools.splice(rt.bufferPools.indexOf(pool), 1)
      if (rt.lastBufferPool === pool) rt.lastBufferPool = null
      mem.free(pool.handle)
    },

    /** SUCCESS or FAILURE, never RESOURCES (ndis5.md §1.3). */
    NdisAllocateBuffer(
      Status: Out<number> | null,
      Buffer: Out<number> | null,
      PoolHandle: number,
      VirtualAddress: number,
      Length: number,
    ): void {
      const call = 'NdisAllocateBuffer'
      put(Buffer, 0)
      rt.checkIrql(call, false, 0)
      if (!isUlong(Length)) {
        rt.badUlong(call, 5, Length)
        put(Status, NDIS_STATUS_FAILURE)
        return
      }
      if (VirtualAddress === 0 || Length === 0) {
        v.report(
          R33,
          VirtualAddress,
          Length,
          0,
          call + ' with ' + (VirtualAddress === 0 ? 'a NULL address' : 'length 0'),
        )
        if (VirtualAddress === 0) {
          put(Status, NDIS_STATUS_FAILURE)
          return
        }
      }
      const pool = poolFor(call, PoolHandle)
      if (pool === null || !checkMapped(call, VirtualAddress, Length)) {
        put(Status, NDIS_STATUS_FAILURE)
        return
      }
      const mdl = buildMdl(pool, VirtualAddress, Length, MDL_SOURCE_IS_NONPAGED_POOL | MDL_MAPPED_TO_SYSTEM_VA)
      put(Status, mdl === 0 ? NDIS_STATUS_FAILURE : NDIS_STATUS_SUCCESS)
      put(Buffer, mdl)
    },

    /** A partial MDL over part of an existing buffer (ndis5.md §1.3: IoBuildPartialMdl; FAILURE on failure). */
    NdisCopyBuffer(
      Status: Out<number> | null,
      Buffer: Out<number> | null,
      PoolHandle: number,
      MemoryDescriptor: number,
      Offset: number,
      Length: number,
    ): void {
      const call = 'NdisCopyBuffer'
      put(Buffer, 0)
      rt.checkIrql(call, false, 0)
      if (!isUlong(Offset) || !isUlong(Length)) {
        rt.badUlong(call, isUlong(Offset) ? 6 : 5, isUlong(Offset) ? Length : Offset)
        put(Status, NDIS_STATUS_FAILURE)
        return
      }
      if (!rt.useBuffer(call, MemoryDescriptor)) {
        put(Status, NDIS_STATUS_FAILURE)
        return
      }
      const srcVa = rt.bufferVa(MemoryDescriptor)
      const srcLen = rt.bufferLength(MemoryDescriptor)
      if (Offset + Length > srcLen) {
        v.report(
          R39,
          srcVa + Offset,
          Length,
          0,
          call +
            ': offset ' +
            Offset +
            ' + length ' +
            Length +
            ' is beyond the ' +
            srcLen +
            ' bytes of ' +
            fmtVa(MemoryDescriptor),
        )
        put(Status, NDIS_STATUS_FAILURE)
        return
      }
      const pool = poolFor(call, PoolHandle)
      if (pool === null) {
        put(Status, NDIS_STATUS_FAILURE)
        return
      }
      const mdl = buildMdl(
        pool,
        srcVa + Offset,
        Length,
        MDL_SOURCE_IS_NONPAGED_POOL | MDL_MAPPED_TO_SYSTEM_VA | MDL_PARTIAL,
      )
      put(Status, mdl === 0 ? NDIS_STATUS_FAILURE : NDIS_STATUS_SUCCESS)
      put(Buffer, mdl)
    },

    NdisFreeBuffer(Buffer: number): void {
      const call = 'NdisFreeBuffer'
      rt.checkIrql(call, true, 0)
      rt.checkNoLock(call)
      if (!rt.useBuffer(call, Buffer, found)) return
      const { pool, slot } = found
      const packet = pool.chainedTo[slot]
      if (packet !== 0) {
        v.report(
          R35,
          Buffer,
          packet,
          0,
          call + ': buffer ' + fmtVa(Buffer) + ' is still chained to packet ' + fmtVa(packet),
          pool.site[slot],
        )
      }
      pool.state[slot] = BUF_FREE
      pool.site[slot] = cell[0]
      pool.chainedTo[slot] = 0
      pool.lost[slot] = 0
      pool.frees++
      pool.inUse--
      pool.push(slot)
      const off = Buffer - KVA_BASE
      mem.u8.fill(FREED_POISON, off, off + MDL_SLOT)
    },

    NdisQueryBuffer(Buffer: number, VirtualAddress: Out<number> | null, Length: Out<number> | null): void {
      if (!rt.useBuffer('NdisQueryBuffer', Buffer)) {
        put(VirtualAddress, 0)
        put(Length, 0)
        return
      }
      put(VirtualAddress, systemVa('NdisQueryBuffer', Buffer, false))
      put(Length, rt.bufferLength(Buffer))
    },

    /** Like NdisQueryBuffer; the VA is NULL when the mapping fails (low-resources simulation `mapping`). */
    NdisQueryBufferSafe(
      Buffer: number,
      VirtualAddress: Out<number> | null,
      Length: Out<number> | null,
      _Priority: number,
    ): void {
      if (!rt.useBuffer('NdisQueryBufferSafe', Buffer)) {
        put(VirtualAddress, 0)
        put(Length, 0)
        return
      }
      put(VirtualAddress, systemVa('NdisQueryBufferSafe', Buffer, true))
      put(Length, rt.bufferLength(Buffer))
    },

    NdisQueryBufferOffset(Buffer: number, Offset: Out<number> | null, Length: Out<number> | null): void {
      if (!rt.useBuffer('NdisQueryBufferOffset', Buffer)) {
        put(Offset, 0)
        put(Length, 0)
        return
      }
      put(Offset, rt.rd(Buffer + MDL_BYTE_OFFSET))
      put(Length, rt.bufferLength(Buffer))
    },

    /** Sets ByteCount only; no packet's cached counts are invalidated (ndis5.md §1.3). */
    NdisAdjustBufferLength(Buffer: number, Length: number): void {
      if (!isUlong(Length)) {
        rt.badUlong('NdisAdjustBufferLength', 2, Length)
        return
      }
      if (!rt.useBuffer('NdisAdjustBufferLength', Buffer)) return
      rt.wr(Buffer + MDL_BYTE_COUNT, Length)
    },

    NdisBufferLength(Buffer: number): number {
      return !rt.useBuffer('NdisBufferLength', Buffer) ? 0 : rt.bufferLength(Buffer)
    },

    NdisBufferVirtualAddress(Buffer: number): number {
      return !rt.useBuffer('NdisBufferVirtualAddress', Buffer) ? 0 : systemVa('NdisBufferVirtualAddress', Buffer, false)
    },

    NdisBufferVirtualAddressSafe(Buffer: number, _Priority: number): number {
      return !rt.useBuffer('NdisBufferVirtualAddressSafe', Buffer)
        ? 0
        : systemVa('NdisBufferVirtualAddressSafe', Buffer, true)
    },

    /** `*NextBuffer = CurrentBuffer->Next` (ndis5.md §1.3). */
    NdisGetNextBuffer(CurrentBuffer: number, NextBuffer: Out<number> | null): void {
      put(NextBuffer, !rt.useBuffer('NdisGetNextBuffer', CurrentBuffer) ? 0 : rt.rd(CurrentBuffer + MDL_NEXT))
    },

    NDIS_BUFFER_TO_SPAN_PAGES(Buffer: number): number {
      if (!rt.useBuffer('NDIS_BUFFER_TO_SPAN_PAGES', Buffer)) return 0
      return spanPages(rt.bufferVa(Buffer), rt.bufferLength(Buffer))
    },

    NdisGetBufferPhysicalArraySize(Buffer: number, ArraySize: Out<number> | null): void {
      if (!rt.useBuffer('NdisGetBufferPhysicalArraySize', Buffer)) {
        put(ArraySize, 0)
        return
      }
      put(ArraySize, spanPages(rt.bufferVa(Buffer), rt.bufferLength(Buffer)))
    },
  }
}
