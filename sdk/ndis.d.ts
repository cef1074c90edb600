// NDIS 5 for NIC Workbench miniport scripts: ambient declarations of every name in a script's scope.
// The editor's IntelliSense and `nicbench check` use this file; the run provides exactly these names.
// Behaviour of each call: docs/script-api.md (and docs/structures.md, docs/controller.md); the verifier rules named
// R1, R2, ... are in docs/verifier-rules.md.
// Conventions (docs/script-api.md): pointers and handles are numbers (32-bit kernel virtual addresses,
// NULL is 0); out parameters are Out<T> cells ({ value: T }) or NULL (wherever C accepts NULL); structures the driver owns are made with `new`.

/** An out parameter: the call writes `.value`. Any `{ value }` object works; reuse cells to avoid garbage. */
interface Out<T> {
  value: T
}

/** Where C accepts a NULL pointer (an optional out parameter): `NULL` (0) or `null`. */
type NULL = 0 | null

type NDIS_STATUS = number
type KIRQL = number
type UINT = number
type ULONG = number
type USHORT = number
type UCHAR = number
type BOOLEAN = boolean
type NDIS_OID = number
type NDIS_MEDIUM = number
type NDIS_INTERFACE_TYPE = number
type NDIS_PARAMETER_TYPE = number
/** A virtual address in non-paged memory (or a mapped register window). */
type PVOID = number & { readonly __ndis?: 'PVOID' | 'PNDIS_PACKET' | 'PNDIS_BUFFER' }
/** A physical address (what the controller's DMA uses). */
type NDIS_PHYSICAL_ADDRESS = number & { readonly __ndis?: 'NDIS_PHYSICAL_ADDRESS' }
/** An opaque handle NDIS gives out (pools, adapter, wrapper, configuration). */
type NDIS_HANDLE = number & { readonly __ndis?: 'NDIS_HANDLE' }
/** A packet descriptor (NDIS_PACKET) by address. */
type PNDIS_PACKET = number & { readonly __ndis?: 'PNDIS_PACKET' }
/** A buffer descriptor (NDIS_BUFFER, an MDL) by address. */
type PNDIS_BUFFER = number & { readonly __ndis?: 'PNDIS_BUFFER' }
type PDRIVER_OBJECT = number
type PUNICODE_STRING = string
/** A counted string; scripts pass ordinary strings (NDIS_STRING_CONST("Keyword")). */
type NDIS_STRING = string
/** The driver's own per-adapter object, given to NdisMSetAttributesEx and passed back to every handler. */
type NDIS_HANDLE_CONTEXT = any

interface LARGE_INTEGER {
  QuadPart: bigint
  LowPart: number
  HighPart: number
}

interface NDIS_CONFIGURATION_PARAMETER {
  ParameterType: NDIS_PARAMETER_TYPE
  ParameterData: { IntegerData: number; StringData: string }
}

interface CM_PARTIAL_RESOURCE_DESCRIPTOR {
  Type: number
  ShareDisposition: number
  Flags: number
  u: {
    Memory?: { Start: NDIS_PHYSICAL_ADDRESS; Length: number }
    /** CmResourceTypePort: an I/O port range (the Intel 82540EM's BAR1). */
    Port?: { Start: number; Length: number }
    Interrupt?: { Level: number; Vector: number; Affinity: number }
  }
}

/** What NdisMQueryAdapterResources returns (CM_PARTIAL_RESOURCE_LIST). */
interface NDIS_RESOURCE_LIST {
  Version: number
  Revision: number
  Count: number
  PartialDescriptors: CM_PARTIAL_RESOURCE_DESCRIPTOR[]
}

/** NDIS_SPIN_LOCK: allocate with NdisAllocateSpinLock before use (docs/script-api.md). */
declare class NDIS_SPIN_LOCK {}
/** NDIS_MINIPORT_INTERRUPT: storage for NdisMRegisterInterrupt. */
declare class NDIS_MINIPORT_INTERRUPT {}
/** NDIS_MINIPORT_TIMER: storage for NdisMInitializeTimer. */
declare class NDIS_MINIPORT_TIMER {}
/** NDIS_TIMER: storage for NdisInitializeTimer (docs/script-api.md "Kernel runtime"). */
declare class NDIS_TIMER {}
// The NDIS objects by address: an object made with `new`, or a field of the driver's own memory
// (a C_STRUCT field of that type, docs/structures.md), as C passes &Adapter->Lock.
type PNDIS_SPIN_LOCK = NDIS_SPIN_LOCK | PVOID
type PNDIS_MINIPORT_TIMER = NDIS_MINIPORT_TIMER | PVOID
type PNDIS_TIMER = NDIS_TIMER | PVOID
type PNDIS_MINIPORT_INTERRUPT = NDIS_MINIPORT_INTERRUPT | PVOID
type PNDIS_EVENT = NDIS_EVENT | PVOID

type MiniportInitializeHandler = (
  OpenErrorStatus: Out<NDIS_STATUS>,
  SelectedMediumIndex: Out<number>,
  MediumArray: NDIS_MEDIUM[],
  MediumArraySize: number,
  MiniportAdapterHandle: NDIS_HANDLE,
  WrapperConfigurationContext: NDIS_HANDLE,
) => NDIS_STATUS

/** NDIS_MINIPORT_CHARACTERISTICS for NdisMRegisterMiniport. Handlers run at the IRQL of docs/script-api.md. */
interface NDIS_MINIPORT_CHARACTERISTICS {
  MajorNdisVersion: number
  MinorNdisVersion: number
  /** PASSIVE_LEVEL. */
  InitializeHandler: MiniportInitializeHandler
  /** PASSIVE_LEVEL. Undo MiniportInitialize; every indicated packet has come back. */
  HaltHandler: (MiniportAdapterContext: NDIS_HANDLE_CONTEXT) => void
  /** DIRQL. Read the cause; set InterruptRecognized and QueueMiniportHandleInterrupt. */
  ISRHandler?: (
    InterruptRecognized: Out<boolean>,
    QueueMiniportHandleInterrupt: Out<boolean>,
    MiniportAdapterContext: NDIS_HANDLE_CONTEXT,
  ) => void
  /** DISPATCH_LEVEL (a DPC). */
  HandleInterruptHandler?: (MiniportAdapterContext: NDIS_HANDLE_CONTEXT) => void
  /** DIRQL; used when NdisMRegisterInterrupt was called with RequestIsr FALSE. */
  DisableInterruptHandler?: (MiniportAdapterContext: NDIS_HANDLE_CONTEXT) => void
  EnableInterruptHandler?: (MiniportAdapterContext: NDIS_HANDLE_CONTEXT) => void
  /** DISPATCH_LEVEL. Set each packet's status (serialized) or complete with NdisMSendComplete. */
  SendPacketsHandler?: (
    MiniportAdapterContext: NDIS_HANDLE_CONTEXT,
    PacketArray: PNDIS_PACKET[],
    NumberOfPackets: number,
  ) => void
  /** DISPATCH_LEVEL. One packet at a time (serialized miniports without SendPackets). */
  SendHandler?: (MiniportAdapterContext: NDIS_HANDLE_CONTEXT, Packet: PNDIS_PACKET, Flags: number) => NDIS_STATUS
  /** DISPATCH_LEVEL. A packet indicated with status SUCCESS comes back (docs/script-api.md). */
  ReturnPacketHandler?: (MiniportAdapterContext: NDIS_HANDLE_CONTEXT, Packet: PNDIS_PACKET) => void
  /** DISPATCH_LEVEL. Answer an OID into InformationBuffer (at most InformationBufferLength bytes, R49). */
  QueryInformationHandler?: (
    MiniportAdapterContext: NDIS_HANDLE_CONTEXT,
    Oid: NDIS_OID,
    InformationBuffer: PVOID,
    InformationBufferLength: number,
    BytesWritten: Out<number>,
    BytesNeeded: Out<number>,
  ) => NDIS_STATUS
  /** DISPATCH_LEVEL. Take an OID's value from InformationBuffer. */
  SetInformationHandler?: (
    MiniportAdapterContext: NDIS_HANDLE_CONTEXT,
    Oid: NDIS_OID,
    InformationBuffer: PVOID,
    InformationBufferLength: number,
    BytesRead: Out<number>,
    BytesNeeded: Out<number>,
  ) => NDIS_STATUS
  /** DISPATCH_LEVEL. */
  ResetHandler?: (AddressingReset: Out<boolean>, MiniportAdapterContext: NDIS_HANDLE_CONTEXT) => NDIS_STATUS
  /** DISPATCH_LEVEL, every CheckForHangTimeInSeconds. Return TRUE to have NDIS reset the adapter. */
  CheckForHangHandler?: (MiniportAdapterContext: NDIS_HANDLE_CONTEXT) => boolean
  /**
   * DISPATCH_LEVEL, during NdisMEthIndicateReceive only: copy BytesToTransfer bytes of the frame, from ByteOffset after
   * the header, into the protocol's Packet; set BytesTransferred. PENDING completes with NdisMTransferDataComplete.
   */
  TransferDataHandler?: (
    Packet: PNDIS_PACKET,
    BytesTransferred: Out<UINT>,
    MiniportAdapterContext: NDIS_HANDLE_CONTEXT,
    MiniportReceiveContext: any,
    ByteOffset: UINT,
    BytesToTransfer: UINT,
  ) => NDIS_STATUS
}

// ---- Packet pools and packets (docs/script-api.md) ----

