// Byte layouts of the descriptors in non-paged memory, x86 (32-bit) as a CE kernel has them, so the inspector
// reads real offsets and bytes.

// NDIS_PACKET_PRIVATE (ndis5.md §2.1, x86 column).
export const PKT_PHYSICAL_COUNT = 0x00
export const PKT_TOTAL_LENGTH = 0x04
export const PKT_HEAD = 0x08
export const PKT_TAIL = 0x0c
export const PKT_POOL = 0x10
export const PKT_COUNT = 0x14
export const PKT_FLAGS = 0x18
export const PKT_VALID_COUNTS = 0x1c
export const PKT_NDIS_PACKET_FLAGS = 0x1d
export const PKT_OOB_OFFSET = 0x1e
export const SIZEOF_NDIS_PACKET_PRIVATE = 0x20

// NDIS_PACKET after Private (ndis5.md §2.1).
export const PKT_MINIPORT_RESERVED = 0x20 // MiniportReserved[2·PVOID]; MiniportReservedEx is 0x20..0x2B
export const PKT_WRAPPER_RESERVED = 0x28
export const PKT_RESERVED = 0x30 // Reserved[2]
export const PKT_PROTOCOL_RESERVED = 0x38
/** sizeof(NDIS_PACKET) counts the ProtocolReserved[1] placeholder (ndis5.md §2.2). */
export const SIZEOF_NDIS_PACKET = 0x3c

// NDIS_PACKET_OOB_DATA, x86 (ndis5.md §1.6).
export const OOB_TIME_TO_SEND = 0x00
export const OOB_TIME_RECEIVED = 0x08
export const OOB_HEADER_SIZE = 0x10
export const OOB_SIZE_MEDIA_SPECIFIC_INFO = 0x14
export const OOB_MEDIA_SPECIFIC_INFORMATION = 0x18
export const OOB_STATUS = 0x1c
export const SIZEOF_NDIS_PACKET_OOB_DATA = 0x20

/** NDIS_PACKET_EXTENSION = PVOID NdisPacketInfo[MaxPerPacketInfo] (ndis5.md §1.6: 12 entries). */
export const MAX_PER_PACKET_INFO = 12
export const SIZEOF_NDIS_PACKET_EXTENSION = 4 * MAX_PER_PACKET_INFO

/**
 * Offset of the OOB block: ReactOS puts it at PacketLength - sizeof(OOB) - sizeof(EXT), i.e. at
 * sizeof(NDIS_PACKET) + ProtocolReservedLength (ndis5.md §2.2), here rounded up to 4 so every ULONG field is aligned.
 */
export function packetOobOffset(protocolReservedLength: number): number {
  return (SIZEOF_NDIS_PACKET + protocolReservedLength + 3) & ~3
}

/** Bytes of one descriptor: NDIS_PACKET + ProtocolReserved + OOB + extension (ndis5.md §2.2 PacketLength). */
export function packetLength(protocolReservedLength: number): number {
  return packetOobOffset(protocolReservedLength) + SIZEOF_NDIS_PACKET_OOB_DATA + SIZEOF_NDIS_PACKET_EXTENSION
}

/** Header of a packet pool block, NDISI_PACKET_POOL as in ReactOS (ndis5.md §2.3): SpinLock, FreeList, PacketLength. */
export const POOL_SPIN_LOCK = 0x00
export const POOL_FREE_LIST = 0x08
export const POOL_PACKET_LENGTH = 0x0c
export const SIZEOF_PACKET_POOL_HEADER = 0x10

/**
 * NDIS_BUFFER is an MDL (ndis5.md §1.3). x86 MDL as declared in wdm.h: Next, Size (CSHORT), MdlFlags (CSHORT),
 * Process, MappedSystemVa, StartVa, ByteCount, ByteOffset; sizeof 0x1C. The PFN array that follows a real MDL is not
 * kept; each slot is padded to 0x20.
 */
export const MDL_NEXT = 0x00
export const MDL_SIZE = 0x04
export const MDL_FLAGS = 0x06
export const MDL_PROCESS = 0x08
export const MDL_MAPPED_SYSTEM_VA = 0x0c
export const MDL_START_VA = 0x10
export const MDL_BYTE_COUNT = 0x14
export const MDL_BYTE_OFFSET = 0x18
export const SIZEOF_MDL = 0x1c
export const MDL_SLOT = 0x20

// MdlFlags (wdm.h).
export const MDL_MAPPED_TO_SYSTEM_VA = 0x0001
export const MDL_SOURCE_IS_NONPAGED_POOL = 0x0004
export const MDL_PARTIAL = 0x0010

export const PAGE_SIZE = 0x1000

/** Header of a buffer pool block: NumberOfDescriptors, then the MDL slots. */
export const BUFFER_POOL_COUNT = 0x00
export const SIZEOF_BUFFER_POOL_HEADER = 0x10
