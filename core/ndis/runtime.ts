// The NDIS library's state for one kernel: its live packet and buffer pools, and the resolution of the handles and
// descriptor addresses a script passes, with the verifier's checks. Lookups answer through a ref the caller owns
// (PacketRef, BufferRef): no hidden result fields, no object per call. Chain walks are ChainCursor's (chain-cursor.ts),
// the ownership hooks ownership.ts's, the run-end scan leak-scan.ts's; `ndisRuntime(kernel)` (instance.ts) wires them.
import { writeOutCell } from '../verifier/script-value'
import { fmtVa, type Kernel } from '../kernel/kernel'
import { KVA_BASE as KVA_BASE_, SHADOW_FREED as SHADOW_FREED_ } from '../kernel/memory'
import { lockAddress } from '../kernel/spin-locks'
import {
  notAnObject,
  notAUlong,
  R22,
  R36,
  R40,
  R5,
  requireAtMostDispatch,
  requireNoLockHeld,
} from '../verifier/catalogue'
import { valueText } from '../verifier/value-text'
import type { RuleDef } from '../verifier/rule'
import {
  BUF_ALLOCATED as BUF_ALLOCATED_,
  BUF_FREE as BUF_FREE_,
  BUF_LENT as BUF_LENT_,
  BufferPool,
} from './buffer-pool'
import {
  MDL_BYTE_COUNT as MDL_BYTE_COUNT_,
  MDL_MAPPED_SYSTEM_VA as MDL_MAPPED_SYSTEM_VA_,
  PKT_POOL as PKT_POOL_,
} from './layout'
import { DESC_ALLOCATED as DESC_ALLOCATED_, DESC_INDICATED as DESC_INDICATED_, PacketPool } from './packet-pool'

// Module-local copies of imported constants: transpiled to CommonJS, every imported binding is a getter call,
// which would cost more than the rest of a hot call.
const KVA_BASE = KVA_BASE_
const SHADOW_FREED = SHADOW_FREED_
const BUF_ALLOCATED = BUF_ALLOCATED_
const BUF_FREE = BUF_FREE_
const BUF_LENT = BUF_LENT_
const MDL_BYTE_COUNT = MDL_BYTE_COUNT_
const MDL_MAPPED_SYSTEM_VA = MDL_MAPPED_SYSTEM_VA_
const PKT_POOL = PKT_POOL_
const DESC_ALLOCATED = DESC_ALLOCATED_
const DESC_INDICATED = DESC_INDICATED_

export const KIND_PACKET_POOL = 1
export const KIND_PACKET = 2
export const KIND_BUFFER_POOL = 3
export const KIND_BUFFER = 4
const KIND_NAMES = ['', 'packet pool', 'packet', 'buffer pool', 'buffer']

/** An Out<T> cell (script-api.md): any object with a `value`. */
export interface Out<T> {
  value: T
}

/** Writes an out argument when the script passed a cell (NULL or a non-object is skipped, never a host exception). */
export function put<T>(out: Out<T> | null | undefined, value: T): void {
  if (typeof out === 'object' && out !== null) writeOutCell(out, value)
}

/** A script value as a 32-bit unsigned C value: numbers wrap as C converts them, anything else is 0. */
export function toUlong(x: unknown): number {
  return typeof x === 'number' ? x >>> 0 : 0
}

/** True for a C ULONG: a whole number in [0, 0xFFFFFFFF]. */
export function isUlong(n: unknown): n is number {
  return typeof n === 'number' && n >>> 0 === n
}

/** A packet descriptor resolved from its address: its pool and slot (the caller owns one and reuses it). */
export class PacketRef {
  pool: PacketPool = null as unknown as PacketPool
  slot = -1
}

/** A buffer descriptor (MDL) resolved from its address. */
export class BufferRef {
  pool: BufferPool = null as unknown as BufferPool
  slot = -1
}

export class NdisRuntime {
  readonly packetPools: PacketPool[] = []
  readonly bufferPools: BufferPool[] = []
  /** Every pool the run created, freed ones included (`alive` false), in creation order: reports and views list them. */
  readonly packetPoolHistory: PacketPool[] = []
  readonly bufferPoolHistory: BufferPool[] = []
  lastPacketPool: PacketPool | null = null
  lastBufferPool: BufferPool | null = null
  /** Overflow descriptors live in system memory outside their pool's block. */
  readonly overflowOwner = new Map<number, PacketPool>()
  systemBufferPool: BufferPool | null = null
  /** Capacity of the pool behind NULL buffer-pool handles. */
  systemBufferPoolSize = 4096
  /** At most this many descriptors for each pool the driver creates (0: as asked); set by `nicbench advise`. */
  packetPoolCap = 0
  bufferPoolCap = 0
  /** For the checks whose caller needs no result. */
  private readonly scratchPacket = new PacketRef()
  private readonly scratchBuffer = new BufferRef()
  /** Upper bound of any chain walk: a cyclic chain must not hang the host. */
  maxChain = 1
  /**
   * The miniport said NDIS_ATTRIBUTE_DESERIALIZE: NDIS does not set the status of the packets it indicates, so
   * reading one the protocol still holds means nothing (R59; ReactOS ndis/miniport.c MiniIndicateReceivePacket).
   */
  deserializedReceives = false