/** Allocates one block holding NumberOfDescriptors packet descriptors (docs/script-api.md). SUCCESS or RESOURCES; IRQL <= DISPATCH_LEVEL; release spin locks first. */
declare function NdisAllocatePacketPool(
  Status: Out<NDIS_STATUS> | NULL,
  PoolHandle: Out<NDIS_HANDLE> | NULL,
  NumberOfDescriptors: UINT,
  ProtocolReservedLength: UINT,
): void
/** As NdisAllocatePacketPool, plus overflow descriptors allocated on demand; N + overflow is clamped to 0xFFFF (docs/script-api.md). */
declare function NdisAllocatePacketPoolEx(
  Status: Out<NDIS_STATUS> | NULL,
  PoolHandle: Out<NDIS_HANDLE> | NULL,
  NumberOfDescriptors: UINT,
  NumberOfOverflowDescriptors: UINT,
  ProtocolReservedLength: UINT,
): void
/** Releases the pool; every packet must have been freed (R7). */
declare function NdisFreePacketPool(PoolHandle: NDIS_HANDLE): void
/** Number of descriptors currently allocated from the pool. */
declare function NdisPacketPoolUsage(PoolHandle: NDIS_HANDLE): UINT
/** Bytes one descriptor occupies for a given ProtocolReservedSize. */
declare function NdisPacketSize(ProtocolReservedSize: UINT): UINT
/** Tags the pool's packets with a protocol id; call before allocating from it. */
declare function NdisSetPacketPoolProtocolId(PacketPoolHandle: NDIS_HANDLE, ProtocolId: UINT): void
/** A zeroed descriptor with an empty chain, or RESOURCES (Packet NULL) when the pool is exhausted (docs/script-api.md). */
declare function NdisAllocatePacket(
  Status: Out<NDIS_STATUS> | NULL,
  Packet: Out<PNDIS_PACKET> | NULL,
  PoolHandle: NDIS_HANDLE,
): void
/** NdisAllocatePacket for callers at DISPATCH_LEVEL only (R10). */
declare function NdisDprAllocatePacket(
  Status: Out<NDIS_STATUS> | NULL,
  Packet: Out<PNDIS_PACKET> | NULL,
  PoolHandle: NDIS_HANDLE,
): void
/** NdisDprAllocatePacket without NDIS's pool lock: the caller synchronises. */
declare function NdisDprAllocatePacketNonInterlocked(
  Status: Out<NDIS_STATUS> | NULL,
  Packet: Out<PNDIS_PACKET> | NULL,
  PoolHandle: NDIS_HANDLE,
): void
/** Returns the descriptor to its pool. Unchain and save its buffers first (R6); never twice (R5). */
declare function NdisFreePacket(Packet: PNDIS_PACKET): void
/** NdisFreePacket at DISPATCH_LEVEL. */
declare function NdisDprFreePacket(Packet: PNDIS_PACKET): void
declare function NdisDprFreePacketNonInterlocked(Packet: PNDIS_PACKET): void
/** Makes the descriptor reusable: the chain head becomes NULL, so save the buffer pointers first (R6, docs/verifier-rules.md). */
declare function NdisReinitializePacket(Packet: PNDIS_PACKET): void
/** The pool a packet came from. */
declare function NdisGetPoolFromPacket(Packet: PNDIS_PACKET): NDIS_HANDLE

// ---- Buffer pools and buffers (docs/script-api.md) ----

declare function NdisAllocateBufferPool(
  Status: Out<NDIS_STATUS> | NULL,
  PoolHandle: Out<NDIS_HANDLE> | NULL,
  NumberOfDescriptors: UINT,
): void
/** Every buffer must have been freed first (R8). */
declare function NdisFreeBufferPool(PoolHandle: NDIS_HANDLE): void
/** A buffer descriptor mapping [VirtualAddress, +Length) of non-paged memory; FAILURE (not RESOURCES) when none. */
declare function NdisAllocateBuffer(
  Status: Out<NDIS_STATUS> | NULL,
  Buffer: Out<PNDIS_BUFFER> | NULL,
  PoolHandle: NDIS_HANDLE,
  VirtualAddress: PVOID,
  Length: UINT,
): void
/** A buffer descriptor over part of another one's memory. */
declare function NdisCopyBuffer(
  Status: Out<NDIS_STATUS> | NULL,
  Buffer: Out<PNDIS_BUFFER> | NULL,
  PoolHandle: NDIS_HANDLE,
  MemoryDescriptor: PNDIS_BUFFER,
  Offset: UINT,
  Length: UINT,
): void
/** Frees the descriptor (not the memory it maps). It must not be chained to a packet. */
declare function NdisFreeBuffer(Buffer: PNDIS_BUFFER): void
declare function NdisQueryBuffer(
  Buffer: PNDIS_BUFFER,
  VirtualAddress: Out<PVOID> | NULL,
  Length: Out<UINT> | NULL,
): void
/** As NdisQueryBuffer; the address may be NULL under low resources. */
declare function NdisQueryBufferSafe(
  Buffer: PNDIS_BUFFER,
  VirtualAddress: Out<PVOID> | NULL,
  Length: Out<UINT> | NULL,
  Priority: number,
): void
declare function NdisQueryBufferOffset(Buffer: PNDIS_BUFFER, Offset: Out<UINT> | NULL, Length: Out<UINT> | NULL): void
/** Sets the byte count only: a packet's cached counts are not refreshed (docs/script-api.md; use NdisRecalculatePacketCounts). */
declare function NdisAdjustBufferLength(Buffer: PNDIS_BUFFER, Length: UINT): void
declare function NdisBufferLength(Buffer: PNDIS_BUFFER): UINT
declare function NdisBufferVirtualAddress(Buffer: PNDIS_BUFFER): PVOID
declare function NdisBufferVirtualAddressSafe(Buffer: PNDIS_BUFFER, Priority: number): PVOID
declare function NdisGetNextBuffer(CurrentBuffer: PNDIS_BUFFER, NextBuffer: Out<PNDIS_BUFFER> | NULL): void
declare function NDIS_BUFFER_TO_SPAN_PAGES(Buffer: PNDIS_BUFFER): UINT
declare function NdisGetBufferPhysicalArraySize(Buffer: PNDIS_BUFFER, ArraySize: Out<UINT> | NULL): void

// ---- Chains and queries (docs/script-api.md) ----

/** Links a buffer (or a sub-chain) at the head of the packet's chain; clears ValidCounts. */
declare function NdisChainBufferAtFront(Packet: PNDIS_PACKET, Buffer: PNDIS_BUFFER): void
/** Links a buffer (or a sub-chain) at the tail; clears ValidCounts. */
declare function NdisChainBufferAtBack(Packet: PNDIS_PACKET, Buffer: PNDIS_BUFFER): void
/** Removes the first buffer (NULL when the chain is empty). */
declare function NdisUnchainBufferAtFront(Packet: PNDIS_PACKET, Buffer: Out<PNDIS_BUFFER> | NULL): void
/** Removes the last buffer (NULL when the chain is empty). */
declare function NdisUnchainBufferAtBack(Packet: PNDIS_PACKET, Buffer: Out<PNDIS_BUFFER> | NULL): void
/** Walks the chain to set Tail; clears ValidCounts so the next NdisQueryPacket recounts. */
declare function NdisRecalculatePacketCounts(Packet: PNDIS_PACKET): void
/** First buffer, counts and total length; counts are recomputed only when ValidCounts is FALSE (docs/script-api.md). */
declare function NdisQueryPacket(
  Packet: PNDIS_PACKET,
  PhysicalBufferCount: Out<UINT> | NULL,
  BufferCount: Out<UINT> | NULL,
  FirstBuffer: Out<PNDIS_BUFFER> | NULL,
  TotalPacketLength: Out<UINT> | NULL,
): void
declare function NdisQueryPacketLength(Packet: PNDIS_PACKET, TotalPacketLength: Out<UINT> | NULL): void
/** First buffer, its address and length, and the chain's total length (always recomputed). */
declare function NdisGetFirstBufferFromPacket(
  Packet: PNDIS_PACKET,
  FirstBuffer: Out<PNDIS_BUFFER> | NULL,
  FirstBufferVA: Out<PVOID> | NULL,
  FirstBufferLength: Out<UINT> | NULL,
  TotalBufferLength: Out<UINT> | NULL,
): void
declare function NdisGetFirstBufferFromPacketSafe(
  Packet: PNDIS_PACKET,
  FirstBuffer: Out<PNDIS_BUFFER> | NULL,
  FirstBufferVA: Out<PVOID> | NULL,
  FirstBufferLength: Out<UINT> | NULL,
  TotalBufferLength: Out<UINT> | NULL,
  Priority: number,
): void
/** Copies data between chains (not OOB data); BytesCopied may be less than asked. Release spin locks first. */
declare function NdisCopyFromPacketToPacket(
  Destination: PNDIS_PACKET,
  DestinationOffset: UINT,
  BytesToCopy: UINT,
  Source: PNDIS_PACKET,
  SourceOffset: UINT,
  BytesCopied: Out<UINT> | NULL,
): void
declare function NdisCopyFromPacketToPacketSafe(
  Destination: PNDIS_PACKET,
  DestinationOffset: UINT,
  BytesToCopy: UINT,
  Source: PNDIS_PACKET,
  SourceOffset: UINT,
  BytesCopied: Out<UINT> | NULL,
  Priority: number,
): void

// ---- Per-packet data (docs/script-api.md) ----

declare function NDIS_GET_PACKET_STATUS(Packet: PNDIS_PACKET): NDIS_STATUS
/** Before NdisMIndicateReceivePacket: SUCCESS lends the packet, RESOURCES keeps it (docs/script-api.md). */
declare function NDIS_SET_PACKET_STATUS(Packet: PNDIS_PACKET, Status: NDIS_STATUS): void
declare function NDIS_GET_PACKET_HEADER_SIZE(Packet: PNDIS_PACKET): UINT
declare function NDIS_SET_PACKET_HEADER_SIZE(Packet: PNDIS_PACKET, HdrSize: UINT): void
declare function NDIS_GET_PACKET_TIME_RECEIVED(Packet: PNDIS_PACKET): number
declare function NDIS_SET_PACKET_TIME_RECEIVED(Packet: PNDIS_PACKET, TimeReceived: number): void
declare function NDIS_GET_PACKET_TIME_TO_SEND(Packet: PNDIS_PACKET): number
declare function NDIS_SET_PACKET_TIME_TO_SEND(Packet: PNDIS_PACKET, TimeToSend: number): void
declare function NDIS_GET_PACKET_TIME_SENT(Packet: PNDIS_PACKET): number
declare function NDIS_SET_PACKET_TIME_SENT(Packet: PNDIS_PACKET, TimeSent: number): void
declare function NDIS_SET_PACKET_MEDIA_SPECIFIC_INFO(
  Packet: PNDIS_PACKET,
  MediaSpecificInfo: PVOID,
  SizeMediaSpecificInfo: UINT,
): void
declare function NDIS_GET_PACKET_MEDIA_SPECIFIC_INFO(
  Packet: PNDIS_PACKET,
  MediaSpecificInfo: Out<PVOID> | NULL,
  SizeMediaSpecificInfo: Out<UINT> | NULL,
): void
/** Address of the packet's NDIS_PACKET_OOB_DATA block. */
declare function NDIS_OOB_DATA_FROM_PACKET(Packet: PNDIS_PACKET): PVOID
declare function NDIS_PACKET_EXTENSION_FROM_PACKET(Packet: PNDIS_PACKET): PVOID
/** The value of NdisPacketInfo[InfoType] (a PVOID); write a slot with MmWrite32(NDIS_PACKET_EXTENSION_FROM_PACKET(Packet) + 4 * InfoType, value). */
declare function NDIS_PER_PACKET_INFO_FROM_PACKET(Packet: PNDIS_PACKET, InfoType: number): PVOID
declare function NDIS_GET_ORIGINAL_PACKET(Packet: PNDIS_PACKET): PNDIS_PACKET
declare function NDIS_SET_ORIGINAL_PACKET(Packet: PNDIS_PACKET, OriginalPacket: PNDIS_PACKET): void
declare function NDIS_GET_PACKET_CANCEL_ID(Packet: PNDIS_PACKET): number
declare function NDIS_SET_PACKET_CANCEL_ID(Packet: PNDIS_PACKET, CancelId: number): void
/** Address of Packet->MiniportReserved (8 bytes, the miniport's own). */
declare function MINIPORT_RESERVED(Packet: PNDIS_PACKET): PVOID
/** Address of Packet->ProtocolReserved (the protocol's own). */
declare function PROTOCOL_RESERVED(Packet: PNDIS_PACKET): PVOID
declare function NdisGetPacketFlags(Packet: PNDIS_PACKET): number
declare function NdisSetPacketFlags(Packet: PNDIS_PACKET, Flags: number): void
declare function NdisClearPacketFlags(Packet: PNDIS_PACKET, Flags: number): void

