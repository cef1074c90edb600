// Pool rows for the Pools view: the lwIP-style statistics each pool keeps (ndis5.md §1.1), the line that created it,
// and the allocation rate over the last stats interval of virtual time.
import type { PoolRow } from './views'
import type { Kernel } from '../kernel/kernel'
import { ndisRuntime } from '../ndis/instance'
import { DESC_INDICATED } from '../ndis/packet-pool'
import { BUF_LENT } from '../ndis/buffer-pool'
import { siteLocation } from './packets'

const UNKNOWN = { file: '', line: 0, column: 0 }

/** Remembers each pool's allocation count between two stats messages to give a rate per virtual second. */
export class PoolRates {
  private readonly previous = new Map<number, number>()
  private previousNs = 0

  /** Allocations per virtual second since the last call (0 on the first). */
  rates(kernel: Kernel, nowNs: number): Map<number, number> {
    const out = new Map<number, number>()
    const elapsed = nowNs - this.previousNs
    const rt = ndisRuntime(kernel)
    for (const p of [...rt.packetPoolHistory, ...rt.bufferPoolHistory]) {
      const before = this.previous.get(p.handle)
      out.set(p.handle, before !== undefined && elapsed > 0 ? ((p.allocations - before) * 1e9) / elapsed : 0)
      this.previous.set(p.handle, p.allocations)
    }
    this.previousNs = nowNs
    return out
  }
}

/** Pools the script made (those made at site 0 belong to the emulated protocol and the system). */
export function poolRows(kernel: Kernel, rates?: ReadonlyMap<number, number>): PoolRow[] {
  const rt = ndisRuntime(kernel)
  const rows: PoolRow[] = []
  for (const p of rt.packetPoolHistory) {
    if (p.createdSite === 0) continue
    let held = 0
    for (let slot = 0; slot < p.state.length; slot++) if (p.state[slot] === DESC_INDICATED) held++
    rows.push({
      handle: p.handle,
      kind: 'packet',
      createdAt: siteLocation(kernel.sites, p.createdSite) ?? UNKNOWN,
      numberOfDescriptors: p.numberOfDescriptors,
      overflowDescriptors: p.overflowDescriptors,
      protocolReservedLength: p.protocolReservedLength,
      inUse: p.inUse,
      heldByProtocol: held,
      free: p.freeCount + p.overflowAvailable,
      highWater: p.highWater,
      allocations: p.allocations,
      failures: p.failures,
      allocationRate: rates?.get(p.handle) ?? 0,
      freed: !p.alive,
    })
  }
  for (const p of rt.bufferPoolHistory) {
    if (p.system || p.createdSite === 0) continue
    let lent = 0
    for (let slot = 0; slot < p.state.length; slot++) if (p.state[slot] === BUF_LENT) lent++
    rows.push({
      handle: p.handle,
      kind: 'buffer',
      createdAt: siteLocation(kernel.sites, p.createdSite) ?? UNKNOWN,
      numberOfDescriptors: p.numberOfDescriptors,
      overflowDescriptors: 0,
      protocolReservedLength: 0,
      inUse: p.inUse,
      heldByProtocol: lent,
      free: p.numberOfDescriptors - p.inUse,
      highWater: p.highWater,
      allocations: p.allocations,
      failures: p.failures,
      allocationRate: rates?.get(p.handle) ?? 0,
      freed: !p.alive,
    })
  }
  return rows
}
