// Low-resources simulation as an allocator: it replaces the kernel's allocation gate (Kernel.admit), so the NDIS
// calls stay free of fault-injection code. It fails a fraction of the chosen calls from its own seeded generator,
// or exactly the Nth one (systematic mode), so error paths can be reached and reproduced.
import {
  ALLOC_BUFFER,
  ALLOC_MAPPING,
  ALLOC_MEMORY,
  ALLOC_PACKET,
  ALLOC_SHARED,
  type AllocationGate,
  type AllocKind,
} from './alloc-kind'
import { SplitMix32 } from '../sim/splitmix32'

export type LowResourcesCall =
  | 'NdisAllocatePacket'
  | 'NdisAllocateBuffer'
  | 'NdisAllocateMemoryWithTag'
  | 'NdisMAllocateSharedMemory'
  | 'MmGetSystemAddressForMdlSafe'

/** `line`: only the calls made at that line of the script count (and fail); the fault sweep fails one site at a time. */
export type LowResourcesSpec =
  | {
      readonly kind: 'fraction'
      readonly fraction: number
      readonly calls: readonly LowResourcesCall[]
      readonly line?: number
    }
  | { readonly kind: 'nth'; readonly n: number; readonly calls: readonly LowResourcesCall[]; readonly line?: number }

const CALL_KIND: Readonly<Record<LowResourcesCall, AllocKind>> = {
  NdisAllocatePacket: ALLOC_PACKET,
  NdisAllocateBuffer: ALLOC_BUFFER,
  NdisAllocateMemoryWithTag: ALLOC_MEMORY,
  NdisMAllocateSharedMemory: ALLOC_SHARED,
  MmGetSystemAddressForMdlSafe: ALLOC_MAPPING,
}

/** Names accepted in a spec string, and the calls each one selects. */
export const LOW_RESOURCES_NAMES: Readonly<Record<string, readonly LowResourcesCall[]>> = {
  NdisAllocatePacket: ['NdisAllocatePacket'],
  NdisDprAllocatePacket: ['NdisAllocatePacket'],
  packet: ['NdisAllocatePacket'],
  NdisAllocateBuffer: ['NdisAllocateBuffer'],
  NdisCopyBuffer: ['NdisAllocateBuffer'],
  buffer: ['NdisAllocateBuffer'],
  NdisAllocateMemoryWithTag: ['NdisAllocateMemoryWithTag'],
  NdisAllocateMemory: ['NdisAllocateMemoryWithTag'],
  memory: ['NdisAllocateMemoryWithTag'],
  NdisMAllocateSharedMemory: ['NdisMAllocateSharedMemory'],
  shared: ['NdisMAllocateSharedMemory'],
  /** A buffer's system-address mapping: the Safe queries give NULL, the others stop the run (R34). */
  mapping: ['MmGetSystemAddressForMdlSafe'],
  MmGetSystemAddressForMdlSafe: ['MmGetSystemAddressForMdlSafe'],
  all: ['NdisAllocatePacket', 'NdisAllocateBuffer', 'NdisAllocateMemoryWithTag', 'NdisMAllocateSharedMemory'],
}

interface Rule {
  readonly spec: LowResourcesSpec
  readonly mask: number
  readonly rng: SplitMix32
  calls: number
}

export class LowResources {
  private readonly rules: Rule[]
  /** Calls seen and calls failed, per allocation kind (ALLOC_*). */
  readonly seen = new Float64Array(5)
  readonly failed = new Float64Array(5)

  /** The script line of the call being made (0 when unknown): for specs bound to a line. */
  constructor(
    specs: readonly LowResourcesSpec[],
    seed: number,
    private readonly currentLine: () => number = () => 0,
  ) {
    this.rules = specs.map((spec, i) => ({
      spec,
      mask: spec.calls.reduce((m, c) => m | (1 << CALL_KIND[c]), 0),
      rng: new SplitMix32((seed ^ Math.imul(i + 1, 0x9e3779b9)) >>> 0),
      calls: 0,
    }))
  }

