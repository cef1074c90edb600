// Packet pools and packet descriptors, by their C names and argument order (ndis5.md §1.1, §1.2;
// script-api.md). Hot paths (allocate/free) read the verifier level once and touch only typed arrays.
import { DISPATCH_LEVEL as DISPATCH_LEVEL_ } from '../kernel/irql'
import { fmtVa, type Kernel } from '../kernel/kernel'
import { ALLOC_PACKET as ALLOC_PACKET_ } from '../verifier/alloc-kind'
import { KVA_BASE as KVA_BASE_ } from '../kernel/memory'
import { R1, R10, R2, R4, R7 } from '../verifier/catalogue'
import { VERIFIER_FULL as VERIFIER_FULL_ } from '../verifier/level'
import {
  OWN_ALLOCATED as OWN_ALLOCATED_,
  OWN_FREED as OWN_FREED_,
  OWN_REINITIALIZED,
} from '../verifier/ownership-history'
import { fPACKET_ALLOCATED_BY_NDIS as fPACKET_ALLOCATED_BY_NDIS_ } from './constants'
import {
  SIZEOF_NDIS_PACKET_PRIVATE as SIZEOF_NDIS_PACKET_PRIVATE_,
  packetLength,
  PKT_HEAD as PKT_HEAD_,
  PKT_MINIPORT_RESERVED,
  PKT_POOL as PKT_POOL_,
  PKT_VALID_COUNTS as PKT_VALID_COUNTS_,
  POOL_PACKET_LENGTH,
} from './layout'
import {
  DESC_ALLOCATED as DESC_ALLOCATED_,
  DESC_FREE as DESC_FREE_,
  MAX_PACKET_POOL_DESCRIPTORS,
  PacketPool,
} from './packet-pool'
import { dropChain } from './ownership'
import {
  isUlong,
  KIND_PACKET,
  KIND_PACKET_POOL,
  PacketRef,
  put as put_,
  toUlong,
  type NdisRuntime,
  type Out,
} from './runtime'
import {
  NDIS_STATUS_FAILURE as NDIS_STATUS_FAILURE_,
  NDIS_STATUS_RESOURCES as NDIS_STATUS_RESOURCES_,
  NDIS_STATUS_SUCCESS as NDIS_STATUS_SUCCESS_,
} from './status'
import { writeOutCell } from '../verifier/script-value'

// Module-local copies of imported constants: transpiled to CommonJS, every imported binding is a getter call,
// which would cost more than the rest of a hot call.
const DISPATCH_LEVEL = DISPATCH_LEVEL_
const ALLOC_PACKET = ALLOC_PACKET_
const KVA_BASE = KVA_BASE_
const VERIFIER_FULL = VERIFIER_FULL_
const OWN_ALLOCATED = OWN_ALLOCATED_
const OWN_FREED = OWN_FREED_
const fPACKET_ALLOCATED_BY_NDIS = fPACKET_ALLOCATED_BY_NDIS_
const PKT_HEAD = PKT_HEAD_
const PKT_POOL = PKT_POOL_
const PKT_VALID_COUNTS = PKT_VALID_COUNTS_
const DESC_ALLOCATED = DESC_ALLOCATED_
const DESC_FREE = DESC_FREE_
const NDIS_STATUS_FAILURE = NDIS_STATUS_FAILURE_
const NDIS_STATUS_RESOURCES = NDIS_STATUS_RESOURCES_
const NDIS_STATUS_SUCCESS = NDIS_STATUS_SUCCESS_
const put = put_
const SIZEOF_NDIS_PACKET_PRIVATE = SIZEOF_NDIS_PACKET_PRIVATE_

const POOL_TAG = 0x7070444e // 'NDpp'

