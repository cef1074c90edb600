// NDIS 5 for NIC Workbench miniport scripts: ambient declarations of every name in a script's scope.
// The editor's IntelliSense and `nicbench check` use this file; the run provides exactly these names.
// Behaviour of each call: ../shared/reference/ndis5.md (the section is named in each summary).
// Conventions (docs/script-api.md): pointers and handles are numbers (32-bit kernel virtual addresses,
// NULL is 0); out parameters are Out<T> cells ({ value: T }) or NULL; structures the driver owns are made with `new`.

/** An out parameter: the call writes `.value`. Any `{ value }` object works; reuse cells to avoid garbage. */
interface Out<T> {
  value: T
}

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

/** NDIS_SPIN_LOCK: allocate with NdisAllocateSpinLock before use (ndis5.md §1.8). */
declare class NDIS_SPIN_LOCK {}
/** NDIS_MINIPORT_INTERRUPT: storage for NdisMRegisterInterrupt. */
declare class NDIS_MINIPORT_INTERRUPT {}
/** NDIS_MINIPORT_TIMER: storage for NdisMInitializeTimer. */
declare class NDIS_MINIPORT_TIMER {}

type MiniportInitializeHandler = (
  OpenErrorStatus: Out<NDIS_STATUS>,
  SelectedMediumIndex: Out<number>,
  MediumArray: NDIS_MEDIUM[],
  MediumArraySize: number,
  MiniportAdapterHandle: NDIS_HANDLE,
  WrapperConfigurationContext: NDIS_HANDLE,
) => NDIS_STATUS

/** NDIS_MINIPORT_CHARACTERISTICS for NdisMRegisterMiniport. Handlers run at the IRQL of script-api.md. */
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
  /** DISPATCH_LEVEL. A packet indicated with status SUCCESS comes back (ndis5.md §3). */
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

// ---- Packet pools and packets (ndis5.md §1.1, §1.2) ----

