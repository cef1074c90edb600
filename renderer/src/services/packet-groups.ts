// Outstanding packets grouped by their current owner, in the order a driver author reasons about them. Packets that
// carry a buffer chain come first; descriptors without one (a receive ring not filled yet, free ones) are counted
// and folded, so the one that matters is not below 63 idle rows.
import type { PacketOwner, PacketSummary } from '../../../core/api/workbench-api'

export const OWNER_ORDER: readonly PacketOwner[] = ['miniport', 'protocol', 'free']

export interface PacketGroup {
  owner: PacketOwner
  /** The packets with a buffer chain, by address. */
  packets: PacketSummary[]
  /** Those without one, by address: shown folded. */
  idle: PacketSummary[]
}

export function groupByOwner(packets: readonly PacketSummary[]): PacketGroup[] {
  const groups = OWNER_ORDER.map((owner) => ({ owner, packets: [] as PacketSummary[], idle: [] as PacketSummary[] }))
  for (const p of packets) {
    const group = groups[OWNER_ORDER.indexOf(p.owner)]
    if (!group) continue
    if (p.bufferCount > 0) group.packets.push(p)
    else group.idle.push(p)
  }
  for (const g of groups) {
    g.packets.sort((a, b) => a.address - b.address)
    g.idle.sort((a, b) => a.address - b.address)
  }
  return groups.filter((g) => g.packets.length + g.idle.length > 0)
}
