// The books of a finished run must balance: every packet the protocol was handed is returned, copied and released,
// or still held; every descriptor a pool handed out is freed or still in use. A mismatch is a bug of the workbench
// (an emulated part lost count), never of the script, and the report says so in `workbenchBugs`.
import { DESC_FREE } from '../ndis/packet-pool'
import { BUF_FREE } from '../ndis/buffer-pool'
import { ndisRuntime } from '../ndis/instance'
import { hex32 } from '../report/report'
import type { Run } from './run'

/** Descriptors not free according to the pool's own per-slot state. */
function slotsInUse(state: Uint8Array, free: number): number {
  let n = 0
  for (let i = 0; i < state.length; i++) if (state[i] !== free) n++
  return n
}

interface PoolCounters {
  handle: number
  alive: boolean
  inUse: number
  highWater: number
  allocations: number
  frees: number
  state: Uint8Array
}

function poolBugs(kind: 'packet' | 'buffer', p: PoolCounters, free: number, out: string[]): void {
  const name = `${kind} pool ${hex32(p.handle)}`
  if (p.allocations !== p.frees + p.inUse)
    out.push(`${name}: allocations ${p.allocations} ≠ frees ${p.frees} + in use ${p.inUse}`)
  if (p.inUse < 0 || p.highWater < p.inUse) out.push(`${name}: in use ${p.inUse} outside 0…high water ${p.highWater}`)
  // A freed pool's slots are no longer tracked (its block is gone); a live one's must agree with its count.
  if (p.alive) {
    const held = slotsInUse(p.state, free)
    if (held !== p.inUse) out.push(`${name}: in use ${p.inUse}, but ${held} descriptor(s) are not free`)
  }
}

/**
 * Every way the run's counters disagree, as one line each; empty when the books balance. A bug check or an exception
 * can stop the system inside an NDIS call, between two counts of one step, so only runs that ended normally are
 * checked.
 */
export function reportInvariantBugs(run: Run): string[] {
  const out: string[] = []
  const reason = run.stop?.reason
  if (reason === 'bugcheck' || reason === 'exception') return out
  const p = run.protocol.stats
  const settled = p.returned + p.copiedOnResources + p.copied + p.outstanding + p.filteredPackets
  if (p.indicated !== settled || p.outstanding < 0) {
    out.push(
      `protocol: indicated ${p.indicated} ≠ returned ${p.returned} + copied on RESOURCES ${p.copiedOnResources} + ` +
        `copied ${p.copied} + outstanding ${p.outstanding} + filtered ${p.filteredPackets}`,
    )
  }
  const rt = ndisRuntime(run.kernel)
  for (const pool of rt.packetPoolHistory) poolBugs('packet', pool, DESC_FREE, out)
  for (const pool of rt.bufferPoolHistory) poolBugs('buffer', pool, BUF_FREE, out)
  return out
}