// ---- Receive, send, return (docs/script-api.md) ----

/** Indicates received packets in order; read each one's status on return (SUCCESS, PENDING or RESOURCES). */
declare function NdisMIndicateReceivePacket(
  MiniportAdapterHandle: NDIS_HANDLE,
  PacketArray: PNDIS_PACKET[],
  NumberOfPackets: UINT,
): void
/** Completes a send the miniport pended (or every send of a deserialized miniport); once per packet (R30). */
declare function NdisMSendComplete(MiniportAdapterHandle: NDIS_HANDLE, Packet: PNDIS_PACKET, Status: NDIS_STATUS): void
/** The miniport can take sends again after answering RESOURCES. */
declare function NdisMSendResourcesAvailable(MiniportAdapterHandle: NDIS_HANDLE): void

// ---- Memory (docs/script-api.md) ----

/** Non-paged memory; SUCCESS or FAILURE (VirtualAddress NULL). IRQL <= DISPATCH_LEVEL. */
declare function NdisAllocateMemoryWithTag(VirtualAddress: Out<PVOID> | NULL, Length: UINT, Tag: ULONG): NDIS_STATUS
declare function NdisAllocateMemory(
  VirtualAddress: Out<PVOID> | NULL,
  Length: UINT,
  MemoryFlags: UINT,
  HighestAcceptableAddress: number,
): NDIS_STATUS
/** Length and MemoryFlags must match the allocation; IRQL depends on the flags (R19). */
declare function NdisFreeMemory(VirtualAddress: PVOID, Length: UINT, MemoryFlags: UINT): void
declare function NdisMoveMemory(Destination: PVOID, Source: PVOID, Length: UINT): void
declare function NdisZeroMemory(Destination: PVOID, Length: UINT): void
declare function NdisFillMemory(Destination: PVOID, Length: UINT, Fill: UCHAR): void
/** 1 when the two ranges hold the same bytes, else 0. */
declare function NdisEqualMemory(Source1: PVOID, Source2: PVOID, Length: UINT): number
declare function MmRead8(va: PVOID): number
declare function MmRead16(va: PVOID): number
declare function MmRead32(va: PVOID): number
/** Signed reads (CHAR, SHORT, LONG): MmReadLong of 0xFFFFFFFF is -1; MmRead8/16/32 read UCHAR, USHORT, ULONG. */
declare function MmReadChar(va: PVOID): number
declare function MmReadShort(va: PVOID): number
declare function MmReadLong(va: PVOID): number
declare function MmWrite8(va: PVOID, value: number): void
declare function MmWrite16(va: PVOID, value: number): void
declare function MmWrite32(va: PVOID, value: number): void
/** A live Uint8Array over [va, va+length) for bulk work (empty when the range may not be touched). */
declare function MmView(va: PVOID, length: number): Uint8Array
/** Shared memory for DMA: a virtual address for the driver and a physical address for the controller. PASSIVE_LEVEL. */
declare function NdisMAllocateSharedMemory(
  MiniportAdapterHandle: NDIS_HANDLE,
  Length: ULONG,
  Cached: BOOLEAN,
  VirtualAddress: Out<PVOID> | NULL,
  PhysicalAddress: Out<NDIS_PHYSICAL_ADDRESS> | NULL,
): void
/** Length, Cached and the addresses must be those of the allocation. */
declare function NdisMFreeSharedMemory(
  MiniportAdapterHandle: NDIS_HANDLE,
  Length: ULONG,
  Cached: BOOLEAN,
  VirtualAddress: PVOID,
  PhysicalAddress: NDIS_PHYSICAL_ADDRESS,
): void
/** Maps the controller's register window (docs/controller.md §2). PASSIVE_LEVEL. */
declare function NdisMMapIoSpace(
  Status: Out<NDIS_STATUS> | NULL,
  VirtualAddress: Out<PVOID> | NULL,
  MiniportAdapterHandle: NDIS_HANDLE,
  PhysicalAddress: NDIS_PHYSICAL_ADDRESS,
  Length: UINT,
): void
declare function NdisMUnmapIoSpace(MiniportAdapterHandle: NDIS_HANDLE, VirtualAddress: PVOID, Length: UINT): void
declare function NdisReadRegisterUchar(Register: PVOID, Data: Out<UCHAR> | NULL): void
declare function NdisReadRegisterUshort(Register: PVOID, Data: Out<USHORT> | NULL): void
declare function NdisReadRegisterUlong(Register: PVOID, Data: Out<ULONG> | NULL): void
declare function NdisWriteRegisterUchar(Register: PVOID, Data: UCHAR): void
declare function NdisWriteRegisterUshort(Register: PVOID, Data: USHORT): void
declare function NdisWriteRegisterUlong(Register: PVOID, Data: ULONG): void

// ---- Synchronisation and time (docs/script-api.md) ----

declare function NdisAllocateSpinLock(SpinLock: PNDIS_SPIN_LOCK): void
declare function NdisFreeSpinLock(SpinLock: PNDIS_SPIN_LOCK): void
/** Raises to DISPATCH_LEVEL and keeps the old IRQL in the lock; IRQL <= DISPATCH_LEVEL. */
declare function NdisAcquireSpinLock(SpinLock: PNDIS_SPIN_LOCK): void
/** Restores the IRQL kept in the lock: release nested locks in reverse order. */
declare function NdisReleaseSpinLock(SpinLock: PNDIS_SPIN_LOCK): void
/** At DISPATCH_LEVEL only; no IRQL change. */
declare function NdisDprAcquireSpinLock(SpinLock: PNDIS_SPIN_LOCK): void
declare function NdisDprReleaseSpinLock(SpinLock: PNDIS_SPIN_LOCK): void
/** Runs SynchronizeFunction at DIRQL under the interrupt's lock and returns its result. */
declare function NdisMSynchronizeWithInterrupt(
  Interrupt: PNDIS_MINIPORT_INTERRUPT,
  SynchronizeFunction: (SynchronizeContext: any) => boolean,
  SynchronizeContext: any,
): boolean
declare function NdisMInitializeTimer(
  Timer: PNDIS_MINIPORT_TIMER,
  MiniportAdapterHandle: NDIS_HANDLE,
  TimerFunction: (
    SystemSpecific1: unknown,
    FunctionContext: any,
    SystemSpecific2: unknown,
    SystemSpecific3: unknown,
  ) => void,
  FunctionContext: any,
): void
/** One shot after MillisecondsToDelay; the function runs at DISPATCH_LEVEL. */
declare function NdisMSetTimer(Timer: PNDIS_MINIPORT_TIMER, MillisecondsToDelay: UINT): void
declare function NdisMSetPeriodicTimer(Timer: PNDIS_MINIPORT_TIMER, MillisecondPeriod: UINT): void
declare function NdisMCancelTimer(Timer: PNDIS_MINIPORT_TIMER, TimerCancelled: Out<boolean> | NULL): void
/** Busy-waits (at most 50 µs, R48). */
declare function NdisStallExecution(MicrosecondsToStall: UINT): void
/** 100-ns units since 1601-01-01. */
declare function NdisGetCurrentSystemTime(SystemTime: Out<LARGE_INTEGER> | NULL): void
declare function KeGetCurrentIrql(): KIRQL

// ---- Adapter set-up (docs/script-api.md; docs/controller.md §10) ----

declare function NdisMInitializeWrapper(
  NdisWrapperHandle: Out<NDIS_HANDLE> | NULL,
  SystemSpecific1: PDRIVER_OBJECT,
  SystemSpecific2: PUNICODE_STRING,
  SystemSpecific3: unknown,
): void
declare function NdisTerminateWrapper(NdisWrapperHandle: NDIS_HANDLE, SystemSpecific: unknown): void
/** Registers the handlers; BAD_VERSION or BAD_CHARACTERISTICS when NDIS cannot use them. */
declare function NdisMRegisterMiniport(
  NdisWrapperHandle: NDIS_HANDLE,
  MiniportCharacteristics: NDIS_MINIPORT_CHARACTERISTICS,
  CharacteristicsLength?: UINT,
): NDIS_STATUS
/** First call of MiniportInitialize: the adapter context and attributes (NDIS_ATTRIBUTE_*). */
declare function NdisMSetAttributesEx(
  MiniportAdapterHandle: NDIS_HANDLE,
  MiniportAdapterContext: NDIS_HANDLE_CONTEXT,
  CheckForHangTimeInSeconds: UINT,
  AttributeFlags: ULONG,
  AdapterType: NDIS_INTERFACE_TYPE,
): void
declare function NdisMSetAttributes(
  MiniportAdapterHandle: NDIS_HANDLE,
  MiniportAdapterContext: NDIS_HANDLE_CONTEXT,
  BusMaster: BOOLEAN,
  AdapterType: NDIS_INTERFACE_TYPE,
): void
declare function NdisOpenConfiguration(
  Status: Out<NDIS_STATUS> | NULL,
  ConfigurationHandle: Out<NDIS_HANDLE> | NULL,
  WrapperConfigurationContext: NDIS_HANDLE,
): void
/** Reads a registry value (the scenario's `registry`); FAILURE when the keyword is not there. */
declare function NdisReadConfiguration(
  Status: Out<NDIS_STATUS> | NULL,
  ParameterValue: Out<NDIS_CONFIGURATION_PARAMETER | null> | NULL,
  ConfigurationHandle: NDIS_HANDLE,
  Keyword: NDIS_STRING,
  ParameterType: NDIS_PARAMETER_TYPE,
): void
declare function NdisCloseConfiguration(ConfigurationHandle: NDIS_HANDLE): void
/** The NetworkAddress registry value (12 hex digits); FAILURE when there is none. */
declare function NdisReadNetworkAddress(
  Status: Out<NDIS_STATUS> | NULL,
  NetworkAddress: Out<number[] | null> | NULL,
  NetworkAddressLength: Out<UINT> | NULL,
  ConfigurationHandle: NDIS_HANDLE,
): void
/** The register window and interrupt of the adapter (docs/controller.md §2). */
declare function NdisMQueryAdapterResources(
  Status: Out<NDIS_STATUS> | NULL,
  WrapperConfigurationContext: NDIS_HANDLE,
  ResourceList: Out<NDIS_RESOURCE_LIST | null> | NULL,
  BufferSize: Out<UINT> | NULL,
): void
/** Connects MiniportISR / MiniportHandleInterrupt to the vector; PASSIVE_LEVEL, after NdisMSetAttributesEx. */
declare function NdisMRegisterInterrupt(
  Interrupt: PNDIS_MINIPORT_INTERRUPT,
  MiniportAdapterHandle: NDIS_HANDLE,
  InterruptVector: UINT,
  InterruptLevel: UINT,
  RequestIsr: BOOLEAN,
  SharedInterrupt: BOOLEAN,
  InterruptMode: number,
): NDIS_STATUS
/** In MiniportHalt (or a failing MiniportInitialize), after masking the controller's interrupts (R24, R25). */
declare function NdisMDeregisterInterrupt(Interrupt: PNDIS_MINIPORT_INTERRUPT): void
declare function NdisMIndicateStatus(
  MiniportAdapterHandle: NDIS_HANDLE,
  GeneralStatus: NDIS_STATUS,
  StatusBuffer: PVOID,
  StatusBufferSize: UINT,
): void
declare function NdisMIndicateStatusComplete(MiniportAdapterHandle: NDIS_HANDLE): void
/** printf to the Debug output and the report's log: %d %i %u %x %X %p %s %c %% with flags and widths. */
declare function DbgPrint(Format: string, ...args: unknown[]): number
declare function NDIS_STRING_CONST(text: string): NDIS_STRING

