// The NDIS library's state for one kernel: live packet and buffer pools, handle and descriptor resolution with
// the verifier's checks, descriptor initialisation, chain walks, ownership hooks, and the run-end leak scan.
import { scriptValueText, writeOutCell } from '../kernel/script-value'
import { DISPATCH_LEVEL as DISPATCH_LEVEL_ } from '../kernel/irql'
import { fmtVa, type Kernel } from '../kernel/kernel'
import { KVA_BASE as KVA_BASE_, SHADOW_FREED as SHADOW_FREED_ } from '../kernel/memory'
import { R14, R16, R22, R36, R37, R40, R9, R5 } from '../verifier/catalogue'
import { VERIFIER_OFF as VERIFIER_OFF_ } from '../verifier/level'
import { emulatorSubcode, type RuleDef } from '../verifier/rule'
import {
  BUF_ALLOCATED as BUF_ALLOCATED_,
  BUF_FREE as BUF_FREE_,
  BUF_LENT as BUF_LENT_,
  BufferPool,
} from './buffer-pool'
import { finishScan, reportLostBuffers } from './leak-scan'
import { markIndicated, markReturned } from './ownership'
import {
  MDL_BYTE_COUNT as MDL_BYTE_COUNT_,
  MDL_MAPPED_SYSTEM_VA as MDL_MAPPED_SYSTEM_VA_,
  MDL_NEXT as MDL_NEXT_,
  PKT_HEAD as PKT_HEAD_,
} from './layout'
import { DESC_ALLOCATED as DESC_ALLOCATED_, DESC_INDICATED as DESC_INDICATED_, PacketPool } from './packet-pool'

// Module-local copies of imported constants: transpiled to CommonJS, every imported binding is a getter call,
// which would cost more than the rest of a hot call.
const DISPATCH_LEVEL = DISPATCH_LEVEL_
const KVA_BASE = KVA_BASE_
const SHADOW_FREED = SHADOW_FREED_
const VERIFIER_OFF = VERIFIER_OFF_
const BUF_ALLOCATED = BUF_ALLOCATED_
const BUF_FREE = BUF_FREE_
const BUF_LENT = BUF_LENT_
const MDL_BYTE_COUNT = MDL_BYTE_COUNT_
const MDL_MAPPED_SYSTEM_VA = MDL_MAPPED_SYSTEM_VA_
const MDL_NEXT = MDL_NEXT_
const PKT_HEAD = PKT_HEAD_
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

/** Descriptor of a packet resolved from its address. */
export interface PacketRef {
  pool: PacketPool
  slot: number
}

const runtimes = new WeakMap<Kernel, NdisRuntime>()