  constructor(readonly kernel: Kernel) {}

  // ---- common checks ----

  /** R9: allocation/free above DISPATCH_LEVEL (0xC4, P1 0x02 allocate / 0x12 free). */
  checkIrql(call: string, free: boolean, size: number): void {
    requireAtMostDispatch(this.kernel.verifier, this.kernel.cpu.irql, call, free, size)
  }

  /** R14: a call whose documentation says to release spin locks first. */
  checkNoLock(call: string): void {
    const k = this.kernel
    const locks = k.cpu.locks
    if (locks.length === 0) return
    const lock = locks[locks.length - 1]
    requireNoLockHeld(k.verifier, locks.length, lockAddress(k, lock), lock.acquiredSite, call)
  }

  /** R37: a ULONG argument that is not one. */
  badUlong(call: string, argument: number, value: unknown): void {
    notAUlong(this.kernel.verifier, call, argument, value)
  }

  /** R36, or R16 when the value points into freed memory (e.g. a packet of a freed pool). */
  badHandle(call: string, value: unknown, kind: number, rule: RuleDef = R36, detail = ''): void {
    const k = this.kernel
    const v = k.verifier
    if (!v.checks(rule)) return
    const n = typeof value === 'number' ? value : NaN
    const freed = k.memory.shadowOf(n) === SHADOW_FREED
    // A descriptor in freed memory is a use after free (R16, e.g. a packet of a freed pool); a freed pool's handle
    // is only a stale handle.
    if (rule === R36 && freed && (kind === KIND_PACKET || kind === KIND_BUFFER)) {
      k.accessFault(n, 0, call + ': ' + KIND_NAMES[kind] + ' ' + fmtVa(n) + ' lies in freed memory')
      return
    }
    const text = detail !== '' ? detail : freed ? 'is a freed ' + KIND_NAMES[kind] : 'is not a live ' + KIND_NAMES[kind]
    if (rule === R36) notAnObject(v, call, value, kind, text)
    else v.report(rule, n, 0, 0, call + ': ' + valueText(value) + ' ' + text)
  }

  // ---- packet pools and packets ----

  findPacketPool(handle: unknown): PacketPool | null {
    const last = this.lastPacketPool
    if (last !== null && last.handle === handle) return last
    for (const p of this.packetPools) {
      if (p.handle === handle) {
        this.lastPacketPool = p
        return p
      }
    }
    return null
  }

  /** Pool and slot of a packet address into `ref`; false when it is no descriptor of a live pool. */
  locatePacket(va: unknown, ref: PacketRef): boolean {
    if (typeof va !== 'number') return false
    const last = this.lastPacketPool
    if (last !== null && va >= last.first && va < last.end) {
      const slot = last.staticSlot(va)
      if (slot < 0) return false
      ref.pool = last
      ref.slot = slot
      return true
    }
    for (const p of this.packetPools) {
      if (va >= p.first && va < p.end) {
        const slot = p.staticSlot(va)
        if (slot < 0) return false
        ref.pool = p
        ref.slot = slot
        this.lastPacketPool = p
        return true
      }
    }
    const owner = this.overflowOwner.get(va)
    if (owner !== undefined) {
      ref.pool = owner
      ref.slot = owner.slotOf(va)
      return ref.slot >= 0
    }
    return false
  }

  /**
   * Resolves a packet the driver is about to use (not free): true when it is allocated and owned by the driver.
   * Reports R36 / R16 for a bad address, R36 for a free descriptor and R22 for one the protocol owns.
   */
  usePacket(call: string, va: unknown, ref: PacketRef = this.scratchPacket): boolean {
    if (!this.locatePacket(va, ref)) {
      this.badHandle(call, va, KIND_PACKET)
      return false
    }
    const { pool, slot } = ref
    const st = pool.state[slot]
    if (st === DESC_ALLOCATED) return true
    const k = this.kernel
    if (st === DESC_INDICATED) {
      k.verifier.report(
        R22,
        va as number,
        st,
        0,
        call + ': packet ' + fmtVa(va as number) + ' is owned by the protocol until MiniportReturnPacket',
        pool.site[slot],
      )
    } else {
      k.verifier.report(
        R36,
        va as number,
        KIND_PACKET,
        0,
        call + ': packet ' + fmtVa(va as number) + ' is free (used after NdisFreePacket)',
        pool.site[slot],
      )
    }
    return false
  }

