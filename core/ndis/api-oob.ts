// Per-packet data: OOB block, per-packet info, reserved areas, packet flags (ndis5.md §1.6, §2.1; script-api.md).
// The OOB block is found through Private.NdisPacketOobOffset, as the header macros do.
import { fmtVa } from '../kernel/kernel'
import { KVA_BASE } from '../kernel/memory'
import { R59 } from '../verifier/catalogue'
import { DESC_INDICATED } from './packet-pool'
import { fPACKET_ALLOCATED_BY_NDIS, fPACKET_CONTAINS_MEDIA_SPECIFIC_INFO, PER_PACKET_INFO } from './constants'
import {
  MAX_PER_PACKET_INFO,
  OOB_HEADER_SIZE,
  OOB_MEDIA_SPECIFIC_INFORMATION,
  OOB_SIZE_MEDIA_SPECIFIC_INFO,
  OOB_STATUS,
  OOB_TIME_RECEIVED,
  OOB_TIME_TO_SEND,
  PKT_FLAGS,
  PKT_MINIPORT_RESERVED,
  PKT_NDIS_PACKET_FLAGS,
  PKT_OOB_OFFSET,
  PKT_PROTOCOL_RESERVED,
  SIZEOF_NDIS_PACKET_OOB_DATA,
} from './layout'
import { isUlong, KIND_PACKET, PacketRef, put, toUlong, type NdisRuntime, type Out } from './runtime'