  /** The gate: false fails this allocation. Every rule advances for its calls, so outcomes do not depend on order. */
  admit(kind: AllocKind): boolean {
    this.seen[kind]++
    let fail = false
    let line = -1
    for (const r of this.rules) {
      if ((r.mask & (1 << kind)) === 0) continue
      if (r.spec.line !== undefined) {
        if (line < 0) line = this.currentLine()
        if (line !== r.spec.line) continue
      }
      r.calls++
      if (r.spec.kind === 'nth') {
        if (r.calls === r.spec.n) fail = true
      } else if (r.rng.nextFloat() < r.spec.fraction) {
        fail = true
      }
    }
    if (fail) this.failed[kind]++
    return !fail
  }
}

/** Installs low-resources simulation on a kernel (replacing its allocation gate) and returns it. */
export function installLowResources(
  kernel: { admit: AllocationGate },
  specs: readonly LowResourcesSpec[],
  seed: number,
  currentLine?: () => number,
): LowResources {
  const lr = new LowResources(specs, seed, currentLine)
  kernel.admit = (kind) => lr.admit(kind)
  return lr
}

export type ParsedLowResources =
  { readonly ok: true; readonly specs: LowResourcesSpec[] } | { readonly ok: false; readonly error: string }

/**
 * Parses the CLI form (`--fault`): comma-separated `NAME:P%` (fail P percent of the calls, 0 < P <= 100) or
 * `NAME:#N` (fail exactly the Nth call, N >= 1). NAME is a call (NdisAllocatePacket, NdisAllocateBuffer,
 * NdisAllocateMemoryWithTag, NdisMAllocateSharedMemory and their variants) or a group: packet, buffer, memory,
 * shared, all. `NAME@LINE:…` counts only the calls made at that line of the script. Examples: `NdisAllocatePacket:6%`,
 * `NdisAllocatePacket:#7`, `memory:2%,buffer:#3`, `NdisAllocatePacket@212:#1`.
 */
export function parseLowResourcesSpec(text: string): ParsedLowResources {
  const specs: LowResourcesSpec[] = []
  const parts = text.split(',').map((p) => p.trim())
  for (const part of parts) {
    const m = /^([A-Za-z]+)(?:@(\d+))?:(.+)$/.exec(part)
    if (m === null)
      return {
        ok: false,
        error: `fault spec "${part}": expected NAME:P%, NAME:#N or NAME@LINE:#N (e.g. NdisAllocatePacket:6%)`,
      }
    const line = m[2] === undefined ? undefined : Number(m[2])
    if (line !== undefined && !(line >= 1 && Number.isSafeInteger(line)))
      return { ok: false, error: `fault spec "${part}": the line must be 1 or more` }
    const at = line === undefined ? {} : { line }
    const calls = LOW_RESOURCES_NAMES[m[1]!]
    if (calls === undefined) {
      return {
        ok: false,
        error: `fault spec "${part}": unknown call "${m[1]}" (one of ${Object.keys(LOW_RESOURCES_NAMES).join(', ')})`,
      }
    }
    const amount = m[3]!
    const pct = /^(\d+(?:\.\d+)?)%$/.exec(amount)
    const nth = /^#(\d+)$/.exec(amount)
    if (pct !== null) {
      const p = Number(pct[1])
      if (!(p > 0 && p <= 100))
        return { ok: false, error: `fault spec "${part}": percentage must be above 0 and at most 100` }
      specs.push({ kind: 'fraction', fraction: p / 100, calls, ...at })
    } else if (nth !== null) {
      const n = Number(nth[1])
      if (!(n >= 1 && Number.isSafeInteger(n)))
        return { ok: false, error: `fault spec "${part}": the call number must be 1 or more` }
      specs.push({ kind: 'nth', n, calls, ...at })
    } else {
      return { ok: false, error: `fault spec "${part}": "${amount}" is neither P% nor #N` }
    }
  }
  return { ok: true, specs }
}
