// The run-end leak scan of the NDIS library (ndis5.md §4 R6, R20): lost chains by the line that lost them, then
// pools, packets and buffers still allocated by the line that allocated them.
import { fmtVa } from '../kernel/kernel'
import { R20, R6 } from '../verifier/catalogue'
import { BUF_FREE, BufferPool } from './buffer-pool'
import { DESC_FREE, PacketPool } from './packet-pool'
import type { NdisRuntime } from './runtime'

/**
 * R6 for the buffers of a pool that are still lost (dropped with a chain, never named again), one finding per
 * (line that lost them, line that allocated them). Called at the end of the run, and by NdisFreeBufferPool, after
 * which they can never be recovered. Reported buffers count as found.
 */
export function reportLostBuffers(rt: NdisRuntime, bp: BufferPool): void {
  const lost = new Map<string, { site: number; alloc: number; count: number; first: number; packet: number }>()
  for (let s = 0; s < bp.numberOfDescriptors; s++) {
    if (bp.state[s] === BUF_FREE || bp.lost[s] !== 1) continue
    bp.lost[s] = 2
    const site = bp.lostSite[s]
    const key = site + ':' + bp.site[s]
    const g = lost.get(key) ?? { site, alloc: bp.site[s], count: 0, first: bp.addressOf(s), packet: bp.lostPacket[s] }
    g.count++
    lost.set(key, g)
  }
  for (const g of lost.values()) {
    rt.kernel.verifier.reportAt(
      R6,
      g.site,
      g.packet,
      g.first,
      g.count,
      g.count + " buffer(s) lost with a packet's chain and never freed (first " + fmtVa(g.first) + ')',
      g.alloc,
    )
  }
}

export function finishScan(rt: NdisRuntime): void {
  const v = rt.kernel.verifier
  // R6: buffers lost with a chain and never named again, grouped by the line that lost them.
  for (const bp of rt.bufferPools) reportLostBuffers(rt, bp)
  // R20: everything else still allocated, grouped by allocating line.
  const out = new Map<string, { site: number; what: string; count: number; bytes: number }>()
  const add = (what: string, site: number, bytes: number): void => {
    const key = what + ':' + site
    const g = out.get(key) ?? { site, what, count: 0, bytes: 0 }
    g.count++
    g.bytes += bytes
    out.set(key, g)
  }
  for (const p of rt.packetPools) {
    add('packet pool', p.createdSite, PacketPool.blockBytes(p.numberOfDescriptors, p.protocolReservedLength))
    for (let s = 0; s < p.state.length; s++) if (p.state[s] !== DESC_FREE) add('packet', p.site[s], p.packetLength)
  }
  for (const bp of rt.bufferPools) {
    if (!bp.system) add('buffer pool', bp.createdSite, BufferPool.blockBytes(bp.numberOfDescriptors))
    for (let s = 0; s < bp.numberOfDescriptors; s++)
      if (bp.state[s] !== BUF_FREE && bp.lost[s] === 0) add('buffer', bp.site[s], 0)
  }
  for (const g of out.values()) {
    v.reportAt(
      R20,
      g.site,
      0,
      g.bytes,
      g.count,
      g.count + ' ' + g.what + '(s) still allocated at the end of the run',
      g.site,
    )
  }
}
