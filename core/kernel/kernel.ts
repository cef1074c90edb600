// One emulated kernel per run: non-paged memory, processors and their IRQL, the verifier, the allocation gate used by
// low-resources simulation, call sites and the clock. Pure and deterministic; tests drive it directly.
import type { AllocationGate, AllocKind } from '../verifier/alloc-kind'
import { OwnershipHistory } from '../verifier/ownership-history'
import { R16, R20, R47, R48 } from '../verifier/catalogue'
import type { Finding } from '../verifier/finding'
import { VERIFIER_OFF, verifierLevel, type VerifierLevelName } from '../verifier/level'
import { Verifier } from '../verifier/verifier'
import { CallSites } from '../verifier/call-site'
import type { Clock } from '../sim/clock'
import { ManualClock } from '../sim/manual-clock'
import { DriverObjects } from './driver-objects'
import { DIRQL, DISPATCH_LEVEL, PASSIVE_LEVEL, Processor } from './irql'
import {
  GRANULE,
  KVA_BASE,
  NonPagedMemory,
  SHADOW_GUARD,
  SHADOW_LIVE,
  SHADOW_PARTIAL,
  type GuardPlacement,
} from './memory'
import { checkLocksReleased } from './spin-locks'
import { scriptValueText } from '../verifier/script-value'
import { OWN_REALM, type ScriptRealm } from './script-realm'

/** Where Windows CE and desktop NDIS differ (ndis5.md §6), which one the run follows. */
export type Platform = 'ce' | 'desktop'

export interface KernelOptions {
  /** Size of the non-paged arena in bytes (default 32 MiB). */
  readonly memoryBytes?: number
  readonly processors?: number
  readonly platform?: Platform
  readonly verifier?: VerifierLevelName
  readonly clock?: Clock
  readonly sites?: CallSites
  /** Entries kept by the ownership history (verifier level full). */
  readonly historyCapacity?: number
  /** Where the special pool puts its guards (default 16-byte zones on both sides of every block). */
  readonly specialPool?: GuardPlacement
  /** The script's realm, for the arrays and views handed to it (default: the engine's own). */
  readonly realm?: ScriptRealm
}

const admitAll = (): boolean => true

export class Kernel {
  readonly sites: CallSites
  readonly clock: Clock
  readonly memory: NonPagedMemory
  readonly verifier: Verifier
  readonly processors: Processor[]
  /** The processor the current code runs on. */
  cpu: Processor
  readonly platform: Platform
  readonly history: OwnershipHistory
  /** Addresses of the NDIS structures the script made with `new`. */
  readonly objects = new DriverObjects()
  readonly dirql = DIRQL
  /** Constructors of the script's realm: every array or view handed to the script is made with them. */
  readonly realm: ScriptRealm
  /**
   * The allocation gate: every NDIS allocation that can fail for lack of resources asks it first. Low-resources
   * simulation replaces it (core/verifier/low-resources.ts); the default admits everything.
   */
  admit: AllocationGate = admitAll

  /**
   * Asks the gate for one allocation of `kind`. Only the driver's own calls (a script call site is current) are
   * subject to it: NDIS's and the bound protocol's allocations run at site 0 and are never failed, as Driver
   * Verifier's low-resources simulation fails only the verified driver.
   */
  mayAllocate(kind: AllocKind): boolean {
    return this.sites.cell[0] === 0 || this.admit(kind)
  }
  private readonly finishers: (() => void)[] = []
  private finished = false

  constructor(options: KernelOptions = {}) {
    this.sites = options.sites ?? new CallSites()
    this.clock = options.clock ?? new ManualClock()
    this.memory = new NonPagedMemory(options.memoryBytes ?? 32 * 1024 * 1024, options.specialPool)
    this.verifier = new Verifier(this.sites, this.clock)
    this.verifier.level = verifierLevel(options.verifier ?? 'standard')
    const n = Math.max(1, Math.floor(options.processors ?? 1))
    this.processors = Array.from({ length: n }, (_, i) => new Processor(i))
    this.cpu = this.processors[0]
    this.platform = options.platform ?? 'ce'
    this.history = new OwnershipHistory(options.historyCapacity ?? 4096)
    this.realm = options.realm ?? OWN_REALM
  }

  get irql(): number {
    return this.cpu.irql
  }

  /** KeRaiseIrql as the scheduler uses it for DPCs (DISPATCH_LEVEL) and ISRs (DIRQL); returns the old IRQL. */
  raiseIrql(level: number): number {
    const old = this.cpu.irql
    this.cpu.irql = level
    return old
  }

  lowerIrql(level: number): void {
    this.cpu.irql = level
  }

  /** Runs `fn` at `level` on the current processor and restores the IRQL afterwards (handlers, DPCs, ISRs). */
  runAt<T>(level: number, fn: () => T): T {
    const old = this.raiseIrql(level)
    try {
      return fn()
    } finally {
      this.cpu.irql = old
    }
  }