/** Completes a MiniportReset that returned NDIS_STATUS_PENDING (R27 when no reset is in progress). */
declare function NdisMResetComplete(
  MiniportAdapterHandle: NDIS_HANDLE,
  Status: NDIS_STATUS,
  AddressingReset: BOOLEAN,
): void
/** NDIS_EVENT: a notification event (new NDIS_EVENT(); NdisInitializeEvent before use). */
declare class NDIS_EVENT {}
declare function NdisInitializeEvent(Event: PNDIS_EVENT): void
declare function NdisSetEvent(Event: PNDIS_EVENT): void
declare function NdisResetEvent(Event: PNDIS_EVENT): void
/** PASSIVE_LEVEL only (R28). TRUE when the event is set within MsToWait ms (0: no timeout); the system runs on meanwhile. */
declare function NdisWaitEvent(Event: PNDIS_EVENT, MsToWait: UINT): BOOLEAN

// ---- C structures over kernel memory (docs/structures.md) ----

/** A C type for a C_STRUCT field; V is what reading the field gives. */
interface C_TYPE<V = number> {
  readonly name: string
  /** sizeof(type). */
  readonly size: number
  /** Its alignment under MSVC's default packing (x86). */
  readonly align: number
  readonly __cValue?: V
}
/** A field's type: a C type, a structure, or one of the NDIS objects (a field of its C size). */
type C_FIELD =
  | C_TYPE<any>
  | typeof NDIS_SPIN_LOCK
  | typeof NDIS_MINIPORT_TIMER
  | typeof NDIS_TIMER
  | typeof NDIS_EVENT
  | typeof NDIS_MINIPORT_INTERRUPT
  | typeof NPAGED_LOOKASIDE_LIST
  | typeof NDIS_WORK_ITEM
type C_FIELDS = { readonly [field: string]: C_FIELD }
/** What reading a field gives: a number (boolean for BOOLEAN), a nested structure's view, or an address. */
type C_FIELD_VALUE<F> = F extends C_TYPE<infer V> ? V : PVOID
/** A pointer to a structure: its fields read and write kernel memory at `$va` (writable, to move along an array). */
type C_VIEW<F extends C_FIELDS> = { -readonly [K in keyof F]: C_FIELD_VALUE<F[K]> } & { $va: PVOID }
/** A structure declared with C_STRUCT or C_UNION. */
interface C_STRUCT_TYPE<F extends C_FIELDS> extends C_TYPE<C_VIEW<F>> {
  /** `(PTYPE)va`: a view of the structure at va. */
  at(va: PVOID): C_VIEW<F>
}
/** A field path for FIELD_OFFSET and CONTAINING_RECORD: a field, or 'Outer.Inner' for a nested one. */
type C_FIELD_NAME<F extends C_FIELDS> = (keyof F & string) | `${keyof F & string}.${string}`

/** `typedef struct _NAME { ... } NAME`: fields in declaration order, laid out as x86 MSVC does (docs/structures.md). */
declare function C_STRUCT<const F extends C_FIELDS>(Name: string, Fields: F): C_STRUCT_TYPE<F>
/** `typedef union`: every field at offset 0; the size is the largest field's, rounded to the alignment. */
declare function C_UNION<const F extends C_FIELDS>(Name: string, Fields: F): C_STRUCT_TYPE<F>
/** `TYPE Field[Count]`: reading the field gives its address, as C's array does. */
declare function C_ARRAY(Type: C_FIELD, Count: number): C_TYPE<PVOID>
/** sizeof(type), or sizeof(*view). */
declare function sizeof(Type: C_FIELD | C_VIEW<any>): number
declare function FIELD_OFFSET<F extends C_FIELDS>(Type: C_STRUCT_TYPE<F>, Field: C_FIELD_NAME<F>): number
/** The structure whose Field is at Address (a PLIST_ENTRY from RemoveHeadList, say), as a view. */
declare function CONTAINING_RECORD<F extends C_FIELDS>(
  Address: PVOID | C_VIEW<any>,
  Type: C_STRUCT_TYPE<F>,
  Field: C_FIELD_NAME<F>,
): C_VIEW<F>

/** 1 byte. */
declare const UCHAR: C_TYPE<number>
/** 1 byte, signed. */
declare const CHAR: C_TYPE<number>
/** 1 byte; reads as true/false. */
declare const BOOLEAN: C_TYPE<boolean>
declare const KIRQL: C_TYPE<number>
declare const USHORT: C_TYPE<number>
declare const SHORT: C_TYPE<number>
declare const WCHAR: C_TYPE<number>
declare const ULONG: C_TYPE<number>
declare const LONG: C_TYPE<number>
declare const UINT: C_TYPE<number>
declare const INT: C_TYPE<number>
declare const ULONG_PTR: C_TYPE<number>
declare const NDIS_STATUS: C_TYPE<number>
declare const NDIS_OID: C_TYPE<number>
declare const NDIS_MEDIUM: C_TYPE<number>
/** Pointers and handles: 32-bit addresses. */
declare const PVOID: C_TYPE<PVOID>
declare const PUCHAR: C_TYPE<PVOID>
declare const PULONG: C_TYPE<PVOID>
declare const NDIS_HANDLE: C_TYPE<NDIS_HANDLE>
declare const PNDIS_PACKET: C_TYPE<PNDIS_PACKET>
declare const PNDIS_BUFFER: C_TYPE<PNDIS_BUFFER>
declare const PLIST_ENTRY: C_TYPE<PVOID>
/** 8 bytes, 8-aligned (a LARGE_INTEGER); reads as one number. */
declare const NDIS_PHYSICAL_ADDRESS: C_TYPE<NDIS_PHYSICAL_ADDRESS>
declare const LARGE_INTEGER: C_TYPE<number>
declare const ULONGLONG: C_TYPE<number>
/** LIST_ENTRY { Flink; Blink } (8 bytes): the head and the links of the list functions. */
declare const LIST_ENTRY: C_STRUCT_TYPE<{ Flink: C_TYPE<PVOID>; Blink: C_TYPE<PVOID> }>
/** SINGLE_LIST_ENTRY { Next } (4 bytes): PushEntryList / PopEntryList. */
declare const SINGLE_LIST_ENTRY: C_STRUCT_TYPE<{ Next: C_TYPE<PVOID> }>

// ---- Lists and interlocked operations (docs/structures.md) ----
// A head or entry is its address or the view of a LIST_ENTRY field (`Adapter.SendWaitList`).

type PLIST_ENTRY = PVOID | C_VIEW<{ Flink: C_TYPE<PVOID>; Blink: C_TYPE<PVOID> }>
type PSINGLE_LIST_ENTRY = PVOID | C_VIEW<{ Next: C_TYPE<PVOID> }>
declare function InitializeListHead(ListHead: PLIST_ENTRY): void
declare function IsListEmpty(ListHead: PLIST_ENTRY): BOOLEAN
/** TRUE when the list is empty afterwards. A neighbour that does not point back is R64. */
declare function RemoveEntryList(Entry: PLIST_ENTRY): BOOLEAN
/** The first entry, unlinked (the head itself when the list is empty, as in C: test IsListEmpty first). */
declare function RemoveHeadList(ListHead: PLIST_ENTRY): PVOID
declare function RemoveTailList(ListHead: PLIST_ENTRY): PVOID
declare function InsertHeadList(ListHead: PLIST_ENTRY, Entry: PLIST_ENTRY): void
declare function InsertTailList(ListHead: PLIST_ENTRY, Entry: PLIST_ENTRY): void
declare function PushEntryList(ListHead: PSINGLE_LIST_ENTRY, Entry: PSINGLE_LIST_ENTRY): void
/** The first entry, unlinked, or NULL. */
declare function PopEntryList(ListHead: PSINGLE_LIST_ENTRY): PVOID
/** Under the spin lock (IRQL <= DISPATCH_LEVEL). The entry that was first, or NULL when the list was empty. */
declare function NdisInterlockedInsertHeadList(
  ListHead: PLIST_ENTRY,
  ListEntry: PLIST_ENTRY,
  SpinLock: PNDIS_SPIN_LOCK,
): PVOID
/** Under the spin lock. The entry that was last, or NULL when the list was empty. */
declare function NdisInterlockedInsertTailList(
  ListHead: PLIST_ENTRY,
  ListEntry: PLIST_ENTRY,
  SpinLock: PNDIS_SPIN_LOCK,
): PVOID
/** Under the spin lock. The first entry, unlinked, or NULL when the list is empty. */
declare function NdisInterlockedRemoveHeadList(ListHead: PLIST_ENTRY, SpinLock: PNDIS_SPIN_LOCK): PVOID
declare function NdisInterlockedPushEntryList(
  ListHead: PSINGLE_LIST_ENTRY,
  ListEntry: PSINGLE_LIST_ENTRY,
  Lock: PNDIS_SPIN_LOCK,
): PVOID
declare function NdisInterlockedPopEntryList(ListHead: PSINGLE_LIST_ENTRY, Lock: PNDIS_SPIN_LOCK): PVOID
/** The LONG at Addend plus one, stored and returned (any IRQL). */
declare function NdisInterlockedIncrement(Addend: PVOID): number
declare function NdisInterlockedDecrement(Addend: PVOID): number
/** *Addend += Increment under the spin lock. */
declare function NdisInterlockedAddUlong(Addend: PVOID, Increment: ULONG, SpinLock: PNDIS_SPIN_LOCK): void

