// One emulated kernel per run: non-paged memory, processors and their IRQL, the verifier, the allocation gate used by
// low-resources simulation, call sites and the clock. Pure and deterministic; tests drive it directly.
import { OwnershipHistory } from '../verifier/ownership-history'
import { R16, R20 } from '../verifier/catalogue'
import type { Finding } from '../verifier/finding'
import { VERIFIER_FULL, VERIFIER_OFF, verifierLevel, type VerifierLevelName } from '../verifier/level'
import { Verifier } from '../verifier/verifier'
import { CallSites } from './call-site'
import { ManualClock, type Clock } from './clock'
import { DIRQL, PASSIVE_LEVEL, Processor } from './irql'
import { GRANULE_SHIFT, KVA_BASE, NonPagedMemory, SHADOW_LIVE } from './memory'
import { checkLocksReleased } from './spin-locks'
import { scriptValueText } from './script-value'

/** Which allocations the low-resources simulation can fail (ndis5.md §1.2, §1.3, §1.9). */
export const ALLOC_PACKET = 0
export const ALLOC_BUFFER = 1
export const ALLOC_MEMORY = 2
export const ALLOC_SHARED = 3
export type AllocKind = typeof ALLOC_PACKET | typeof ALLOC_BUFFER | typeof ALLOC_MEMORY | typeof ALLOC_SHARED

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
  readonly dirql = DIRQL
  /**
   * The allocation gate: every NDIS allocation that can fail for lack of resources asks it first. Low-resources
   * simulation replaces it (core/verifier/low-resources.ts); the default admits everything.
   */
  admit: (kind: AllocKind) => boolean = admitAll
  private readonly finishers: (() => void)[] = []
  private finished = false

  constructor(options: KernelOptions = {}) {
    this.sites = options.sites ?? new CallSites()
    this.clock = options.clock ?? new ManualClock()
    this.memory = new NonPagedMemory(options.memoryBytes ?? 32 * 1024 * 1024)
    this.verifier = new Verifier(this.sites, this.clock)
    this.verifier.level = verifierLevel(options.verifier ?? 'standard')
    const n = Math.max(1, Math.floor(options.processors ?? 1))
    this.processors = Array.from({ length: n }, (_, i) => new Processor(i))
    this.cpu = this.processors[0]
    this.platform = options.platform ?? 'ce'
    this.history = new OwnershipHistory(options.historyCapacity ?? 4096)
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

  /** Checks that [va, va+length) may be touched; reports R16 (a bug check) when not. */
  checkAccess(va: number, length: number, write: number): boolean {
    const m = this.memory
    const level = this.verifier.level
    if (!m.inArena(va, length)) {
      if (level !== VERIFIER_OFF) this.touchFault(va, write)
      return false
    }
    if (level === VERIFIER_OFF) return true
    // Standard: the first and last byte must be live memory (one shadow byte each); full: every granule.
    const off = va - KVA_BASE
    const shadow = m.shadow
    const first = shadow[off >> GRANULE_SHIFT] !== SHADOW_LIVE
    const last = length > 1 && shadow[(off + length - 1) >> GRANULE_SHIFT] !== SHADOW_LIVE
    if (first || last || (level === VERIFIER_FULL && !m.isLive(va, length))) {
      this.touchFault(first || length <= 1 ? va : last ? va + length - 1 : va, write)
      return false
    }
    return true
  }

  private touchFault(va: number, write: number): void {
    const state = this.memory.shadowOf(va)
    const what =
      state === -1 || Number.isNaN(va)
        ? 'outside non-paged memory'
        : state === SHADOW_LIVE
          ? 'partly outside its allocation'
          : state === 0
            ? 'unallocated memory'
            : 'freed memory'
    this.verifier.report(R16, va, this.cpu.irql, write, 0, (write ? 'write to ' : 'read of ') + fmtVa(va) + ': ' + what)
  }

  read8(va: number): number {
    return this.checkAccess(va, 1, 0) ? this.memory.u8[va - KVA_BASE] : 0
  }

  read16(va: number): number {
    return this.checkAccess(va, 2, 0) ? this.memory.view.getUint16(va - KVA_BASE, true) : 0
  }

  read32(va: number): number {
    return this.checkAccess(va, 4, 0) ? this.memory.view.getUint32(va - KVA_BASE, true) : 0
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
    if (this.checkAccess(va, 4, 1))
      this.memory.view.setUint32(va - KVA_BASE, typeof value === 'number' ? value >>> 0 : 0, true)
  }

  /** A live view of arena bytes; an empty array when the range may not be touched. */
  view(va: number, length: number): Uint8Array {
    if (!this.checkAccess(va, length, 1)) return new Uint8Array(0)
    const off = va - KVA_BASE
    return this.memory.u8.subarray(off, off + length)
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
        [0x60, 0, g.bytes, g.count],
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
