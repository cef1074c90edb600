// One packet as the Packets view shows it: every field of the descriptor at its x86 offset (ndis5.md §2.1, §1.6),
// the buffer chain, the frame bytes and their decode tree, and the ownership history (verifier level full).
import type { DescriptorField, OwnershipEvent, PacketDetail } from './views'
import type { Kernel } from '../kernel/kernel'
import { KVA_BASE } from '../kernel/memory'
import {
  MAX_PER_PACKET_INFO,
  OOB_HEADER_SIZE,
  OOB_MEDIA_SPECIFIC_INFORMATION,
  OOB_SIZE_MEDIA_SPECIFIC_INFO,
  OOB_STATUS,
  OOB_TIME_RECEIVED,
  OOB_TIME_TO_SEND,
  PKT_COUNT,
  PKT_FLAGS,
  PKT_HEAD,
  PKT_MINIPORT_RESERVED,
  PKT_NDIS_PACKET_FLAGS,
  PKT_OOB_OFFSET,
  PKT_PHYSICAL_COUNT,
  PKT_POOL,
  PKT_PROTOCOL_RESERVED,
  PKT_RESERVED,
  PKT_TAIL,
  PKT_TOTAL_LENGTH,
  PKT_VALID_COUNTS,
  PKT_WRAPPER_RESERVED,
  SIZEOF_NDIS_PACKET_OOB_DATA,
} from '../ndis/layout'
import type { PacketPool } from '../ndis/packet-pool'
import { formatNdisStatus } from '../ndis/status'
import { decodeFrame } from './decode'
import { chainBytes, findPacket, packetSummary, siteLocation, walkChain } from './packets'

/** NDIS_PER_PACKET_INFO names by index (ndis5.md §1.6). */
export const PER_PACKET_INFO_NAMES = [
  'TcpIpChecksumPacketInfo',
  'IpSecPacketInfo',
  'TcpLargeSendPacketInfo',
  'ClassificationHandlePacketInfo',
  'NdisReserved',
  'ScatterGatherListPacketInfo',
  'Ieee8021QInfo',
  'OriginalPacketInfo',
  'PacketCancelId',
  'OriginalNetBufferList',
  'CachedNetBufferList',
  'ShortPacketPaddingInfo',
] as const

function readField(kernel: Kernel, va: number, size: number): number {
  const m = kernel.memory
  if (!m.inArena(va, size)) return 0
  const off = va - KVA_BASE
  if (size === 1) return m.u8[off]!
  if (size === 2) return m.u8[off]! | (m.u8[off + 1]! << 8)
  if (size === 8) return m.view.getUint32(off, true) + m.view.getUint32(off + 4, true) * 0x100000000
  return m.view.getUint32(off, true)
}

/** The fields of a descriptor at `va` of `pool`, in memory order. */
export function descriptorFields(kernel: Kernel, pool: PacketPool, va: number): DescriptorField[] {
  const fields: DescriptorField[] = []
  const add = (name: string, offset: number, size: number, extra: Partial<DescriptorField> = {}): number => {
    const value = readField(kernel, va + offset, size)
    fields.push({ name, offset, size, value, ...extra })
    return value
  }
  const ptr = (name: string, offset: number, kind: 'pool' | 'buffer' | 'packet'): void => {
    const value = readField(kernel, va + offset, 4)
    fields.push({ name, offset, size: 4, value, ...(value !== 0 ? { link: { kind, address: value } } : {}) })
  }
  add('Private.PhysicalCount', PKT_PHYSICAL_COUNT, 4)
  add('Private.TotalLength', PKT_TOTAL_LENGTH, 4)
  ptr('Private.Head', PKT_HEAD, 'buffer')
  ptr('Private.Tail', PKT_TAIL, 'buffer')
  ptr('Private.Pool', PKT_POOL, 'pool')
  add('Private.Count', PKT_COUNT, 4)
  add('Private.Flags', PKT_FLAGS, 4)
  add('Private.ValidCounts', PKT_VALID_COUNTS, 1)
  add('Private.NdisPacketFlags', PKT_NDIS_PACKET_FLAGS, 1)
  add('Private.NdisPacketOobOffset', PKT_OOB_OFFSET, 2)
  add('MiniportReserved[0]', PKT_MINIPORT_RESERVED, 4)
  add('MiniportReserved[1]', PKT_MINIPORT_RESERVED + 4, 4)
  add('WrapperReserved[0]', PKT_WRAPPER_RESERVED, 4)
  add('WrapperReserved[1]', PKT_WRAPPER_RESERVED + 4, 4)
  add('Reserved[0]', PKT_RESERVED, 4)
  add('Reserved[1]', PKT_RESERVED + 4, 4)
  for (let i = 0; i * 4 < pool.protocolReservedLength; i++) {
    const size = Math.min(4, pool.protocolReservedLength - i * 4)
    add(`ProtocolReserved[${i * 4}]`, PKT_PROTOCOL_RESERVED + i * 4, size === 3 ? 2 : size)
  }
  const oob = pool.oobOffset
  add('Oob.TimeToSend', oob + OOB_TIME_TO_SEND, 8)
  add('Oob.TimeReceived', oob + OOB_TIME_RECEIVED, 8)
  add('Oob.HeaderSize', oob + OOB_HEADER_SIZE, 4)
  add('Oob.SizeMediaSpecificInfo', oob + OOB_SIZE_MEDIA_SPECIFIC_INFO, 4)
  add('Oob.MediaSpecificInformation', oob + OOB_MEDIA_SPECIFIC_INFORMATION, 4)
  const status = readField(kernel, va + oob + OOB_STATUS, 4)
  fields.push({
    name: 'Oob.Status',
    offset: oob + OOB_STATUS,
    size: 4,
    value: status,
    display: formatNdisStatus(status),
  })
  const extension = oob + SIZEOF_NDIS_PACKET_OOB_DATA
  for (let i = 0; i < MAX_PER_PACKET_INFO; i++) {
    const name = `NdisPacketInfo[${PER_PACKET_INFO_NAMES[i] ?? i}]`
    if (i === 7) ptr(name, extension + 4 * i, 'packet')
    else add(name, extension + 4 * i, 4)
  }
  return fields
}

function descriptorBytes(kernel: Kernel, va: number, length: number): number[] {
  const m = kernel.memory
  if (!m.inArena(va, length)) return []
  const start = va - KVA_BASE
  return Array.from(m.u8.subarray(start, start + length))
}

function history(kernel: Kernel, va: number): OwnershipEvent[] {
  return kernel.history.forPacket(va).map((e) => ({
    timeNs: e.timeNs,
    event: e.event as OwnershipEvent['event'],
    at: siteLocation(kernel.sites, e.site),
  }))
}

/** The detail of the packet at `address`, or null when it is not a descriptor of a live pool. */
export function packetDetail(kernel: Kernel, address: number): PacketDetail | null {
  const found = findPacket(kernel, address)
  if (found === null) return null
  const { pool, slot } = found
  const va = pool.addressOf(slot)
  const summary = packetSummary(kernel, pool, slot)
  const chain = summary.owner === 'free' ? [] : walkChain(kernel, va).buffers
  const bytes = chainBytes(kernel.memory, chain)
  return {
    summary,
    fields: descriptorFields(kernel, pool, va),
    descriptorBytes: descriptorBytes(kernel, va, pool.packetLength),
    chain,
    bytes,
    decode: bytes.length > 0 ? decodeFrame(bytes) : [],
    history: history(kernel, va),
  }
}