// ---- Kernel runtime: timers, sleeping (docs/script-api.md "Kernel runtime") ----

/** An NDIS_TIMER whose TimerFunction(SystemSpecific1, FunctionContext, SystemSpecific2, SystemSpecific3) runs at DISPATCH_LEVEL. */
declare function NdisInitializeTimer(
  Timer: PNDIS_TIMER,
  TimerFunction: (
    SystemSpecific1: unknown,
    FunctionContext: any,
    SystemSpecific2: unknown,
    SystemSpecific3: unknown,
  ) => void,
  FunctionContext: any,
): void
declare function NdisSetTimer(Timer: PNDIS_TIMER, MillisecondsToDelay: UINT): void
declare function NdisCancelTimer(Timer: PNDIS_TIMER, TimerCancelled: Out<boolean> | NULL): void
/** NDIS_WORK_ITEM (0x28 bytes on x86): `new NDIS_WORK_ITEM()` or a C_STRUCT field, passed by address. */
declare class NDIS_WORK_ITEM {}
type PNDIS_WORK_ITEM = NDIS_WORK_ITEM | PVOID
/** Any IRQL. Routine(WorkItem, Context) runs at PASSIVE_LEVEL once scheduled. */
declare function NdisInitializeWorkItem(
  WorkItem: PNDIS_WORK_ITEM,
  Routine: (WorkItem: PNDIS_WORK_ITEM, Context: any) => void,
  Context: any,
): void
/** IRQL <= DISPATCH_LEVEL. Queues the work item (once: scheduling it again before it ran changes nothing). */
declare function NdisScheduleWorkItem(WorkItem: PNDIS_WORK_ITEM): NDIS_STATUS
/** PASSIVE_LEVEL only (R65): blocks while virtual time and the rest of the system run on. */
declare function NdisMSleep(MicrosecondsToSleep: ULONG): void

// ---- Lookaside lists and system helpers (docs/script-api.md "Kernel runtime") ----

/** NPAGED_LOOKASIDE_LIST (0x80 bytes on x86): `new NPAGED_LOOKASIDE_LIST()` or a C_STRUCT field, passed by address. */
declare class NPAGED_LOOKASIDE_LIST {}
type PNPAGED_LOOKASIDE_LIST = NPAGED_LOOKASIDE_LIST | PVOID
/** IRQL <= DISPATCH_LEVEL. Allocate and Free are NULL for NDIS's own (non-paged memory of Size bytes tagged Tag). */
declare function NdisInitializeNPagedLookasideList(
  Lookaside: PNPAGED_LOOKASIDE_LIST,
  Allocate: ((PoolType: number, NumberOfBytes: ULONG, Tag: ULONG) => PVOID) | NULL,
  Free: ((Buffer: PVOID) => void) | NULL,
  Flags: ULONG,
  Size: ULONG,
  Tag: ULONG,
  Depth: USHORT,
): void
/** An entry of the list's size, or NULL. IRQL <= DISPATCH_LEVEL. */
declare function NdisAllocateFromNPagedLookasideList(Lookaside: PNPAGED_LOOKASIDE_LIST): PVOID
/** Gives an entry back (R66 for one the list did not allocate). IRQL <= DISPATCH_LEVEL. */
declare function NdisFreeToNPagedLookasideList(Lookaside: PNPAGED_LOOKASIDE_LIST, Entry: PVOID): void
/** Frees the entries the list kept; every entry must be back (R66). IRQL <= DISPATCH_LEVEL. */
declare function NdisDeleteNPagedLookasideList(Lookaside: PNPAGED_LOOKASIDE_LIST): void
declare function NdisSystemProcessorCount(): number
/** Always 0: virtual time does not pass while handlers run. */
declare function NdisGetCurrentProcessorCpuUsage(pCpuUsage: Out<ULONG> | NULL): void
declare function NdisGetCurrentProcessorCounts(
  pIdleCount: Out<ULONG> | NULL,
  pKernelAndUser: Out<ULONG> | NULL,
  pIndex: Out<ULONG> | NULL,
): void
/** Milliseconds of virtual time since the system started. */
declare function NdisGetSystemUpTime(pSystemUpTime: Out<ULONG> | NULL): void
/** 0x00050001: NDIS 5.1. */
declare function NdisGetVersion(): number
/** 64 (the x86 cache line). */
declare function NdisGetSharedDataAlignment(): number
declare function NdisGetCacheFillSize(): number
declare function NdisMGetDmaAlignment(MiniportAdapterHandle: NDIS_HANDLE): number
declare function NdisRetrieveUlong(DestinationAddress: PVOID, SourceAddress: PVOID): void
declare function NdisStoreUlong(DestinationAddress: PVOID, Value: ULONG): void
declare function NdisGetPhysicalAddressLow(PhysicalAddress: NDIS_PHYSICAL_ADDRESS): ULONG
declare function NdisGetPhysicalAddressHigh(PhysicalAddress: NDIS_PHYSICAL_ADDRESS): ULONG
declare function NDIS_PHYSICAL_ADDRESS_CONST(Low: ULONG, High: ULONG): NDIS_PHYSICAL_ADDRESS
/** NDIS strings are script strings. */
declare function NdisInitializeString(Destination: Out<NDIS_STRING> | NULL, Source: string): void
declare function NdisInitUnicodeString(DestinationString: Out<NDIS_STRING> | NULL, SourceString: string | NULL): void
declare function NdisInitAnsiString(DestinationString: Out<string> | NULL, SourceString: string | NULL): void
declare function NdisFreeString(String: NDIS_STRING): void
declare function NdisEqualString(String1: NDIS_STRING, String2: NDIS_STRING, CaseInsensitive: BOOLEAN): BOOLEAN

// ---- Requests, resets and unload (docs/ndis-environment.md) ----
/** Completes the request MiniportQueryInformation returned NDIS_STATUS_PENDING for; set BytesWritten first (R51, R52). */
declare function NdisMQueryInformationComplete(MiniportAdapterHandle: NDIS_HANDLE, Status: NDIS_STATUS): void
/** Completes the request MiniportSetInformation returned NDIS_STATUS_PENDING for; set BytesRead first (R51, R52). */
declare function NdisMSetInformationComplete(MiniportAdapterHandle: NDIS_HANDLE, Status: NDIS_STATUS): void
/** In DriverEntry: the routine NDIS calls at PASSIVE_LEVEL after the last adapter halted, to free what DriverEntry made. */
declare function NdisMRegisterUnloadHandler(
  NdisWrapperHandle: NDIS_HANDLE,
  UnloadHandler: (DriverObject: PDRIVER_OBJECT) => void,
): void

/**
 * The NDIS 3/4 receive path: the header and a lookahead of a received frame (at least OID_GEN_CURRENT_LOOKAHEAD bytes
 * after the header, or all of it, R57); PacketSize is the frame's length after the header. MiniportReceiveContext comes
 * back to MiniportTransferData.
 */
declare function NdisMEthIndicateReceive(
  MiniportAdapterHandle: NDIS_HANDLE,
  MiniportReceiveContext: any,
  HeaderBuffer: PVOID,
  HeaderBufferSize: UINT,
  LookaheadBuffer: PVOID,
  LookaheadBufferSize: UINT,
  PacketSize: UINT,
): void
/** After a batch of NdisMEthIndicateReceive calls. */
declare function NdisMEthIndicateReceiveComplete(MiniportAdapterHandle: NDIS_HANDLE): void
/** Completes a MiniportTransferData that returned NDIS_STATUS_PENDING (R58 otherwise). */
declare function NdisMTransferDataComplete(
  MiniportAdapterHandle: NDIS_HANDLE,
  Packet: PNDIS_PACKET,
  Status: NDIS_STATUS,
  BytesTransferred: UINT,
): void

/** In MiniportInitialize: the routine for system shutdown (never called during a run; deregister it in MiniportHalt). */
declare function NdisMRegisterAdapterShutdownHandler(
  MiniportHandle: NDIS_HANDLE,
  ShutdownContext: any,
  ShutdownHandler: (ShutdownContext: any) => void,
): void
declare function NdisMDeregisterAdapterShutdownHandler(MiniportHandle: NDIS_HANDLE): void

// ---- The adapter's bus: I/O ports and PCI configuration space (docs/controller.md §2) ----

/** PASSIVE_LEVEL. Claims ports of the adapter's port resource; PortOffset gets the port address to use. */
declare function NdisMRegisterIoPortRange(
  PortOffset: Out<PVOID> | NULL,
  MiniportAdapterHandle: NDIS_HANDLE,
  InitialPort: UINT,
  NumberOfPorts: UINT,
): NDIS_STATUS
declare function NdisMDeregisterIoPortRange(
  MiniportAdapterHandle: NDIS_HANDLE,
  InitialPort: UINT,
  NumberOfPorts: UINT,
  PortOffset: PVOID,
): void
/** A port outside a registered range is R67. Any IRQL. */
declare function NdisRawReadPortUchar(Port: PVOID, Data: Out<UCHAR> | NULL): void
declare function NdisRawReadPortUshort(Port: PVOID, Data: Out<USHORT> | NULL): void
declare function NdisRawReadPortUlong(Port: PVOID, Data: Out<ULONG> | NULL): void
declare function NdisRawWritePortUchar(Port: PVOID, Data: UCHAR): void
declare function NdisRawWritePortUshort(Port: PVOID, Data: USHORT): void
declare function NdisRawWritePortUlong(Port: PVOID, Data: ULONG): void
/** Length reads of one port into memory at Buffer (Length elements of the port's width). */
declare function NdisRawReadPortBufferUchar(Port: PVOID, Buffer: PVOID, Length: ULONG): void
declare function NdisRawReadPortBufferUshort(Port: PVOID, Buffer: PVOID, Length: ULONG): void
declare function NdisRawReadPortBufferUlong(Port: PVOID, Buffer: PVOID, Length: ULONG): void
declare function NdisRawWritePortBufferUchar(Port: PVOID, Buffer: PVOID, Length: ULONG): void
declare function NdisRawWritePortBufferUshort(Port: PVOID, Buffer: PVOID, Length: ULONG): void
declare function NdisRawWritePortBufferUlong(Port: PVOID, Buffer: PVOID, Length: ULONG): void
/** PASSIVE_LEVEL, in MiniportInitialize: the adapter's ports without a registered range. */
declare function NdisImmediateReadPortUchar(
  WrapperConfigurationContext: NDIS_HANDLE,
  Port: ULONG,
  Data: Out<UCHAR> | NULL,
): void
declare function NdisImmediateReadPortUshort(
  WrapperConfigurationContext: NDIS_HANDLE,
  Port: ULONG,
  Data: Out<USHORT> | NULL,
): void
declare function NdisImmediateReadPortUlong(
  WrapperConfigurationContext: NDIS_HANDLE,
  Port: ULONG,
  Data: Out<ULONG> | NULL,
): void
declare function NdisImmediateWritePortUchar(WrapperConfigurationContext: NDIS_HANDLE, Port: ULONG, Data: UCHAR): void
declare function NdisImmediateWritePortUshort(WrapperConfigurationContext: NDIS_HANDLE, Port: ULONG, Data: USHORT): void
declare function NdisImmediateWritePortUlong(WrapperConfigurationContext: NDIS_HANDLE, Port: ULONG, Data: ULONG): void
/** PASSIVE_LEVEL. Copies configuration space into Buffer; returns the bytes read (fewer past offset 256). */
declare function NdisReadPciSlotInformation(
  NdisAdapterHandle: NDIS_HANDLE,
  SlotNumber: ULONG,
  Offset: ULONG,
  Buffer: PVOID,
  Length: ULONG,
): ULONG
declare function NdisWritePciSlotInformation(
  NdisAdapterHandle: NDIS_HANDLE,
  SlotNumber: ULONG,
  Offset: ULONG,
  Buffer: PVOID,
  Length: ULONG,
): ULONG
declare function NdisImmediateReadPciSlotInformation(
  WrapperConfigurationContext: NDIS_HANDLE,
  SlotNumber: ULONG,
  Offset: ULONG,
  Buffer: PVOID,
  Length: ULONG,
): ULONG
declare function NdisImmediateWritePciSlotInformation(
  WrapperConfigurationContext: NDIS_HANDLE,
  SlotNumber: ULONG,
  Offset: ULONG,
  Buffer: PVOID,
  Length: ULONG,
): ULONG
/** Any IRQL; WhichSpace PCI_WHICHSPACE_CONFIG. */
declare function NdisMGetBusData(
  MiniportAdapterHandle: NDIS_HANDLE,
  WhichSpace: ULONG,
  Offset: ULONG,
  Buffer: PVOID,
  Length: ULONG,
): ULONG
declare function NdisMSetBusData(
  MiniportAdapterHandle: NDIS_HANDLE,
  WhichSpace: ULONG,
  Offset: ULONG,
  Buffer: PVOID,
  Length: ULONG,
): ULONG
/** 0 */
declare const PCI_WHICHSPACE_CONFIG: number