export function oobApi(rt: NdisRuntime) {
  const found = new PacketRef()
  const mem = rt.kernel.memory
  const view = mem.view

  function oob(packet: number): number {
    return packet + view.getUint16(packet - KVA_BASE + PKT_OOB_OFFSET, true)
  }

  function setOob32(call: string, packet: number, field: number, value: number): void {
    if (rt.usePacket(call, packet)) rt.wr(oob(packet) + field, toUlong(value))
  }

  function getOob32(call: string, packet: number, field: number): number {
    return rt.usePacket(call, packet) ? rt.rd(oob(packet) + field) : 0
  }

  /** ULONGLONG times as float64 numbers (exact up to 2^53 ns). */
  function setTime(call: string, packet: number, field: number, time: number): void {
    if (!rt.usePacket(call, packet)) return
    const t = Number.isFinite(time) && time > 0 ? Math.floor(time) : 0
    const at = oob(packet) + field
    rt.wr(at, t % 4294967296)
    rt.wr(at + 4, Math.floor(t / 4294967296))
  }

  function getTime(call: string, packet: number, field: number): number {
    if (!rt.usePacket(call, packet)) return 0
    const at = oob(packet) + field
    return rt.rd(at) + rt.rd(at + 4) * 4294967296
  }

  function infoIndex(call: string, type: number): boolean {
    if (isUlong(type) && type < MAX_PER_PACKET_INFO) return true
    rt.badUlong(call, 2, type)
    return false
  }

  return {
    // NDIS_GET_PACKET_STATUS is how the miniport learns whether a packet was pended (ndis5.md §3.4): allowed while
    // the protocol owns the packet.
    NDIS_GET_PACKET_STATUS(Packet: number): number {
      if (!rt.locatePacket(Packet, found)) {
        rt.badHandle('NDIS_GET_PACKET_STATUS', Packet, KIND_PACKET)
        return 0
      }
      if (rt.deserializedReceives && found.pool.state[found.slot] === DESC_INDICATED) {
        rt.kernel.verifier.report(
          R59,
          Packet,
          0,
          0,
          'NDIS_GET_PACKET_STATUS of ' +
            fmtVa(Packet) +
            ', indicated and still held by the protocol: a deserialized miniport learns nothing from the status; the packet comes back through MiniportReturnPacket',
          found.pool.site[found.slot],
        )
      }
      return rt.rd(oob(Packet) + OOB_STATUS) >>> 0
    },
    NDIS_SET_PACKET_STATUS(Packet: number, Status: number): void {
      setOob32('NDIS_SET_PACKET_STATUS', Packet, OOB_STATUS, Status)
    },
    NDIS_GET_PACKET_HEADER_SIZE(Packet: number): number {
      return getOob32('NDIS_GET_PACKET_HEADER_SIZE', Packet, OOB_HEADER_SIZE)
    },
    NDIS_SET_PACKET_HEADER_SIZE(Packet: number, HdrSize: number): void {
      setOob32('NDIS_SET_PACKET_HEADER_SIZE', Packet, OOB_HEADER_SIZE, HdrSize)
    },
    NDIS_GET_PACKET_TIME_RECEIVED(Packet: number): number {
      return getTime('NDIS_GET_PACKET_TIME_RECEIVED', Packet, OOB_TIME_RECEIVED)
    },
    NDIS_SET_PACKET_TIME_RECEIVED(Packet: number, TimeReceived: number): void {
      setTime('NDIS_SET_PACKET_TIME_RECEIVED', Packet, OOB_TIME_RECEIVED, TimeReceived)
    },
    NDIS_GET_PACKET_TIME_TO_SEND(Packet: number): number {
      return getTime('NDIS_GET_PACKET_TIME_TO_SEND', Packet, OOB_TIME_TO_SEND)
    },
    NDIS_SET_PACKET_TIME_TO_SEND(Packet: number, TimeToSend: number): void {
      setTime('NDIS_SET_PACKET_TIME_TO_SEND', Packet, OOB_TIME_TO_SEND, TimeToSend)
    },
    NDIS_GET_PACKET_TIME_SENT(Packet: number): number {
      return getTime('NDIS_GET_PACKET_TIME_SENT', Packet, OOB_TIME_TO_SEND)
    },
    NDIS_SET_PACKET_TIME_SENT(Packet: number, TimeSent: number): void {
      setTime('NDIS_SET_PACKET_TIME_SENT', Packet, OOB_TIME_TO_SEND, TimeSent)
    },
    /** Takes effect only on descriptors NDIS allocated, then sets fPACKET_CONTAINS_MEDIA_SPECIFIC_INFO (ndis5.md §1.6). */
    NDIS_SET_PACKET_MEDIA_SPECIFIC_INFO(
      Packet: number,
      MediaSpecificInfo: number,
      SizeMediaSpecificInfo: number,
    ): void {
      if (!rt.usePacket('NDIS_SET_PACKET_MEDIA_SPECIFIC_INFO', Packet)) return
      const flagsAt = Packet - KVA_BASE + PKT_NDIS_PACKET_FLAGS
      if ((mem.u8[flagsAt] & fPACKET_ALLOCATED_BY_NDIS) === 0) return
      mem.u8[flagsAt] |= fPACKET_CONTAINS_MEDIA_SPECIFIC_INFO
      const o = oob(Packet)
      rt.wr(o + OOB_MEDIA_SPECIFIC_INFORMATION, toUlong(MediaSpecificInfo))
      rt.wr(o + OOB_SIZE_MEDIA_SPECIFIC_INFO, toUlong(SizeMediaSpecificInfo))
    },
    NDIS_GET_PACKET_MEDIA_SPECIFIC_INFO(
      Packet: number,
      MediaSpecificInfo: Out<number> | null,
      SizeMediaSpecificInfo: Out<number> | null,
    ): void {
      put(MediaSpecificInfo, 0)
      put(SizeMediaSpecificInfo, 0)
      if (!rt.usePacket('NDIS_GET_PACKET_MEDIA_SPECIFIC_INFO', Packet)) return
      const both = fPACKET_ALLOCATED_BY_NDIS | fPACKET_CONTAINS_MEDIA_SPECIFIC_INFO
      if ((mem.u8[Packet - KVA_BASE + PKT_NDIS_PACKET_FLAGS] & both) !== both) return
      const o = oob(Packet)
      put(MediaSpecificInfo, rt.rd(o + OOB_MEDIA_SPECIFIC_INFORMATION))
      put(SizeMediaSpecificInfo, rt.rd(o + OOB_SIZE_MEDIA_SPECIFIC_INFO))
    },
    /** Address of the NDIS_PACKET_OOB_DATA block. */
    NDIS_OOB_DATA_FROM_PACKET(Packet: number): number {
      return rt.usePacket('NDIS_OOB_DATA_FROM_PACKET', Packet) ? oob(Packet) : 0
    },
    /** Address of NDIS_PACKET_EXTENSION (PVOID NdisPacketInfo[MaxPerPacketInfo]) right after the OOB block. */
    NDIS_PACKET_EXTENSION_FROM_PACKET(Packet: number): number {
      return rt.usePacket('NDIS_PACKET_EXTENSION_FROM_PACKET', Packet) ? oob(Packet) + SIZEOF_NDIS_PACKET_OOB_DATA : 0
    },
    /**
     * The value of NdisPacketInfo[InfoType]. C uses the macro as an lvalue too; a script writes an entry with
     * MmWrite32(NDIS_PACKET_EXTENSION_FROM_PACKET(Packet) + 4 * InfoType, value).
     */
    NDIS_PER_PACKET_INFO_FROM_PACKET(Packet: number, InfoType: number): number {
      const call = 'NDIS_PER_PACKET_INFO_FROM_PACKET'
      if (!infoIndex(call, InfoType) || !rt.usePacket(call, Packet)) return 0
      return rt.rd(oob(Packet) + SIZEOF_NDIS_PACKET_OOB_DATA + 4 * InfoType)
    },
    NDIS_GET_ORIGINAL_PACKET(Packet: number): number {
      return rt.usePacket('NDIS_GET_ORIGINAL_PACKET', Packet)
        ? rt.rd(oob(Packet) + SIZEOF_NDIS_PACKET_OOB_DATA + 4 * PER_PACKET_INFO.OriginalPacketInfo)
        : 0
    },
    NDIS_SET_ORIGINAL_PACKET(Packet: number, OriginalPacket: number): void {
      if (rt.usePacket('NDIS_SET_ORIGINAL_PACKET', Packet))
        rt.wr(
          oob(Packet) + SIZEOF_NDIS_PACKET_OOB_DATA + 4 * PER_PACKET_INFO.OriginalPacketInfo,
          toUlong(OriginalPacket),
        )
    },
    NDIS_GET_PACKET_CANCEL_ID(Packet: number): number {
      return rt.usePacket('NDIS_GET_PACKET_CANCEL_ID', Packet)
        ? rt.rd(oob(Packet) + SIZEOF_NDIS_PACKET_OOB_DATA + 4 * PER_PACKET_INFO.PacketCancelId)
        : 0
    },
    NDIS_SET_PACKET_CANCEL_ID(Packet: number, CancelId: number): void {
      if (rt.usePacket('NDIS_SET_PACKET_CANCEL_ID', Packet))
        rt.wr(oob(Packet) + SIZEOF_NDIS_PACKET_OOB_DATA + 4 * PER_PACKET_INFO.PacketCancelId, toUlong(CancelId))
    },
    /** Address of MiniportReserved (script-api.md: `Packet->MiniportReserved`). */
    MINIPORT_RESERVED(Packet: number): number {
      return rt.usePacket('MINIPORT_RESERVED', Packet) ? Packet + PKT_MINIPORT_RESERVED : 0
    },
    /** Address of ProtocolReserved. */
    PROTOCOL_RESERVED(Packet: number): number {
      return rt.usePacket('PROTOCOL_RESERVED', Packet) ? Packet + PKT_PROTOCOL_RESERVED : 0
    },
    NdisGetPacketFlags(Packet: number): number {
      return rt.usePacket('NdisGetPacketFlags', Packet) ? rt.rd(Packet + PKT_FLAGS) : 0
    },
    /** Private.Flags |= Flags (header macro). */
    NdisSetPacketFlags(Packet: number, Flags: number): void {
      if (rt.usePacket('NdisSetPacketFlags', Packet))
        rt.wr(Packet + PKT_FLAGS, (rt.rd(Packet + PKT_FLAGS) | toUlong(Flags)) >>> 0)
    },
    NdisClearPacketFlags(Packet: number, Flags: number): void {
      if (rt.usePacket('NdisClearPacketFlags', Packet))
        rt.wr(Packet + PKT_FLAGS, (rt.rd(Packet + PKT_FLAGS) & ~toUlong(Flags)) >>> 0)
    },
  }
}
