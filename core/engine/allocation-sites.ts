// Where the driver allocates: every allocation NDIS documents as able to fail (core/verifier/alloc-kind.ts), counted
// by the script line and call that made it, with how many the low-resources simulation failed. `nicbench test
// --suite fault` reads it from a clean run to know which call sites to fail, one at a time. Counted only when asked
// (RunConfig.allocationSites): the gate then costs one map update per allocation.
import type { AllocationSiteReport } from '../report/report'
import type { AllocationGate, AllocKind } from '../verifier/alloc-kind'
import type { CallSites } from '../verifier/call-site'

/** The call each allocation kind stands for, by ALLOC_* value; the names the fault spec accepts. */
export const ALLOCATION_CALL = [
  'NdisAllocatePacket',
  'NdisAllocateBuffer',
  'NdisAllocateMemoryWithTag',
  'NdisMAllocateSharedMemory',
  'MmGetSystemAddressForMdlSafe',
] as const


export class AllocationSites {
  /** By site id × 8 + kind: [calls, failed]. */
  private readonly counts = new Map<number, [number, number]>()

  constructor(private readonly sites: CallSites) {}

  /** Wraps the kernel's gate so every allocation the driver asks for is counted at its site. */
  install(kernel: { admit: AllocationGate }): void {
    const inner = kernel.admit
    kernel.admit = (kind: AllocKind) => {
      const ok = inner(kind)
      const key = this.sites.current * 8 + kind
      let c = this.counts.get(key)
      if (c === undefined) this.counts.set(key, (c = [0, 0]))
      c[0]++
      if (!ok) c[1]++
      return ok
    }
  }

  report(): AllocationSiteReport[] {
    return [...this.counts]
      .map(([key, [calls, failed]]) => {
        const at = this.sites.location(Math.floor(key / 8))
        return { call: ALLOCATION_CALL[key % 8]!, line: at.line, column: at.column, calls, failed }
      })
      .sort((a, b) => a.line - b.line || a.column - b.column || a.call.localeCompare(b.call))
  }
}