// ---- DMA: map registers and scatter/gather (docs/script-api.md "DMA") ----

/** One physically contiguous piece of a buffer (16 bytes on x86 when it lives in memory). */
interface NDIS_PHYSICAL_ADDRESS_UNIT {
  PhysicalAddress: NDIS_PHYSICAL_ADDRESS
  Length: UINT
}
/** 0 */
declare const NDIS_DMA_24BITS: number
/** 1 */
declare const NDIS_DMA_32BITS: number
/** 2 */
declare const NDIS_DMA_64BITS: number
/** PASSIVE_LEVEL, NDIS_ATTRIBUTE_BUS_MASTER set (R68). */
declare function NdisMAllocateMapRegisters(
  MiniportAdapterHandle: NDIS_HANDLE,
  DmaChannel: UINT,
  DmaSize: UCHAR | BOOLEAN,
  PhysicalMapRegistersNeeded: ULONG,
  MaximumPhysicalMapping: ULONG,
): NDIS_STATUS
/** PASSIVE_LEVEL; no mapping may be active (R68). */
declare function NdisMFreeMapRegisters(MiniportAdapterHandle: NDIS_HANDLE): void
/**
 * IRQL <= DISPATCH_LEVEL. Fills PhysicalAddressArray (a script array, or the address of an array of
 * NDIS_PHYSICAL_ADDRESS_UNIT in memory) with one unit per page the buffer spans; ArraySize gets the count.
 */
declare function NdisMStartBufferPhysicalMapping(
  MiniportAdapterHandle: NDIS_HANDLE,
  Buffer: PNDIS_BUFFER,
  PhysicalMapRegister: ULONG,
  WriteToDevice: BOOLEAN,
  PhysicalAddressArray: NDIS_PHYSICAL_ADDRESS_UNIT[] | PVOID,
  ArraySize: Out<UINT> | NULL,
): void
/** IRQL <= DISPATCH_LEVEL; the register must be mapping this buffer (R68). */
declare function NdisMCompleteBufferPhysicalMapping(
  MiniportAdapterHandle: NDIS_HANDLE,
  Buffer: PNDIS_BUFFER,
  PhysicalMapRegister: ULONG,
): void
/**
 * PASSIVE_LEVEL, bus master (R68). Each packet sent afterwards carries a SCATTER_GATHER_LIST in its
 * ScatterGatherListPacketInfo slot: NumberOfElements at 0, elements of { Address (8), Length (4), Reserved } from 8.
 */
declare function NdisMInitializeScatterGatherDma(
  MiniportAdapterHandle: NDIS_HANDLE,
  Dma64BitAddresses: BOOLEAN,
  MaximumPhysicalMapping: ULONG,
): NDIS_STATUS
/** PASSIVE_LEVEL. Opaque device-object addresses and the adapter's resources (as NdisMQueryAdapterResources). */
declare function NdisMGetDeviceProperty(
  MiniportAdapterHandle: NDIS_HANDLE,
  PhysicalDeviceObject: Out<PVOID> | NULL,
  FunctionalDeviceObject: Out<PVOID> | NULL,
  NextDeviceObject: Out<PVOID> | NULL,
  AllocatedResources: Out<NDIS_RESOURCE_LIST> | NULL,
  AllocatedResourcesTranslated: Out<NDIS_RESOURCE_LIST> | NULL,
): void

// ---- Declared, not emulated yet: calling one stops the run with "not emulated: <name>" ----

declare function NdisWriteErrorLogEntry(
  NdisAdapterHandle: NDIS_HANDLE,
  ErrorCode: ULONG,
  NumberOfErrorValues: ULONG,
  ...values: ULONG[]
): void

// The rest of the NDIS 5.1 miniport ndis.h (docs/script-api.md "Not emulated yet"): declared so a port type-checks.
declare function NDIS_BUFFER_LINKAGE(...args: any[]): any
declare function NdisAcquireReadWriteLock(...args: any[]): any
declare function NdisAnsiStringToUnicodeString(...args: any[]): any
declare function NdisCloseFile(...args: any[]): any
declare function NdisCreateLookaheadBufferFromSharedMemory(...args: any[]): any
declare function NdisDestroyLookaheadBufferFromSharedMemory(...args: any[]): any
declare function NdisEqualUnicodeString(...args: any[]): any
declare function NdisFlushBuffer(...args: any[]): any
declare function NdisGeneratePartialCancelId(...args: any[]): any
declare function NdisGetPacketCancelId(...args: any[]): any
declare function NdisGetRoutineAddress(...args: any[]): any
declare function NdisIMAssociateMiniport(...args: any[]): any
declare function NdisIMCancelInitializeDeviceInstance(...args: any[]): any
declare function NdisIMCopySendCompletePerPacketInfo(...args: any[]): any
declare function NdisIMCopySendPerPacketInfo(...args: any[]): any
declare function NdisIMDeInitializeDeviceInstance(...args: any[]): any
declare function NdisIMGetBindingContext(...args: any[]): any
declare function NdisIMGetCurrentPacketStack(...args: any[]): any
declare function NdisIMInitializeDeviceInstance(...args: any[]): any
declare function NdisIMInitializeDeviceInstanceEx(...args: any[]): any
declare function NdisIMNotifyPnPEvent(...args: any[]): any
declare function NdisIMRegisterLayeredMiniport(...args: any[]): any
declare function NdisImmediateReadSharedMemory(...args: any[]): any
declare function NdisImmediateWriteSharedMemory(...args: any[]): any
declare function NdisInitializeReadWriteLock(...args: any[]): any
declare function NdisInterlockedAddLargeInterger(...args: any[]): any
declare function NdisMAllocateSharedMemoryAsync(...args: any[]): any
declare function NdisMArcIndicateReceive(...args: any[]): any
declare function NdisMArcIndicateReceiveComplete(...args: any[]): any
declare function NdisMCloseLog(...args: any[]): any
declare function NdisMCompleteDmaTransfer(...args: any[]): any
declare function NdisMCreateLog(...args: any[]): any
declare function NdisMDeregisterDevice(...args: any[]): any
declare function NdisMDeregisterDmaChannel(...args: any[]): any
declare function NdisMFddiIndicateReceive(...args: any[]): any
declare function NdisMFddiIndicateReceiveComplete(...args: any[]): any
declare function NdisMFlushLog(...args: any[]): any
declare function NdisMPciAssignResources(...args: any[]): any
declare function NdisMPromoteMiniport(...args: any[]): any
declare function NdisMQueryAdapterInstanceName(...args: any[]): any
declare function NdisMReadDmaCounter(...args: any[]): any
declare function NdisMRegisterDevice(...args: any[]): any
declare function NdisMRegisterDmaChannel(...args: any[]): any
declare function NdisMRemoveMiniport(...args: any[]): any
declare function NdisMSetMiniportSecondary(...args: any[]): any
declare function NdisMSetupDmaTransfer(...args: any[]): any
declare function NdisMTrIndicateReceive(...args: any[]): any
declare function NdisMTrIndicateReceiveComplete(...args: any[]): any
declare function NdisMUpdateSharedMemory(...args: any[]): any
declare function NdisMWanIndicateReceive(...args: any[]): any
declare function NdisMWanIndicateReceiveComplete(...args: any[]): any
declare function NdisMWanSendComplete(...args: any[]): any
declare function NdisMWriteLogData(...args: any[]): any
declare function NdisMapFile(...args: any[]): any
declare function NdisMoveFromMappedMemory(...args: any[]): any
declare function NdisMoveMappedMemory(...args: any[]): any
declare function NdisMoveToMappedMemory(...args: any[]): any
declare function NdisOpenConfigurationKeyByIndex(...args: any[]): any
declare function NdisOpenConfigurationKeyByName(...args: any[]): any
declare function NdisOpenFile(...args: any[]): any
declare function NdisPrintString(...args: any[]): any
declare function NdisQueryMapRegisterCount(...args: any[]): any
declare function NdisQueryPendingIOCount(...args: any[]): any
declare function NdisReadEisaSlotInformation(...args: any[]): any
declare function NdisReadEisaSlotInformationEx(...args: any[]): any
declare function NdisReadMcaPosInformation(...args: any[]): any
declare function NdisReadPcmciaAttributeMemory(...args: any[]): any
declare function NdisReleaseReadWriteLock(...args: any[]): any
declare function NdisSetPacketCancelId(...args: any[]): any
declare function NdisSetPhysicalAddressHigh(...args: any[]): any
declare function NdisSetPhysicalAddressLow(...args: any[]): any
declare function NdisUnicodeStringToAnsiString(...args: any[]): any
declare function NdisUnmapFile(...args: any[]): any
declare function NdisUpcaseUnicodeString(...args: any[]): any
declare function NdisWriteConfiguration(...args: any[]): any
declare function NdisWritePcmciaAttributeMemory(...args: any[]): any
declare function NdisZeroMappedMemory(...args: any[]): any