  /** R5 check for the free calls: true when the packet may be returned to its pool. */
  freeablePacket(call: string, va: unknown, ref: PacketRef): boolean {
    const k = this.kernel
    if (!this.locatePacket(va, ref)) {
      const n = typeof va === 'number' ? va : NaN
      if (k.memory.shadowOf(n) === SHADOW_FREED) this.badHandle(call, va, KIND_PACKET)
      else k.verifier.report(R5, n, 0, 0, call + ': ' + valueText(va) + ' is not a packet from any NDIS packet pool')
      return false
    }
    const { pool, slot } = ref
    const st = pool.state[slot]
    if (st === DESC_ALLOCATED) {
      if (k.verifier.checks(R5) && k.memory.u32[((va as number) - KVA_BASE + PKT_POOL) >> 2] !== pool.handle) {
        k.verifier.report(
          R5,
          va as number,
          pool.handle,
          st,
          call +
            ': Private.Pool of ' +
            fmtVa(va as number) +
            ' no longer names its pool (foreign or overwritten descriptor)',
          pool.site[slot],
        )
        return false
      }
      return true
    }
    if (st === DESC_INDICATED) {
      k.verifier.report(
        R22,
        va as number,
        st,
        0,
        call + ': packet ' + fmtVa(va as number) + ' is owned by the protocol until MiniportReturnPacket',
        pool.site[slot],
      )
    } else {
      k.verifier.report(
        R5,
        va as number,
        pool.handle,
        st,
        call +
          ': packet ' +
          fmtVa(va as number) +
          ' is already free (double free; last freed at ' +
          k.sites.format(pool.site[slot]) +
          ')',
        // The slot's site is the line that freed it, not one that allocated anything: named in the message only.
        0,
      )
    }
    return false
  }

  // ---- buffer pools and buffers ----

  findBufferPool(handle: unknown): BufferPool | null {
    const last = this.lastBufferPool
    if (last !== null && last.handle === handle) return last
    for (const p of this.bufferPools) {
      if (p.handle === handle) {
        this.lastBufferPool = p
        return p
      }
    }
    return null
  }

  /** Buffer pool and slot of a buffer address; slot -1 when none. */
  locateBuffer(va: unknown): BufferPool | null {
    if (typeof va !== 'number') return null
    const last = this.lastBufferPool
    if (last !== null && va >= last.first && va < last.end) return last
    for (const p of this.bufferPools) {
      if (va >= p.first && va < p.end) {
        this.lastBufferPool = p
        return p
      }
    }
    return null
  }

  /** Resolves a buffer the driver uses into `ref`: false after a finding (not a buffer, free, or the protocol's). */
  useBuffer(call: string, va: unknown, ref: BufferRef = this.scratchBuffer): boolean {
    const pool = this.locateBuffer(va)
    const slot = pool === null ? -1 : pool.slotOf(va as number)
    if (pool === null || slot < 0) {
      this.badHandle(call, va, KIND_BUFFER)
      return false
    }
    ref.pool = pool
    ref.slot = slot
    const st = pool.state[slot]
    if (st === BUF_ALLOCATED) {
      pool.lost[slot] = 0
      return true
    }
    const k = this.kernel
    if (st === BUF_LENT) {
      k.verifier.report(
        R22,
        va as number,
        st,
        0,
        call + ': buffer ' + fmtVa(va as number) + ' belongs to a packet the protocol owns',
        pool.site[slot],
      )
    } else if (st === BUF_FREE) {
      k.verifier.report(
        R36,
        va as number,
        KIND_BUFFER,
        0,
        call + ': buffer ' + fmtVa(va as number) + ' is free (used after NdisFreeBuffer)',
        pool.site[slot],
      )
    }
    return false
  }

  /** Reports a broken chain (R40: cycle, foreign or freed descriptor in a chain). */
  brokenChain(call: string, packet: number, buffer: number, why: string): void {
    this.kernel.verifier.report(
      R40,
      packet,
      buffer,
      0,
      call + ': buffer chain of ' + fmtVa(packet) + ' ' + why + ' at ' + fmtVa(buffer),
    )
  }

  /** Reads a 32-bit field of a descriptor already validated (always in the arena). */
  rd(va: number): number {
    return this.kernel.memory.u32[(va - KVA_BASE) >> 2]
  }

  wr(va: number, value: number): void {
    this.kernel.memory.u32[(va - KVA_BASE) >> 2] = value
  }

  /** MappedSystemVa and ByteCount of a validated MDL. */
  bufferVa(mdl: number): number {
    return this.rd(mdl + MDL_MAPPED_SYSTEM_VA)
  }

  bufferLength(mdl: number): number {
    return this.rd(mdl + MDL_BYTE_COUNT)
  }
}