/** Allocates one block holding NumberOfDescriptors packet descriptors (ndis5.md §1.1). SUCCESS or RESOURCES; IRQL <= DISPATCH_LEVEL; release spin locks first. */
declare function NdisAllocatePacketPool(
  Status: Out<NDIS_STATUS> | null,
  PoolHandle: Out<NDIS_HANDLE> | null,
  NumberOfDescriptors: UINT,
  ProtocolReservedLength: UINT,
): void
/** As NdisAllocatePacketPool, plus overflow descriptors allocated on demand; N + overflow is clamped to 0xFFFF (ndis5.md §1.1). */
declare function NdisAllocatePacketPoolEx(
  Status: Out<NDIS_STATUS> | null,
  PoolHandle: Out<NDIS_HANDLE> | null,
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
/** A zeroed descriptor with an empty chain, or RESOURCES (Packet NULL) when the pool is exhausted (ndis5.md §1.2). */
declare function NdisAllocatePacket(
  Status: Out<NDIS_STATUS> | null,
  Packet: Out<PNDIS_PACKET> | null,
  PoolHandle: NDIS_HANDLE,
): void
/** NdisAllocatePacket for callers at DISPATCH_LEVEL only (R10). */
declare function NdisDprAllocatePacket(
  Status: Out<NDIS_STATUS> | null,
  Packet: Out<PNDIS_PACKET> | null,
  PoolHandle: NDIS_HANDLE,
): void
/** NdisDprAllocatePacket without NDIS's pool lock: the caller synchronises. */
declare function NdisDprAllocatePacketNonInterlocked(
  Status: Out<NDIS_STATUS> | null,
  Packet: Out<PNDIS_PACKET> | null,
  PoolHandle: NDIS_HANDLE,
): void
/** Returns the descriptor to its pool. Unchain and save its buffers first (R6); never twice (R5). */
declare function NdisFreePacket(Packet: PNDIS_PACKET): void
/** NdisFreePacket at DISPATCH_LEVEL. */
declare function NdisDprFreePacket(Packet: PNDIS_PACKET): void
declare function NdisDprFreePacketNonInterlocked(Packet: PNDIS_PACKET): void
/** Makes the descriptor reusable: the chain head becomes NULL, so save the buffer pointers first (founding document, R6). */
declare function NdisReinitializePacket(Packet: PNDIS_PACKET): void
/** The pool a packet came from. */
declare function NdisGetPoolFromPacket(Packet: PNDIS_PACKET): NDIS_HANDLE

// ---- Buffer pools and buffers (ndis5.md §1.3) ----

declare function NdisAllocateBufferPool(
  Status: Out<NDIS_STATUS> | null,
  PoolHandle: Out<NDIS_HANDLE> | null,
  NumberOfDescriptors: UINT,
): void
/** Every buffer must have been freed first (R8). */
declare function NdisFreeBufferPool(PoolHandle: NDIS_HANDLE): void
/** A buffer descriptor mapping [VirtualAddress, +Length) of non-paged memory; FAILURE (not RESOURCES) when none. */
declare function NdisAllocateBuffer(
  Status: Out<NDIS_STATUS> | null,
  Buffer: Out<PNDIS_BUFFER> | null,
  PoolHandle: NDIS_HANDLE,
  VirtualAddress: PVOID,
  Length: UINT,
): void
/** A buffer descriptor over part of another one's memory. */
declare function NdisCopyBuffer(
  Status: Out<NDIS_STATUS> | null,
  Buffer: Out<PNDIS_BUFFER> | null,
  PoolHandle: NDIS_HANDLE,
  MemoryDescriptor: PNDIS_BUFFER,
  Offset: UINT,
  Length: UINT,
): void
/** Frees the descriptor (not the memory it maps). It must not be chained to a packet. */
declare function NdisFreeBuffer(Buffer: PNDIS_BUFFER): void
declare function NdisQueryBuffer(
  Buffer: PNDIS_BUFFER,
  VirtualAddress: Out<PVOID> | null,
  Length: Out<UINT> | null,
): void
/** As NdisQueryBuffer; the address may be NULL under low resources. */
declare function NdisQueryBufferSafe(
  Buffer: PNDIS_BUFFER,
  VirtualAddress: Out<PVOID> | null,
  Length: Out<UINT> | null,
  Priority: number,
): void
declare function NdisQueryBufferOffset(Buffer: PNDIS_BUFFER, Offset: Out<UINT> | null, Length: Out<UINT> | null): void
/** Sets the byte count only: a packet's cached counts are not refreshed (ndis5.md §1.3; use NdisRecalculatePacketCounts). */
declare function NdisAdjustBufferLength(Buffer: PNDIS_BUFFER, Length: UINT): void
declare function NdisBufferLength(Buffer: PNDIS_BUFFER): UINT
declare function NdisBufferVirtualAddress(Buffer: PNDIS_BUFFER): PVOID
declare function NdisBufferVirtualAddressSafe(Buffer: PNDIS_BUFFER, Priority: number): PVOID
declare function NdisGetNextBuffer(CurrentBuffer: PNDIS_BUFFER, NextBuffer: Out<PNDIS_BUFFER> | null): void
declare function NDIS_BUFFER_TO_SPAN_PAGES(Buffer: PNDIS_BUFFER): UINT
declare function NdisGetBufferPhysicalArraySize(Buffer: PNDIS_BUFFER, ArraySize: Out<UINT> | null): void

// ---- Chains and queries (ndis5.md §1.4, §1.5) ----

/** Links a buffer (or a sub-chain) at the head of the packet's chain; clears ValidCounts. */
declare function NdisChainBufferAtFront(Packet: PNDIS_PACKET, Buffer: PNDIS_BUFFER): void
/** Links a buffer (or a sub-chain) at the tail; clears ValidCounts. */
declare function NdisChainBufferAtBack(Packet: PNDIS_PACKET, Buffer: PNDIS_BUFFER): void
/** Removes the first buffer (NULL when the chain is empty). */
declare function NdisUnchainBufferAtFront(Packet: PNDIS_PACKET, Buffer: Out<PNDIS_BUFFER> | null): void
/** Removes the last buffer (NULL when the chain is empty). */
declare function NdisUnchainBufferAtBack(Packet: PNDIS_PACKET, Buffer: Out<PNDIS_BUFFER> | null): void
/** Walks the chain to set Tail; clears ValidCounts so the next NdisQueryPacket recounts. */
declare function NdisRecalculatePacketCounts(Packet: PNDIS_PACKET): void
/** First buffer, counts and total length; counts are recomputed only when ValidCounts is FALSE (ndis5.md §1.5). */
declare function NdisQueryPacket(
  Packet: PNDIS_PACKET,
  PhysicalBufferCount: Out<UINT> | null,
  BufferCount: Out<UINT> | null,
  FirstBuffer: Out<PNDIS_BUFFER> | null,
  TotalPacketLength: Out<UINT> | null,
): void
declare function NdisQueryPacketLength(Packet: PNDIS_PACKET, TotalPacketLength: Out<UINT> | null): void
/** First buffer, its address and length, and the chain's total length (always recomputed). */
declare function NdisGetFirstBufferFromPacket(
  Packet: PNDIS_PACKET,
  FirstBuffer: Out<PNDIS_BUFFER> | null,
  FirstBufferVA: Out<PVOID> | null,
  FirstBufferLength: Out<UINT> | null,
  TotalBufferLength: Out<UINT> | null,
): void
declare function NdisGetFirstBufferFromPacketSafe(
  Packet: PNDIS_PACKET,
  FirstBuffer: Out<PNDIS_BUFFER> | null,
  FirstBufferVA: Out<PVOID> | null,
  FirstBufferLength: Out<UINT> | null,
  TotalBufferLength: Out<UINT> | null,
  Priority: number,
): void
/** Copies data between chains (not OOB data); BytesCopied may be less than asked. Release spin locks first. */
declare function NdisCopyFromPacketToPacket(
  Destination: PNDIS_PACKET,
  DestinationOffset: UINT,
  BytesToCopy: UINT,
  Source: PNDIS_PACKET,
  SourceOffset: UINT,
  BytesCopied: Out<UINT> | null,
): void
declare function NdisCopyFromPacketToPacketSafe(
  Destination: PNDIS_PACKET,
  DestinationOffset: UINT,
  BytesToCopy: UINT,
  Source: PNDIS_PACKET,
  SourceOffset: UINT,
  BytesCopied: Out<UINT> | null,
  Priority: number,
): void

// ---- Per-packet data (ndis5.md §1.6) ----

declare function NDIS_GET_PACKET_STATUS(Packet: PNDIS_PACKET): NDIS_STATUS
/** Before NdisMIndicateReceivePacket: SUCCESS lends the packet, RESOURCES keeps it (ndis5.md §3). */
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
  MediaSpecificInfo: Out<PVOID> | null,
  SizeMediaSpecificInfo: Out<UINT> | null,
): void
/** Address of the packet's NDIS_PACKET_OOB_DATA block. */
declare function NDIS_OOB_DATA_FROM_PACKET(Packet: PNDIS_PACKET): PVOID
declare function NDIS_PACKET_EXTENSION_FROM_PACKET(Packet: PNDIS_PACKET): PVOID
/** Address of the per-packet-info slot InfoType (a PVOID; read and write it with MmRead32/MmWrite32). */
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