  selectProcessor(n: number): void {
    this.cpu = this.processors[n] ?? this.cpu
  }

  /** Number of spin locks held on the current processor. */
  get locksHeld(): number {
    return this.cpu.locks.length
  }

  // ---- memory access (script-api.md: MmRead/MmWrite/MmView); ndis5.md §4 R16 ----

  /**
   * Checks that [va, va+length) may be touched: a finding (a bug check) when not. Memory that is not mapped at all is
   * R16 at any level; with the verifier, freed or never-allocated memory is R16 and a guard or a block's slack (an
   * overrun, special pool) is R47. Short accesses touch at most two granules, so their first and last byte tell.
   */
  checkAccess(va: number, length: number, write: number): boolean {
    const m = this.memory
    if (!m.inArena(va, length)) {
      // Not mapped at all: a page fault in any kernel, verifier or not (R16's withoutVerifier).
      this.accessFault(va, write)
      return false
    }
    if (this.verifier.level === VERIFIER_OFF) return true
    const off = va - KVA_BASE
    if (length <= GRANULE) {
      if (m.byteLive(off) && (length <= 1 || m.byteLive(off + length - 1))) return true
    } else if (m.firstDead(off, length) < 0) return true
    this.deadAccess(KVA_BASE + m.firstDead(off, Math.max(length, 1)), write)
    return false
  }

  /** A verifier finding for an access that reached a byte that is not live: an overrun (R47) or use after free (R16). */
  private deadAccess(va: number, write: number): void {
    const m = this.memory
    const state = m.shadowOf(va)
    if (state === SHADOW_GUARD || state > SHADOW_PARTIAL) {
      const block = m.allocationAround(va)
      const where =
        block === undefined
          ? ''
          : va >= block.va
            ? `: ${va - block.va - block.requested + 1} byte(s) past the end of the ${block.requested}-byte block at ${fmtVa(block.va)}`
            : `: ${block.va - va} byte(s) before the start of the ${block.requested}-byte block at ${fmtVa(block.va)}`
      this.verifier.reportValue(
        R47,
        0,
        va,
        write,
        0,
        0,
        (write ? 'write to ' : 'read of ') + fmtVa(va) + where,
        block?.site ?? 0,
      )
      return
    }
    this.accessFault(va, write)
  }

  /**
   * R48: the controller's DMA reached [va, va+length), which is not all live memory (no finding when it is, and none
   * without the verifier). Device context: no script line; the finding names the block it ran out of.
   */
  checkDma(va: number, length: number, write: number, pa: number): void {
    const m = this.memory
    if (this.verifier.level === VERIFIER_OFF || length <= 0) return
    const inArena = m.inArena(va, length)
    const dead = inArena ? m.firstDead(va - KVA_BASE, length) : 0
    if (inArena && dead < 0) return
    const at = inArena ? KVA_BASE + dead : va
    const block = m.allocationAround(at)
    const what = write ? 'wrote' : 'read'
    const where =
      block === undefined
        ? `${fmtVa(at)} is not live memory`
        : `${fmtVa(at)} is past the end of the ${block.requested}-byte block at ${fmtVa(block.va)}`
    this.verifier.reportAt(
      R48,
      0,
      pa,
      length,
      write,
      `the controller ${what} ${length} bytes at physical address ${fmtVa(pa)}: ${where}`,
      block?.site ?? 0,
    )
  }

  /** R16: 0xD1 at DISPATCH_LEVEL or above, 0x50 below (the faulting access of a script has no instruction address). */
  accessFault(va: number, write: number, message = ''): void {
    const irql = this.cpu.irql
    const text = message !== '' ? message : this.faultText(va, write)
    if (irql >= DISPATCH_LEVEL) this.verifier.reportValue(R16, 0, va, irql, write, 0, text)
    else this.verifier.reportValue(R16, 1, va, write, 0, 0, text)
  }

  private faultText(va: number, write: number): string {
    const state = this.memory.shadowOf(va)
    const what =
      state === -1 || Number.isNaN(va)
        ? 'outside non-paged memory'
        : state === SHADOW_LIVE
          ? 'partly outside its allocation'
          : state === 0
            ? 'unallocated memory'
            : 'freed memory'
    return (write ? 'write to ' : 'read of ') + fmtVa(va) + ': ' + what
  }

  // Each access first tries the common case — aligned, inside one live granule — with one shadow read; anything else
  // takes the full check (the same answer, with its finding). Structure fields and lists are made of these.
  read8(va: number): number {
    const off = typeof va === 'number' ? va - KVA_BASE : NaN
    if (off >>> 0 === off && off < this.memory.size && this.memory.byteLive(off)) return this.memory.u8[off]!
    return this.checkAccess(va, 1, 0) ? this.memory.u8[off]! : 0
  }