export function packetApi(rt: NdisRuntime) {
  const found = new PacketRef()
  const k: Kernel = rt.kernel
  const v = k.verifier
  const mem = k.memory
  const cell = k.sites.cell

  function allocatePool(
    call: string,
    Status: Out<number> | null,
    PoolHandle: Out<number> | null,
    NumberOfDescriptors: number,
    NumberOfOverflowDescriptors: number,
    ProtocolReservedLength: number,
  ): void {
    put(PoolHandle, 0)
    rt.checkIrql(call, false, 0)
    rt.checkNoLock(call)
    const site = cell[0]
    const ex = call === 'NdisAllocatePacketPoolEx'
    const args = [NumberOfDescriptors, NumberOfOverflowDescriptors, ProtocolReservedLength]
    for (let i = 0; i < 3; i++) {
      if (!isUlong(args[i])) {
        rt.badUlong(call, ex ? i + 3 : i === 2 ? 4 : 3, args[i])
        put(Status, NDIS_STATUS_RESOURCES)
        return
      }
    }
    // ndis5.md §1.1: more than 0xFFFF descriptors fails with RESOURCES (R1).
    if (NumberOfDescriptors > MAX_PACKET_POOL_DESCRIPTORS) {
      v.report(
        R1,
        NumberOfDescriptors,
        0,
        0,
        call + ': ' + NumberOfDescriptors + ' descriptors requested, at most 0xFFFF',
      )
      put(Status, NDIS_STATUS_RESOURCES)
      return
    }
    // The overflow count is silently reduced so the total is 0xFFFF (R2).
    let overflow = NumberOfOverflowDescriptors
    if (NumberOfDescriptors + overflow > MAX_PACKET_POOL_DESCRIPTORS) {
      overflow = MAX_PACKET_POOL_DESCRIPTORS - NumberOfDescriptors
      v.report(
        R2,
        NumberOfDescriptors,
        NumberOfOverflowDescriptors,
        overflow,
        call + ': overflow descriptors clamped to ' + overflow,
      )
    }
    // The pool-sizing advisor (`nicbench advise`) grants the driver's pools fewer descriptors than they ask for.
    const cap = site !== 0 ? rt.packetPoolCap : 0
    const granted = cap > 0 && NumberOfDescriptors > cap ? cap : NumberOfDescriptors
    if (granted !== NumberOfDescriptors) overflow = 0
    const bytes = PacketPool.blockBytes(granted, ProtocolReservedLength)
    const va = bytes <= mem.size ? mem.allocate(bytes, POOL_TAG, 0, site, 'packet-pool') : 0
    if (va === 0) {
      put(Status, NDIS_STATUS_RESOURCES)
      return
    }
    const off = va - KVA_BASE
    mem.u8.fill(0, off, off + bytes)
    const pool = new PacketPool(va, granted, overflow, ProtocolReservedLength, site)
    mem.u32[(off + POOL_PACKET_LENGTH) >>> 2] = pool.packetLength
    rt.packetPools.push(pool)
    rt.packetPoolHistory.push(pool)
    rt.lastPacketPool = pool
    put(Status, NDIS_STATUS_SUCCESS)
    put(PoolHandle, va)
  }

  /** Zero-initialises a descriptor as ReactOS does (ndis5.md §1.2): Pool, ValidCounts TRUE, NdisPacketFlags, OOB offset. */
  function initDescriptor(pool: PacketPool, off: number): void {
    const u32 = mem.u32
    const w = off >> 2
    // Private, field by field (PhysicalCount, TotalLength, Head, Tail, Pool, Count, Flags, ValidCounts...), then the
    // rest of the descriptor zeroed.
    u32[w] = 0
    u32[w + 1] = 0
    u32[w + 2] = 0
    u32[w + 3] = 0
    u32[w + (PKT_POOL >>> 2)] = pool.handle
    u32[w + 5] = 0
    u32[w + 6] = pool.protocolId
    u32[w + (PKT_VALID_COUNTS >>> 2)] = 1 | (fPACKET_ALLOCATED_BY_NDIS << 8) | (pool.oobOffset << 16)
    const f64 = mem.f64
    const end = (off + pool.stride) >> 3
    for (let q = (off + SIZEOF_NDIS_PACKET_PRIVATE) >> 3; q < end; q++) f64[q] = 0
  }

  /** Overflow descriptor from system memory (ndis5.md §1.1 Ex): only when every static one is in use. */
  function allocateOverflow(pool: PacketPool): number {
    if (pool.overflowAvailable === 0) return -1
    const va = mem.allocate(pool.packetLength, POOL_TAG, 0, cell[0], 'overflow-descriptor')
    if (va === 0) return -1
    const slot = pool.takeOverflow(va)
    rt.overflowOwner.set(va, pool)
    return slot
  }

  function allocatePacket(
    Status: Out<number> | null,
    Packet: Out<number> | null,
    PoolHandle: number,
    call: string,
  ): void {
    let pool = rt.lastPacketPool
    if (pool === null || pool.handle !== PoolHandle) {
      pool = rt.findPacketPool(PoolHandle)
      if (pool === null) {
        rt.badHandle(call, PoolHandle, KIND_PACKET_POOL)
        put(Status, NDIS_STATUS_FAILURE)
        put(Packet, 0)
        return
      }
    }
    let slot = -1
    if (k.mayAllocate(ALLOC_PACKET)) {
      slot = pool.pop()
      if (slot < 0) slot = allocateOverflow(pool)
    }
    if (slot < 0) {
      refuse(pool, Status, Packet, call)
      return
    }
    const va =
      slot < pool.numberOfDescriptors
        ? pool.first + slot * pool.stride
        : pool.overflowVa[slot - pool.numberOfDescriptors]
    initDescriptor(pool, va - KVA_BASE)
    const site = cell[0]
    pool.state[slot] = DESC_ALLOCATED
    pool.site[slot] = site
    pool.generation[slot]++
    pool.allocations++
    if (++pool.inUse > pool.highWater) pool.highWater = pool.inUse
    if (v.level === VERIFIER_FULL) k.history.record(va, OWN_ALLOCATED, site, k.clock.nowNs)
    put(Status, NDIS_STATUS_SUCCESS)
    put(Packet, va)
  }

  /** RESOURCES with a NULL packet (ndis5.md §1.2); R4 once per pool when it is exhausted. */
  function refuse(pool: PacketPool, Status: Out<number> | null, Packet: Out<number> | null, call: string): void {
    pool.failures++
    if (!pool.exhaustionReported && pool.freeCount === 0) {
      pool.exhaustionReported = true
      v.report(
        R4,
        pool.handle,
        pool.numberOfDescriptors,
        pool.inUse,
        call + ': pool ' + fmtVa(pool.handle) + ' exhausted (' + pool.inUse + ' in use)',
        pool.createdSite,
      )
    }
    put(Status, NDIS_STATUS_RESOURCES)
    put(Packet, 0)
  }

  function freePacket(Packet: number, call: string): void {
    if (!rt.freeablePacket(call, Packet, found)) return
    const { pool, slot } = found
    const site = cell[0]
    // A chain still attached is dropped with the descriptor (R6, reported if never recovered).
    if (mem.u32[(Packet - KVA_BASE + PKT_HEAD) >> 2] !== 0) dropChain(rt, Packet, site)
    pool.state[slot] = DESC_FREE
    pool.site[slot] = site
    pool.frees++
    pool.inUse--
    if (slot < pool.numberOfDescriptors) {
      pool.push(slot)
    } else {
      // Freed overflow descriptors go back to system memory, not the pool (ndis5.md §1.1 Ex).
      rt.overflowOwner.delete(Packet)
      pool.releaseOverflow(slot)
      mem.free(Packet)
    }
    if (v.level === VERIFIER_FULL) k.history.record(Packet, OWN_FREED, site, k.clock.nowNs)
  }

  function dprIrql(call: string, lock: number, free = false): void {
    const irql = k.cpu.irql
    if (irql !== DISPATCH_LEVEL)
      v.report(R10, irql, lock, 0, call + ' at IRQL ' + irql + ' (must be DISPATCH_LEVEL)', 0, free ? 1 : 0)
  }

  return {
    NdisAllocatePacketPool(
      Status: Out<number> | null,
      PoolHandle: Out<number> | null,
      NumberOfDescriptors: number,
      ProtocolReservedLength: number,
    ): void {
      allocatePool('NdisAllocatePacketPool', Status, PoolHandle, NumberOfDescriptors, 0, ProtocolReservedLength)
    },

    NdisAllocatePacketPoolEx(
      Status: Out<number> | null,
      PoolHandle: Out<number> | null,
      NumberOfDescriptors: number,
      NumberOfOverflowDescriptors: number,
      ProtocolReservedLength: number,
    ): void {
      allocatePool(
        'NdisAllocatePacketPoolEx',
        Status,
        PoolHandle,
        NumberOfDescriptors,
        NumberOfOverflowDescriptors,
        ProtocolReservedLength,
      )
    },

    NdisFreePacketPool(PoolHandle: number): void {
      const call = 'NdisFreePacketPool'
      rt.checkIrql(call, true, 0)
      rt.checkNoLock(call)
      const pool = rt.findPacketPool(PoolHandle)
      if (pool === null) {
        rt.badHandle(call, PoolHandle, KIND_PACKET_POOL)
        return
      }
      if (pool.inUse > 0) {
        let first = 0
        while (pool.state[first] === DESC_FREE) first++
        v.report(
          R7,
          pool.handle,
          pool.inUse,
          0,
          call + ': ' + pool.inUse + ' packet(s) still allocated from pool ' + fmtVa(pool.handle),
          pool.site[first],
        )
      }
      // ReactOS frees the block regardless (ndis5.md §1.1): outstanding descriptors now dangle.
      for (let i = 0; i < pool.overflowVa.length; i++) {
        const va = pool.overflowVa[i]
        if (va !== 0) {
          rt.overflowOwner.delete(va)
          mem.free(va)
        }
      }
      pool.alive = false
      rt.packetPools.splice(rt.packetPools.indexOf(pool), 1)
      if (rt.lastPacketPool === pool) rt.lastPacketPool = null
      mem.free(pool.handle)
    },

    NdisPacketPoolUsage(PoolHandle: number): number {
      rt.checkIrql('NdisPacketPoolUsage', false, 0)
      const pool = rt.findPacketPool(PoolHandle)
      if (pool === null) {
        rt.badHandle('NdisPacketPoolUsage', PoolHandle, KIND_PACKET_POOL)
        return 0
      }
      return pool.inUse
    },

    NdisPacketSize(ProtocolReservedSize: number): number {
      if (!isUlong(ProtocolReservedSize)) {
        rt.badUlong('NdisPacketSize', 1, ProtocolReservedSize)
        return 0
      }
      return packetLength(ProtocolReservedSize)
    },

    NdisSetPacketPoolProtocolId(PacketPoolHandle: number, ProtocolId: number): void {
      const pool = rt.findPacketPool(PacketPoolHandle)
      if (pool === null) {
        rt.badHandle('NdisSetPacketPoolProtocolId', PacketPoolHandle, KIND_PACKET_POOL)
        return
      }
      pool.protocolId = toUlong(ProtocolId) & 0x0f
    },

    NdisAllocatePacket(Status: Out<number> | null, Packet: Out<number> | null, PoolHandle: number): void {
      const level = v.level
      if (k.cpu.irql > DISPATCH_LEVEL) rt.checkIrql('NdisAllocatePacket', false, 0)
      // Fast path: the pool last used, a static descriptor free, the allocation gate admits it.
      const pool = rt.lastPacketPool
      if (pool === null || pool.handle !== PoolHandle || pool.freeCount === 0 || level === VERIFIER_FULL) {
        allocatePacket(Status, Packet, PoolHandle, 'NdisAllocatePacket')
        return
      }
      if (!k.mayAllocate(ALLOC_PACKET)) {
        refuse(pool, Status, Packet, 'NdisAllocatePacket')
        return
      }
      const slot = pool.freeStack[--pool.freeCount]
      const off = pool.firstOffset + slot * pool.stride
      initDescriptor(pool, off)
      pool.state[slot] = DESC_ALLOCATED
      pool.site[slot] = cell[0]
      pool.generation[slot]++
      pool.allocations++
      if (++pool.inUse > pool.highWater) pool.highWater = pool.inUse
      if (typeof Status === 'object' && Status !== null) writeOutCell(Status, NDIS_STATUS_SUCCESS)
      if (typeof Packet === 'object' && Packet !== null) writeOutCell(Packet, off + KVA_BASE)
    },

    NdisDprAllocatePacket(Status: Out<number> | null, Packet: Out<number> | null, PoolHandle: number): void {
      dprIrql('NdisDprAllocatePacket', PoolHandle)
      allocatePacket(Status, Packet, PoolHandle, 'NdisDprAllocatePacket')
    },

    NdisDprAllocatePacketNonInterlocked(
      Status: Out<number> | null,
      Packet: Out<number> | null,
      PoolHandle: number,
    ): void {
      dprIrql('NdisDprAllocatePacketNonInterlocked', PoolHandle)
      allocatePacket(Status, Packet, PoolHandle, 'NdisDprAllocatePacketNonInterlocked')
    },

    NdisFreePacket(Packet: number): void {
      const level = v.level
      const cpu = k.cpu
      if (cpu.irql > DISPATCH_LEVEL) rt.checkIrql('NdisFreePacket', true, Packet)
      if (cpu.locks.length !== 0) rt.checkNoLock('NdisFreePacket')
      // Fast path: an allocated static descriptor of the pool last used, no chain, Private.Pool intact.
      const pool = rt.lastPacketPool
      if (
        pool !== null &&
        typeof Packet === 'number' &&
        Packet >= pool.first &&
        Packet < pool.end &&
        level !== VERIFIER_FULL
      ) {
        const d = Packet - pool.first
        const slot = (d * pool.strideInverse + 0.5) | 0
        const w = (Packet - KVA_BASE) >> 2
        const u32 = mem.u32
        if (
          slot * pool.stride === d &&
          pool.state[slot] === DESC_ALLOCATED &&
          u32[w + (PKT_HEAD >>> 2)] === 0 &&
          u32[w + (PKT_POOL >>> 2)] === pool.handle
        ) {
          pool.state[slot] = DESC_FREE
          pool.site[slot] = cell[0]
          pool.frees++
          pool.inUse--
          pool.freeStack[pool.freeCount++] = slot
          return
        }
      }
      freePacket(Packet, 'NdisFreePacket')
    },

    NdisDprFreePacket(Packet: number): void {
      dprIrql('NdisDprFreePacket', rt.locatePacket(Packet, found) ? found.pool.handle : 0, true)
      freePacket(Packet, 'NdisDprFreePacket')
    },

    NdisDprFreePacketNonInterlocked(Packet: number): void {
      dprIrql('NdisDprFreePacketNonInterlocked', rt.locatePacket(Packet, found) ? found.pool.handle : 0, true)
      freePacket(Packet, 'NdisDprFreePacketNonInterlocked')
    },

    /**
     * ndis5.md §1.2: Head = NULL, ValidCounts = FALSE (Tail is left stale, as the macro does). On Windows CE the
     * reserved areas are zeroed as well (the CE documentation); the desktop setting follows the header macro.
     */
    NdisReinitializePacket(Packet: number): void {
      if (!rt.usePacket('NdisReinitializePacket', Packet, found)) return
      const site = cell[0]
      const w = (Packet - KVA_BASE) >> 2
      const u32 = mem.u32
      if (u32[w + (PKT_HEAD >>> 2)] !== 0) dropChain(rt, Packet, site)
      u32[w + (PKT_HEAD >>> 2)] = 0
      mem.u8[Packet - KVA_BASE + PKT_VALID_COUNTS] = 0
      if (k.platform === 'ce') {
        const pool = found.pool
        const start = Packet - KVA_BASE + PKT_MINIPORT_RESERVED
        mem.u8.fill(0, start, Packet - KVA_BASE + pool.oobOffset)
      }
      if (v.level === VERIFIER_FULL) k.history.record(Packet, OWN_REINITIALIZED, site, k.clock.nowNs)
    },

    /** Private.Pool, read from the descriptor as NDIS does (ndis5.md §1.1). */
    NdisGetPoolFromPacket(Packet: number): number {
      if (!rt.locatePacket(Packet, found)) {
        rt.badHandle('NdisGetPoolFromPacket', Packet, KIND_PACKET)
        return 0
      }
      return mem.u32[(Packet - KVA_BASE + PKT_POOL) >> 2]
    },
  }
}
