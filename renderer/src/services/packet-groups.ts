// Outstanding packets grouped by their current owner, in the order a driver author reasons about them.
import type { PacketOwner, PacketSummary } from '../../../core/api/workbench-api'

export const OWNER_ORDER: readonly PacketOwner[] = ['miniport', 'protocol', 'free']

export interface PacketGroup {
  owner: PacketOwner
  packets: PacketSummary[]
}

export function groupByOwner(packets: readonly PacketSummary[]): PacketGroup[] {
  const groups = OWNER_ORDER.map((owner) => ({ owner, packets: [] as PacketSummary[] }))
  for (const p of packets) groups[OWNER_ORDER.indexOf(p.owner)]?.packets.push(p)
  for (const g of groups) g.packets.sort((a, b) => a.address - b.address)
  return groups.filter((g) => g.packets.length > 0)
}