// ---- Constants (values as the Windows headers define them) ----

/** 0 */
declare const NDIS_STATUS_SUCCESS: NDIS_STATUS
/** 0x00000103 */
declare const NDIS_STATUS_PENDING: NDIS_STATUS
/** 0x00010001 */
declare const NDIS_STATUS_NOT_RECOGNIZED: NDIS_STATUS
/** 0x00010002 */
declare const NDIS_STATUS_NOT_COPIED: NDIS_STATUS
/** 0x00010003 */
declare const NDIS_STATUS_NOT_ACCEPTED: NDIS_STATUS
/** 0x00010007 */
declare const NDIS_STATUS_CALL_ACTIVE: NDIS_STATUS
/** 0x40010003 */
declare const NDIS_STATUS_ONLINE: NDIS_STATUS
/** 0x40010004 */
declare const NDIS_STATUS_RESET_START: NDIS_STATUS
/** 0x40010005 */
declare const NDIS_STATUS_RESET_END: NDIS_STATUS
/** 0x4001000B */
declare const NDIS_STATUS_MEDIA_CONNECT: NDIS_STATUS
/** 0x4001000C */
declare const NDIS_STATUS_MEDIA_DISCONNECT: NDIS_STATUS
/** 0x80010001 */
declare const NDIS_STATUS_NOT_RESETTABLE: NDIS_STATUS
/** 0x80010003 */
declare const NDIS_STATUS_SOFT_ERRORS: NDIS_STATUS
/** 0x80010004 */
declare const NDIS_STATUS_HARD_ERRORS: NDIS_STATUS
/** 0x80000005 */
declare const NDIS_STATUS_BUFFER_OVERFLOW: NDIS_STATUS
/** 0xC0000001 */
declare const NDIS_STATUS_FAILURE: NDIS_STATUS
/** 0xC000009A */
declare const NDIS_STATUS_RESOURCES: NDIS_STATUS
/** 0xC00000BB */
declare const NDIS_STATUS_NOT_SUPPORTED: NDIS_STATUS
/** 0xC0010002 */
declare const NDIS_STATUS_CLOSING: NDIS_STATUS
/** 0xC0010004 */
declare const NDIS_STATUS_BAD_VERSION: NDIS_STATUS
/** 0xC0010005 */
declare const NDIS_STATUS_BAD_CHARACTERISTICS: NDIS_STATUS
/** 0xC0010006 */
declare const NDIS_STATUS_ADAPTER_NOT_FOUND: NDIS_STATUS
/** 0xC0010007 */
declare const NDIS_STATUS_OPEN_FAILED: NDIS_STATUS
/** 0xC0010008 */
declare const NDIS_STATUS_DEVICE_FAILED: NDIS_STATUS
/** 0xC0010009 */
declare const NDIS_STATUS_MULTICAST_FULL: NDIS_STATUS
/** 0xC001000A */
declare const NDIS_STATUS_MULTICAST_EXISTS: NDIS_STATUS
/** 0xC001000B */
declare const NDIS_STATUS_MULTICAST_NOT_FOUND: NDIS_STATUS
/** 0xC001000C */
declare const NDIS_STATUS_REQUEST_ABORTED: NDIS_STATUS
/** 0xC001000D */
declare const NDIS_STATUS_RESET_IN_PROGRESS: NDIS_STATUS
/** 0xC001000F */
declare const NDIS_STATUS_INVALID_PACKET: NDIS_STATUS
/** 0xC0010011 */
declare const NDIS_STATUS_ADAPTER_NOT_READY: NDIS_STATUS
/** 0xC0010014 */
declare const NDIS_STATUS_INVALID_LENGTH: NDIS_STATUS
/** 0xC0010015 */
declare const NDIS_STATUS_INVALID_DATA: NDIS_STATUS
/** 0xC0010016 */
declare const NDIS_STATUS_BUFFER_TOO_SHORT: NDIS_STATUS
/** 0xC0010017 */
declare const NDIS_STATUS_INVALID_OID: NDIS_STATUS
/** 0xC0010018 */
declare const NDIS_STATUS_ADAPTER_REMOVED: NDIS_STATUS
/** 0xC0010019 */
declare const NDIS_STATUS_UNSUPPORTED_MEDIA: NDIS_STATUS
/** 0xC001001E */
declare const NDIS_STATUS_RESOURCE_CONFLICT: NDIS_STATUS
/** 0xC001001F */
declare const NDIS_STATUS_NO_CABLE: NDIS_STATUS
/** 0x40010006 */
declare const NDIS_STATUS_RING_STATUS: NDIS_STATUS
/** 0x40010007 */
declare const NDIS_STATUS_CLOSED: NDIS_STATUS
/** 0x40010008 */
declare const NDIS_STATUS_WAN_LINE_UP: NDIS_STATUS
/** 0x40010009 */
declare const NDIS_STATUS_WAN_LINE_DOWN: NDIS_STATUS
/** 0x4001000A */
declare const NDIS_STATUS_WAN_FRAGMENT: NDIS_STATUS
/** 0x4001000D */
declare const NDIS_STATUS_HARDWARE_LINE_UP: NDIS_STATUS
/** 0x4001000E */
declare const NDIS_STATUS_HARDWARE_LINE_DOWN: NDIS_STATUS
/** 0x4001000F */
declare const NDIS_STATUS_INTERFACE_UP: NDIS_STATUS
/** 0x40010010 */
declare const NDIS_STATUS_INTERFACE_DOWN: NDIS_STATUS
/** 0x40010011 */
declare const NDIS_STATUS_MEDIA_BUSY: NDIS_STATUS
/** 0x40010012 */
declare const NDIS_STATUS_MEDIA_SPECIFIC_INDICATION: NDIS_STATUS
/** 0x40010013 */
declare const NDIS_STATUS_LINK_SPEED_CHANGE: NDIS_STATUS
/** 0x40010014 */
declare const NDIS_STATUS_WAN_GET_STATS: NDIS_STATUS
/** 0x40010015 */
declare const NDIS_STATUS_WAN_CO_FRAGMENT: NDIS_STATUS
/** 0x40010016 */
declare const NDIS_STATUS_WAN_CO_LINKPARAMS: NDIS_STATUS
/** 0x40010025 */
declare const NDIS_STATUS_WAN_CO_MTULINKPARAMS: NDIS_STATUS
/** 0xC001000E */
declare const NDIS_STATUS_CLOSING_INDICATING: NDIS_STATUS
/** 0xC0010010 */
declare const NDIS_STATUS_OPEN_LIST_FULL: NDIS_STATUS
/** 0xC0010012 */
declare const NDIS_STATUS_ADAPTER_NOT_OPEN: NDIS_STATUS
/** 0xC0010013 */
declare const NDIS_STATUS_NOT_INDICATING: NDIS_STATUS
/** 0xC001001A */
declare const NDIS_STATUS_GROUP_ADDRESS_IN_USE: NDIS_STATUS
/** 0xC001001B */
declare const NDIS_STATUS_FILE_NOT_FOUND: NDIS_STATUS
/** 0xC001001C */
declare const NDIS_STATUS_ERROR_READING_FILE: NDIS_STATUS
/** 0xC001001D */
declare const NDIS_STATUS_ALREADY_MAPPED: NDIS_STATUS
/** 0xC0010020 */
declare const NDIS_STATUS_INVALID_SAP: NDIS_STATUS
/** 0xC0010021 */
declare const NDIS_STATUS_SAP_IN_USE: NDIS_STATUS
/** 0xC0010022 */
declare const NDIS_STATUS_INVALID_ADDRESS: NDIS_STATUS
/** 0xC0010023 */
declare const NDIS_STATUS_VC_NOT_ACTIVATED: NDIS_STATUS
/** 0xC0010024 */
declare const NDIS_STATUS_DEST_OUT_OF_ORDER: NDIS_STATUS
/** 0xC0010025 */
declare const NDIS_STATUS_VC_NOT_AVAILABLE: NDIS_STATUS
/** 0xC0010026 */
declare const NDIS_STATUS_CELLRATE_NOT_AVAILABLE: NDIS_STATUS
/** 0xC0010027 */
declare const NDIS_STATUS_INCOMPATABLE_QOS: NDIS_STATUS
/** 0xC0010028 */
declare const NDIS_STATUS_AAL_PARAMS_UNSUPPORTED: NDIS_STATUS
/** 0xC0010029 */
declare const NDIS_STATUS_NO_ROUTE_TO_DESTINATION: NDIS_STATUS
/** 0xC0011000 */
declare const NDIS_STATUS_TOKEN_RING_OPEN_ERROR: NDIS_STATUS
/** 0xC0000010 */
declare const NDIS_STATUS_INVALID_DEVICE_REQUEST: NDIS_STATUS
/** 0xC000023C */
declare const NDIS_STATUS_NETWORK_UNREACHABLE: NDIS_STATUS
/** 0xC000023D */
declare const NDIS_STATUS_HOST_UNREACHABLE: NDIS_STATUS
/** 0x40010012 */
declare const NDIS_STATUS_WW_INDICATION: NDIS_STATUS
/** The null pointer: 0 */
declare const NULL: 0
/** BOOLEAN TRUE */
declare const TRUE: true
/** BOOLEAN FALSE */
declare const FALSE: false
/** 0 */
declare const PASSIVE_LEVEL: KIRQL
/** 1 */
declare const APC_LEVEL: KIRQL
/** 2 */
declare const DISPATCH_LEVEL: KIRQL
/** 31 */
declare const HIGH_LEVEL: KIRQL
/** 16 */
declare const PROTOCOL_RESERVED_SIZE_IN_PACKET: number
/** 1 */
declare const NDIS_MEMORY_CONTIGUOUS: number
/** 2 */
declare const NDIS_MEMORY_NONCACHED: number
/** 1 */
declare const NDIS_ATTRIBUTE_IGNORE_PACKET_TIMEOUT: number
/** 2 */
declare const NDIS_ATTRIBUTE_IGNORE_REQUEST_TIMEOUT: number
/** 4 */
declare const NDIS_ATTRIBUTE_IGNORE_TOKEN_RING_ERRORS: number
/** 8 */
declare const NDIS_ATTRIBUTE_BUS_MASTER: number
/** 16 */
declare const NDIS_ATTRIBUTE_INTERMEDIATE_DRIVER: number
/** 32 */
declare const NDIS_ATTRIBUTE_DESERIALIZE: number
/** 64 */
declare const NDIS_ATTRIBUTE_NO_HALT_ON_SUSPEND: number
/** 128 */
declare const NDIS_ATTRIBUTE_SURPRISE_REMOVE_OK: number
/** 0x100 */
declare const NDIS_ATTRIBUTE_NOT_CO_NDIS: number
/** 0x200 */
declare const NDIS_ATTRIBUTE_USES_SAFE_BUFFER_APIS: number
/** 63 */
declare const fPACKET_WRAPPER_RESERVED: number
/** 64 */
declare const fPACKET_CONTAINS_MEDIA_SPECIFIC_INFO: number
/** 128 */
declare const fPACKET_ALLOCATED_BY_NDIS: number
/** 15 */
declare const NDIS_FLAGS_PROTOCOL_ID_MASK: number
/** 16 */
declare const NDIS_FLAGS_MULTICAST_PACKET: number
/** 32 */
declare const NDIS_FLAGS_RESERVED2: number
/** 64 */
declare const NDIS_FLAGS_RESERVED3: number
/** 128 */
declare const NDIS_FLAGS_DONT_LOOPBACK: number
/** 0x100 */
declare const NDIS_FLAGS_IS_LOOPBACK_PACKET: number
/** 0x200 */
declare const NDIS_FLAGS_LOOPBACK_ONLY: number
/** 0x800 */
declare const NDIS_FLAGS_DOUBLE_BUFFERED: number
/** 0x1000 */
declare const NDIS_FLAGS_SENT_AT_DPC: number
/** 0x2000 */
declare const NDIS_FLAGS_USES_SG_BUFFER_LIST: number
/** 0x4000 */
declare const NDIS_FLAGS_USES_ORIGINAL_PACKET: number
/** 0x10000 */
declare const NDIS_FLAGS_PADDED: number
/** 0x20000 */
declare const NDIS_FLAGS_XLATE_AT_TOP: number
/** 0 */
declare const NDIS_PROTOCOL_ID_DEFAULT: number
/** 2 */
declare const NDIS_PROTOCOL_ID_TCP_IP: number
/** 6 */
declare const NDIS_PROTOCOL_ID_IPX: number
/** 7 */
declare const NDIS_PROTOCOL_ID_NBF: number
/** 15 */
declare const NDIS_PROTOCOL_ID_MAX: number
/** 15 */
declare const NDIS_PROTOCOL_ID_MASK: number
/** 0 */
declare const LowPagePriority: number
/** 16 */
declare const NormalPagePriority: number
/** 32 */
declare const HighPagePriority: number
/** 0 */
declare const TcpIpChecksumPacketInfo: number
/** 1 */
declare const IpSecPacketInfo: number
/** 2 */
declare const TcpLargeSendPacketInfo: number
/** 3 */
declare const ClassificationHandlePacketInfo: number
/** 4 */
declare const NdisReserved: number
/** 5 */
declare const ScatterGatherListPacketInfo: number
/** 6 */
declare const Ieee8021QInfo: number
/** 7 */
declare const OriginalPacketInfo: number
/** 8 */
declare const PacketCancelId: number
/** 9 */
declare const OriginalNetBufferList: number
/** 10 */
declare const CachedNetBufferList: number
/** 11 */
declare const ShortPacketPaddingInfo: number
/** 12 */
declare const MaxPerPacketInfo: number
/** 0 */
declare const NdisMedium802_3: NDIS_MEDIUM
/** 1 */
declare const NdisMedium802_5: NDIS_MEDIUM
/** 2 */
declare const NdisMediumFddi: NDIS_MEDIUM
/** 3 */
declare const NdisMediumWan: NDIS_MEDIUM
/** 4 */
declare const NdisMediumLocalTalk: NDIS_MEDIUM
/** 5 */
declare const NdisMediumDix: NDIS_MEDIUM
/** 6 */
declare const NdisMediumArcnetRaw: NDIS_MEDIUM
/** 7 */
declare const NdisMediumArcnet878_2: NDIS_MEDIUM
/** 8 */
declare const NdisMediumAtm: NDIS_MEDIUM
/** 9 */
declare const NdisMediumWirelessWan: NDIS_MEDIUM
/** 10 */
declare const NdisMediumIrda: NDIS_MEDIUM
/** 0 */
declare const NdisInterfaceInternal: NDIS_INTERFACE_TYPE
/** 1 */
declare const NdisInterfaceIsa: NDIS_INTERFACE_TYPE
/** 2 */
declare const NdisInterfaceEisa: NDIS_INTERFACE_TYPE
/** 3 */
declare const NdisInterfaceMca: NDIS_INTERFACE_TYPE
/** 4 */
declare const NdisInterfaceTurboChannel: NDIS_INTERFACE_TYPE
/** 5 */
declare const NdisInterfacePci: NDIS_INTERFACE_TYPE
/** 8 */
declare const NdisInterfacePcMcia: NDIS_INTERFACE_TYPE
/** 9 */
declare const NdisInterfaceCBus: NDIS_INTERFACE_TYPE
/** 10 */
declare const NdisInterfaceMPIBus: NDIS_INTERFACE_TYPE
/** 11 */
declare const NdisInterfaceMPSABus: NDIS_INTERFACE_TYPE
/** 12 */
declare const NdisInterfaceProcessorInternal: NDIS_INTERFACE_TYPE
/** 13 */
declare const NdisInterfaceInternalPowerBus: NDIS_INTERFACE_TYPE
/** 14 */
declare const NdisInterfacePNPISABus: NDIS_INTERFACE_TYPE
/** 15 */
declare const NdisInterfacePNPBus: NDIS_INTERFACE_TYPE
/** 0x00010101 */
declare const OID_GEN_SUPPORTED_LIST: NDIS_OID
/** 0x00010102 */
declare const OID_GEN_HARDWARE_STATUS: NDIS_OID
/** 0x00010103 */
declare const OID_GEN_MEDIA_SUPPORTED: NDIS_OID
/** 0x00010104 */
declare const OID_GEN_MEDIA_IN_USE: NDIS_OID
/** 0x00010105 */
declare const OID_GEN_MAXIMUM_LOOKAHEAD: NDIS_OID
/** 0x00010106 */
declare const OID_GEN_MAXIMUM_FRAME_SIZE: NDIS_OID
/** 0x00010107 */
declare const OID_GEN_LINK_SPEED: NDIS_OID
/** 0x00010108 */
declare const OID_GEN_TRANSMIT_BUFFER_SPACE: NDIS_OID
/** 0x00010109 */
declare const OID_GEN_RECEIVE_BUFFER_SPACE: NDIS_OID
/** 0x0001010A */
declare const OID_GEN_TRANSMIT_BLOCK_SIZE: NDIS_OID
/** 0x0001010B */
declare const OID_GEN_RECEIVE_BLOCK_SIZE: NDIS_OID
/** 0x0001010C */
declare const OID_GEN_VENDOR_ID: NDIS_OID
/** 0x0001010D */
declare const OID_GEN_VENDOR_DESCRIPTION: NDIS_OID
/** 0x0001010E */
declare const OID_GEN_CURRENT_PACKET_FILTER: NDIS_OID
/** 0x0001010F */
declare const OID_GEN_CURRENT_LOOKAHEAD: NDIS_OID
/** 0x00010110 */
declare const OID_GEN_DRIVER_VERSION: NDIS_OID
/** 0x00010111 */
declare const OID_GEN_MAXIMUM_TOTAL_SIZE: NDIS_OID
/** 0x00010113 */
declare const OID_GEN_MAC_OPTIONS: NDIS_OID
/** 0x00010114 */
declare const OID_GEN_MEDIA_CONNECT_STATUS: NDIS_OID
/** 0x00010115 */
declare const OID_GEN_MAXIMUM_SEND_PACKETS: NDIS_OID
/** 0x00010116 */
declare const OID_GEN_VENDOR_DRIVER_VERSION: NDIS_OID
/** 0x00020101 */
declare const OID_GEN_XMIT_OK: NDIS_OID
/** 0x00020102 */
declare const OID_GEN_RCV_OK: NDIS_OID
/** 0x00020103 */
declare const OID_GEN_XMIT_ERROR: NDIS_OID
/** 0x00020104 */
declare const OID_GEN_RCV_ERROR: NDIS_OID
/** 0x00020105 */
declare const OID_GEN_RCV_NO_BUFFER: NDIS_OID
/** 0x01010101 */
declare const OID_802_3_PERMANENT_ADDRESS: NDIS_OID
/** 0x01010102 */
declare const OID_802_3_CURRENT_ADDRESS: NDIS_OID
/** 0x01010103 */
declare const OID_802_3_MULTICAST_LIST: NDIS_OID
/** 0x01010104 */
declare const OID_802_3_MAXIMUM_LIST_SIZE: NDIS_OID
/** 0x01010105 */
declare const OID_802_3_MAC_OPTIONS: NDIS_OID
/** 0x01020101 */
declare const OID_802_3_RCV_ERROR_ALIGNMENT: NDIS_OID
/** 0x01020102 */
declare const OID_802_3_XMIT_ONE_COLLISION: NDIS_OID
/** 0x01020103 */
declare const OID_802_3_XMIT_MORE_COLLISIONS: NDIS_OID
/** 0 */
declare const NdisParameterInteger: NDIS_PARAMETER_TYPE
/** 1 */
declare const NdisParameterHexInteger: NDIS_PARAMETER_TYPE
/** 2 */
declare const NdisParameterString: NDIS_PARAMETER_TYPE
/** 3 */
declare const NdisParameterMultiString: NDIS_PARAMETER_TYPE
/** 4 */
declare const NdisParameterBinary: NDIS_PARAMETER_TYPE
/** 1 */
declare const CmResourceTypePort: number
/** 2 */
declare const CmResourceTypeInterrupt: number
/** 3 */
declare const CmResourceTypeMemory: number
/** 1 */
declare const CmResourceShareDeviceExclusive: number
/** 3 */
declare const CmResourceShareShared: number
/** 0 */
declare const CM_RESOURCE_INTERRUPT_LEVEL_SENSITIVE: number
/** 0 */
declare const NdisInterruptLevelSensitive: number
/** 1 */
declare const NdisInterruptLatched: number
/** 0 */
declare const NdisHardwareStatusReady: number
/** 0 */
declare const NdisMediaStateConnected: number
/** 1 */
declare const NdisMediaStateDisconnected: number
/** 1 */
declare const NDIS_PACKET_TYPE_DIRECTED: number
/** 2 */
declare const NDIS_PACKET_TYPE_MULTICAST: number
/** 4 */
declare const NDIS_PACKET_TYPE_ALL_MULTICAST: number
/** 8 */
declare const NDIS_PACKET_TYPE_BROADCAST: number
/** 32 */
declare const NDIS_PACKET_TYPE_PROMISCUOUS: number
/** 1 */
declare const NDIS_MAC_OPTION_COPY_LOOKAHEAD_DATA: number
/** 2 */
declare const NDIS_MAC_OPTION_RECEIVE_SERIALIZED: number
/** 4 */
declare const NDIS_MAC_OPTION_TRANSFERS_NOT_PEND: number
/** 8 */
declare const NDIS_MAC_OPTION_NO_LOOPBACK: number