// ---- Receive, send, return (ndis5.md §1.7, §3) ----

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

// ---- Memory (ndis5.md §1.9) ----

/** Non-paged memory; SUCCESS or FAILURE (VirtualAddress NULL). IRQL <= DISPATCH_LEVEL. */
declare function NdisAllocateMemoryWithTag(VirtualAddress: Out<PVOID> | null, Length: UINT, Tag: ULONG): NDIS_STATUS
declare function NdisAllocateMemory(
  VirtualAddress: Out<PVOID> | null,
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
  VirtualAddress: Out<PVOID> | null,
  PhysicalAddress: Out<NDIS_PHYSICAL_ADDRESS> | null,
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
  Status: Out<NDIS_STATUS> | null,
  VirtualAddress: Out<PVOID> | null,
  MiniportAdapterHandle: NDIS_HANDLE,
  PhysicalAddress: NDIS_PHYSICAL_ADDRESS,
  Length: UINT,
): void
declare function NdisMUnmapIoSpace(MiniportAdapterHandle: NDIS_HANDLE, VirtualAddress: PVOID, Length: UINT): void
declare function NdisReadRegisterUchar(Register: PVOID, Data: Out<UCHAR> | null): void
declare function NdisReadRegisterUshort(Register: PVOID, Data: Out<USHORT> | null): void
declare function NdisReadRegisterUlong(Register: PVOID, Data: Out<ULONG> | null): void
declare function NdisWriteRegisterUchar(Register: PVOID, Data: UCHAR): void
declare function NdisWriteRegisterUshort(Register: PVOID, Data: USHORT): void
declare function NdisWriteRegisterUlong(Register: PVOID, Data: ULONG): void