  read16(va: number): number {
    const off = typeof va === 'number' ? va - KVA_BASE : NaN
    if ((off & 1) === 0 && off >>> 0 === off && off < this.memory.size && this.memory.byteLive(off + 1))
      return this.memory.u16[off >>> 1]!
    return this.checkAccess(va, 2, 0) ? this.memory.view.getUint16(off, true) : 0
  }

  read32(va: number): number {
    const off = typeof va === 'number' ? va - KVA_BASE : NaN
    if ((off & 3) === 0 && off >>> 0 === off && off < this.memory.size && this.memory.byteLive(off + 3))
      return this.memory.u32[off >>> 2]!
    return this.checkAccess(va, 4, 0) ? this.memory.view.getUint32(off, true) : 0
  }

  // Values are stored as C stores them (truncated to the width); a value that is not a number stores 0.
  write8(va: number, value: number): void {
    if (this.checkAccess(va, 1, 1)) this.memory.u8[va - KVA_BASE] = typeof value === 'number' ? value : 0
  }

  write16(va: number, value: number): void {
    if (this.checkAccess(va, 2, 1))
      this.memory.view.setUint16(va - KVA_BASE, typeof value === 'number' ? value : 0, true)
  }

  write32(va: number, value: number): void {
    const off = typeof va === 'number' ? va - KVA_BASE : NaN
    const v = typeof value === 'number' ? value >>> 0 : 0
    if ((off & 3) === 0 && off >>> 0 === off && off < this.memory.size && this.memory.byteLive(off + 3))
      this.memory.u32[off >>> 2] = v
    else if (this.checkAccess(va, 4, 1)) this.memory.view.setUint32(off, v, true)
  }

  /**
   * The NDIS object (lock, timer, event, interrupt) a script passes by address: the one NDIS keeps for that address,
   * or a new one of `type` for storage of its C size in live memory (a field of the driver's adapter block,
   * docs/structures.md). Anything else comes back as it was, for the caller's own argument check; memory that may not
   * be touched is a finding here.
   */
  embedded<T extends { address: number }>(value: unknown, type: new () => T, size: number): unknown {
    if (typeof value !== 'number') return value
    const known = this.objects.objectAt(value)
    if (known instanceof type) return known
    if (!this.checkAccess(value, size, 1)) return value
    const made = new type()
    made.address = value
    this.objects.place(made, value)
    return made
  }

  /** Copies `length` bytes inside the arena (C struct assignment), both ranges checked first. */
  copy(destination: number, source: number, length: number): void {
    if (!this.checkAccess(source, length, 0) || !this.checkAccess(destination, length, 1)) return
    const u8 = this.memory.u8
    u8.copyWithin(destination - KVA_BASE, source - KVA_BASE, source - KVA_BASE + length)
  }

  /** A live view of arena bytes; an empty array when the range may not be touched. */
  view(va: number, length: number): Uint8Array {
    if (!this.checkAccess(va, length, 1)) return new this.realm.Uint8Array(0)
    const u8 = this.memory.u8
    return new this.realm.Uint8Array(u8.buffer, u8.byteOffset + va - KVA_BASE, length)
  }

  // ---- end of run ----

  /** Registers a check to run at the end of the run (leak scans of the NDIS library and others). */
  onFinish(fn: () => void): void {
    this.finishers.push(fn)
  }

  /**
   * Ends the run: every registered scan reports what is still outstanding (lost chains R6, packets, pools, buffers),
   * then memory blocks still allocated are reported (R20), grouped by allocating line. Returns all findings.
   */
  finish(): readonly Finding[] {
    if (this.finished) return this.verifier.findings
    this.finished = true
    // Locks held when a bug check stopped the run are its consequence, not a finding of their own.
    if (!this.verifier.findings.some((f) => f.bugCheck)) {
      const current = this.cpu
      for (const p of this.processors) {
        this.cpu = p
        checkLocksReleased(this, 'at the end of the run')
      }
      this.cpu = current
    }
    for (const fn of this.finishers) fn()
    const bySite = new Map<number, { bytes: number; count: number; first: number }>()
    for (const a of this.memory.live.values()) {
      if (a.kind !== 'memory' && a.kind !== 'shared') continue
      const g = bySite.get(a.site) ?? { bytes: 0, count: 0, first: a.va }
      g.bytes += a.requested
      g.count++
      bySite.set(a.site, g)
    }
    for (const [site, g] of bySite) {
      this.verifier.reportAt(
        R20,
        site,
        0,
        g.bytes,
        g.count,
        g.count +
          ' memory block(s), ' +
          g.bytes +
          ' bytes, still allocated at the end of the run (first at ' +
          fmtVa(g.first) +
          ')',
        site,
      )
    }
    return this.verifier.findings
  }

  resetIrql(): void {
    for (const p of this.processors) p.irql = PASSIVE_LEVEL
  }
}

export function fmtVa(va: number): string {
  if (typeof va !== 'number' || !Number.isFinite(va)) return scriptValueText(va)
  return '0x' + (va >>> 0).toString(16).toUpperCase().padStart(8, '0')
}