/** The NDIS library state of a kernel (one per kernel). */
export function ndisRuntime(kernel: Kernel): NdisRuntime {
  let rt = runtimes.get(kernel)
  if (rt === undefined) {
    rt = new NdisRuntime(kernel)
    runtimes.set(kernel, rt)
  }
  return rt
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
  /** Result of the last packet resolution (avoids an object per call). */
  readonly ref: PacketRef = { pool: null as unknown as PacketPool, slot: -1 }
  /** Upper bound of any chain walk: a cyclic chain must not hang the host. */
  maxChain = 1

  constructor(readonly kernel: Kernel) {
    kernel.onFinish(() => finishScan(this))
  }

  // ---- common checks ----

  /** R9: allocation/free above DISPATCH_LEVEL (0xC4, P1 0x02 allocate / 0x12 free). */
  checkIrql(call: string, free: boolean, size: number): void {
    const irql = this.kernel.cpu.irql
    if (irql > DISPATCH_LEVEL) {
      this.kernel.verifier.report(
        R9,
        free ? 0x12 : 0x02,
        irql,
        0,
        size,
        call + ' at IRQL ' + irql + ' (must be <= DISPATCH_LEVEL)',
      )
    }
  }

  /** R14: a call whose documentation says to release spin locks first. */
  checkNoLock(call: string): void {
    const locks = this.kernel.cpu.locks
    if (locks.length !== 0) {
      const lock = locks[locks.length - 1]
      this.kernel.verifier.report(
        R14,
        emulatorSubcode('R14'),
        lock.id,
        locks.length,
        0,
        call + ' while holding a spin lock (release it first)',
        lock.acquiredSite,
      )
    }
  }

  /** R37: a ULONG argument that is not one. */
  badUlong(call: string, argument: number, value: unknown): void {
    if (this.kernel.verifier.level !== VERIFIER_OFF) {
      this.kernel.verifier.report(
        R37,
        emulatorSubcode('R37'),
        argument,
        0,
        0,
        call + ': argument ' + argument + ' (' + scriptValueText(value) + ') is not a ULONG',
      )
    }
  }

  /** R36, or R16 when the value points into freed memory (e.g. a packet of a freed pool). */
  badHandle(call: string, value: unknown, kind: number, rule: RuleDef = R36, detail = ''): void {
    const k = this.kernel
    if (k.verifier.level === VERIFIER_OFF) return
    const n = typeof value === 'number' ? value : NaN
    const freed = k.memory.shadowOf(n) === SHADOW_FREED
    // A descriptor in freed memory is a use after free (R16, e.g. a packet of a freed pool); a freed pool's handle
    // is only a stale handle.
    if (rule === R36 && freed && (kind === KIND_PACKET || kind === KIND_BUFFER)) {
      k.verifier.report(
        R16,
        n,
        k.cpu.irql,
        0,
        0,
        call + ': ' + KIND_NAMES[kind] + ' ' + fmtVa(n) + ' lies in freed memory',
      )
      return
    }
    const text = detail !== '' ? detail : freed ? 'is a freed ' + KIND_NAMES[kind] : 'is not a live ' + KIND_NAMES[kind]
    k.verifier.report(
      rule,
      emulatorSubcode(rule.id),
      n,
      rule === R36 ? kind : 0,
      0,
      call + ': ' + fmtVaOr(value) + ' ' + text,
    )
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

  /** Pool and slot of a packet address into `this.ref`; false when it is no descriptor of a live pool. */
  locatePacket(va: unknown): boolean {
    if (typeof va !== 'number') return false
    const ref = this.ref
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
  usePacket(call: string, va: unknown): boolean {
    if (!this.locatePacket(va)) {
      this.badHandle(call, va, KIND_PACKET)
      return false
    }
    const { pool, slot } = this.ref
    const st = pool.state[slot]
    if (st === DESC_ALLOCATED) return true
    const k = this.kernel
    if (k.verifier.level !== VERIFIER_OFF) {
      if (st === DESC_INDICATED) {
        k.verifier.report(
          R22,
          emulatorSubcode('R22'),
          va as number,
          st,
          0,
          call + ': packet ' + fmtVa(va as number) + ' is owned by the protocol until MiniportReturnPacket',
          pool.site[slot],
        )
      } else {
        k.verifier.report(
          R36,
          emulatorSubcode('R36'),
          va as number,
          KIND_PACKET,
          0,
          call + ': packet ' + fmtVa(va as number) + ' is free (used after NdisFreePacket)',
          pool.site[slot],
        )
      }
    }
    return false
  }

  /** R5 check for the free calls: true when the packet may be returned to its pool. */
  freeablePacket(call: string, va: unknown): boolean {
    const k = this.kernel
    if (!this.locatePacket(va)) {
      if (k.verifier.level === VERIFIER_OFF) return false
      const n = typeof va === 'number' ? va : NaN
      if (k.memory.shadowOf(n) === SHADOW_FREED) this.badHandle(call, va, KIND_PACKET)
      else
        k.verifier.report(
          R5,
          emulatorSubcode('R5'),
          n,
          0,
          0,
          call + ': ' + fmtVaOr(va) + ' is not a packet from any NDIS packet pool',
        )
      return false
    }
    const { pool, slot } = this.ref
    const st = pool.state[slot]
    if (st === DESC_ALLOCATED) {
      if (k.verifier.level !== VERIFIER_OFF && k.memory.u32[((va as number) - KVA_BASE + 0x10) >> 2] !== pool.handle) {
        k.verifier.report(
          R5,
          emulatorSubcode('R5'),
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
    if (k.verifier.level !== VERIFIER_OFF) {
      if (st === DESC_INDICATED) {
        k.verifier.report(
          R22,
          emulatorSubcode('R22'),
          va as number,
          st,
          0,
          call + ': packet ' + fmtVa(va as number) + ' is owned by the protocol until MiniportReturnPacket',
          pool.site[slot],
        )
      } else {
        k.verifier.report(
          R5,
          emulatorSubcode('R5'),
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

  bufSlot = -1

  /** Resolves a buffer the driver uses: its pool (slot in `bufSlot`), or null after a finding. */
  useBuffer(call: string, va: unknown): BufferPool | null {
    const pool = this.locateBuffer(va)
    const slot = pool === null ? -1 : pool.slotOf(va as number)
    if (pool === null || slot < 0) {
      this.badHandle(call, va, KIND_BUFFER)
      return null
    }
    const st = pool.state[slot]
    this.bufSlot = slot
    if (st === BUF_ALLOCATED) {
      pool.lost[slot] = 0
      return pool
    }
    const k = this.kernel
    if (k.verifier.level !== VERIFIER_OFF) {
      if (st === BUF_LENT) {
        k.verifier.report(
          R22,
          emulatorSubcode('R22'),
          va as number,
          st,
          0,
          call + ': buffer ' + fmtVa(va as number) + ' belongs to a packet the protocol owns',
          pool.site[slot],
        )
      } else if (st === BUF_FREE) {
        k.verifier.report(
          R36,
          emulatorSubcode('R36'),
          va as number,
          KIND_BUFFER,
          0,
          call + ': buffer ' + fmtVa(va as number) + ' is free (used after NdisFreeBuffer)',
          pool.site[slot],
        )
      }
    }
    return null
  }

  /** Buffer pool and slot of a chained buffer met during a walk (no finding): slot in `bufSlot`. */
  chainedBuffer(va: number): BufferPool | null {
    const pool = this.locateBuffer(va)
    if (pool === null) return null
    const slot = pool.slotOf(va)
    if (slot < 0 || pool.state[slot] === BUF_FREE) return null
    this.bufSlot = slot
    return pool
  }

  /** Reports a broken chain (R40: cycle, foreign or freed descriptor in a chain). */
  brokenChain(call: string, packet: number, buffer: number, why: string): void {
    if (this.kernel.verifier.level !== VERIFIER_OFF) {
      this.kernel.verifier.report(
        R40,
        emulatorSubcode('R40'),
        packet,
        buffer,
        0,
        call + ': buffer chain of ' + fmtVa(packet) + ' ' + why + ' at ' + fmtVa(buffer),
      )
    }
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

  // ---- ownership hooks for the receive path (ndis5.md §3) ----

  /**
   * The receive path calls this when it lends a packet to the protocol (indicated, status left SUCCESS): the packet
   * and its buffers become protocol-owned, and touching them is R22 until markReturned. Checks R21, R31 and R3.
   */
  markIndicated(packet: number, packetArray = 0): boolean {
    return markIndicated(this, packet, packetArray)
  }

  /** The receive path calls this before MiniportReturnPacket (or when the indication did not pend the packet). */
  markReturned(packet: number): boolean {
    return markReturned(this, packet)
  }

  /** True while the protocol owns the packet. */
  isIndicated(packet: number): boolean {
    return this.locatePacket(packet) && this.ref.pool.state[this.ref.slot] === DESC_INDICATED
  }

  /**
   * R6: the chain of a packet being freed or reinitialised is dropped. Its buffers are marked lost at this line;
   * any later call naming one of them shows the driver kept the pointer. Those still lost at the end are reported.
   */
  dropChain(packet: number, site: number): void {
    let b = this.rd(packet + PKT_HEAD)
    for (let n = 0; b !== 0 && n < this.maxChain; n++) {
      const bp = this.chainedBuffer(b)
      if (bp === null) return
      bp.chainedTo[this.bufSlot] = 0
      bp.lost[this.bufSlot] = 1
      bp.lostSite[this.bufSlot] = site
      b = this.rd(b + MDL_NEXT)
    }
  }

  // ---- end of run ----

  /** R6 for the lost buffers of a pool (run end, or NdisFreeBufferPool, after which they cannot be recovered). */
  reportLostBuffers(bp: BufferPool): void {
    reportLostBuffers(this, bp)
  }
}

function fmtVaOr(value: unknown): string {
  return typeof value === 'number' ? fmtVa(value) : scriptValueText(value)
}