// ---- Synchronisation and time (ndis5.md §1.8) ----

declare function NdisAllocateSpinLock(SpinLock: NDIS_SPIN_LOCK): void
declare function NdisFreeSpinLock(SpinLock: NDIS_SPIN_LOCK): void
/** Raises to DISPATCH_LEVEL and keeps the old IRQL in the lock; IRQL <= DISPATCH_LEVEL. */
declare function NdisAcquireSpinLock(SpinLock: NDIS_SPIN_LOCK): void
/** Restores the IRQL kept in the lock: release nested locks in reverse order. */
declare function NdisReleaseSpinLock(SpinLock: NDIS_SPIN_LOCK): void
/** At DISPATCH_LEVEL only; no IRQL change. */
declare function NdisDprAcquireSpinLock(SpinLock: NDIS_SPIN_LOCK): void
declare function NdisDprReleaseSpinLock(SpinLock: NDIS_SPIN_LOCK): void
/** Runs SynchronizeFunction at DIRQL under the interrupt's lock and returns its result. */
declare function NdisMSynchronizeWithInterrupt(
  Interrupt: NDIS_MINIPORT_INTERRUPT,
  SynchronizeFunction: (SynchronizeContext: any) => boolean,
  SynchronizeContext: any,
): boolean
declare function NdisMInitializeTimer(
  Timer: NDIS_MINIPORT_TIMER,
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
declare function NdisMSetTimer(Timer: NDIS_MINIPORT_TIMER, MillisecondsToDelay: UINT): void
declare function NdisMSetPeriodicTimer(Timer: NDIS_MINIPORT_TIMER, MillisecondPeriod: UINT): void
declare function NdisMCancelTimer(Timer: NDIS_MINIPORT_TIMER, TimerCancelled: Out<boolean> | null): void
/** Busy-waits (at most 50 µs, R48). */
declare function NdisStallExecution(MicrosecondsToStall: UINT): void
/** 100-ns units since 1601-01-01. */
declare function NdisGetCurrentSystemTime(SystemTime: Out<LARGE_INTEGER> | null): void
declare function KeGetCurrentIrql(): KIRQL

// ---- Adapter set-up (ndis5.md §1.10; docs/controller.md §10) ----

declare function NdisMInitializeWrapper(
  NdisWrapperHandle: Out<NDIS_HANDLE> | null,
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
  Status: Out<NDIS_STATUS> | null,
  ConfigurationHandle: Out<NDIS_HANDLE> | null,
  WrapperConfigurationContext: NDIS_HANDLE,
): void
/** Reads a registry value (the scenario's `registry`); FAILURE when the keyword is not there. */
declare function NdisReadConfiguration(
  Status: Out<NDIS_STATUS> | null,
  ParameterValue: Out<NDIS_CONFIGURATION_PARAMETER | null> | null,
  ConfigurationHandle: NDIS_HANDLE,
  Keyword: NDIS_STRING,
  ParameterType: NDIS_PARAMETER_TYPE,
): void
declare function NdisCloseConfiguration(ConfigurationHandle: NDIS_HANDLE): void
/** The NetworkAddress registry value (12 hex digits); FAILURE when there is none. */
declare function NdisReadNetworkAddress(
  Status: Out<NDIS_STATUS> | null,
  NetworkAddress: Out<number[] | null> | null,
  NetworkAddressLength: Out<UINT> | null,
  ConfigurationHandle: NDIS_HANDLE,
): void
/** The register window and interrupt of the adapter (docs/controller.md §2). */
declare function NdisMQueryAdapterResources(
  Status: Out<NDIS_STATUS> | null,
  WrapperConfigurationContext: NDIS_HANDLE,
  ResourceList: Out<NDIS_RESOURCE_LIST | null> | null,
  BufferSize: Out<UINT> | null,
): void
/** Connects MiniportISR / MiniportHandleInterrupt to the vector; PASSIVE_LEVEL, after NdisMSetAttributesEx. */
declare function NdisMRegisterInterrupt(
  Interrupt: NDIS_MINIPORT_INTERRUPT,
  MiniportAdapterHandle: NDIS_HANDLE,
  InterruptVector: UINT,
  InterruptLevel: UINT,
  RequestIsr: BOOLEAN,
  SharedInterrupt: BOOLEAN,
  InterruptMode: number,
): NDIS_STATUS
/** In MiniportHalt (or a failing MiniportInitialize), after masking the controller's interrupts (R24, R25). */
declare function NdisMDeregisterInterrupt(Interrupt: NDIS_MINIPORT_INTERRUPT): void
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
declare function NdisInitializeEvent(Event: NDIS_EVENT): void
declare function NdisSetEvent(Event: NDIS_EVENT): void
declare function NdisResetEvent(Event: NDIS_EVENT): void
/** PASSIVE_LEVEL only (R28). TRUE when the event is signalled. MsToWait 0 waits for ever. */
declare function NdisWaitEvent(Event: NDIS_EVENT, MsToWait: UINT): BOOLEAN

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

// ---- Declared, not emulated yet: calling one stops the run with "not emulated: <name>" ----

declare function NdisWriteErrorLogEntry(
  NdisAdapterHandle: NDIS_HANDLE,
  ErrorCode: ULONG,
  NumberOfErrorValues: ULONG,
  ...values: ULONG[]
): void
declare function NdisMStartBufferPhysicalMapping(
  MiniportAdapterHandle: NDIS_HANDLE,
  Buffer: PNDIS_BUFFER,
  PhysicalMapRegister: ULONG,
  WriteToDevice: BOOLEAN,
  PhysicalAddressArray: unknown[],
  ArraySize: Out<UINT> | null,
): void
declare function NdisMCompleteBufferPhysicalMapping(
  MiniportAdapterHandle: NDIS_HANDLE,
  Buffer: PNDIS_BUFFER,
  PhysicalMapRegister: ULONG,
): void
declare function NdisMAllocateMapRegisters(
  MiniportAdapterHandle: NDIS_HANDLE,
  DmaChannel: UINT,
  Dma32BitAddresses: BOOLEAN,
  PhysicalMapRegistersNeeded: ULONG,
  MaximumPhysicalMapping: ULONG,
): NDIS_STATUS
declare function NdisMFreeMapRegisters(MiniportAdapterHandle: NDIS_HANDLE): void
declare function NdisInterlockedIncrement(Addend: PVOID): number
declare function NdisInterlockedDecrement(Addend: PVOID): number

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
