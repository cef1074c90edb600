// Buggy on purpose (R31): a packet indicated with no buffer chained. The caller must chain the buffers that map the
// frame before indicating (ndis5.md §1.2, §3.1).
let PacketPool: NDIS_HANDLE = NULL
let BufferPool: NDIS_HANDLE = NULL
let Frame: PVOID = NULL
let AdapterHandle: NDIS_HANDLE = NULL
const Timer = new NDIS_MINIPORT_TIMER()
const StatusCell: Out<NDIS_STATUS> = { value: NDIS_STATUS_SUCCESS }
const PacketCell: Out<PNDIS_PACKET> = { value: NULL }
const BufferCell: Out<PNDIS_BUFFER> = { value: NULL }
const Batch: PNDIS_PACKET[] = [NULL]
const FRAME_LENGTH = 60

function MiniportInitialize(
  OpenErrorStatus: Out<NDIS_STATUS>,
  SelectedMediumIndex: Out<number>,
  MediumArray: NDIS_MEDIUM[],
  MediumArraySize: number,
  MiniportAdapterHandle: NDIS_HANDLE,
  WrapperConfigurationContext: NDIS_HANDLE,
): NDIS_STATUS {
  SelectedMediumIndex.value = 0
  AdapterHandle = MiniportAdapterHandle
  NdisMSetAttributesEx(MiniportAdapterHandle, {}, 0, NDIS_ATTRIBUTE_BUS_MASTER, NdisInterfacePci)
  const Pool: Out<NDIS_HANDLE> = { value: NULL }
  NdisAllocatePacketPool(StatusCell, Pool, 16, PROTOCOL_RESERVED_SIZE_IN_PACKET)
  PacketPool = Pool.value
  NdisAllocateBufferPool(StatusCell, Pool, 16)
  BufferPool = Pool.value
  // One Ethernet frame in memory, broadcast, EtherType 0x88B5 (local experimental).
  const Va: Out<PVOID> = { value: NULL }
  NdisAllocateMemoryWithTag(Va, FRAME_LENGTH, 0x6d617246)
  Frame = Va.value
  for (let i = 0; i < 6; i++) MmWrite8(Frame + i, 0xff)
  MmWrite16(Frame + 12, 0xb588)
  NdisMInitializeTimer(Timer, MiniportAdapterHandle, ReceiveTimer, null)
  NdisMSetPeriodicTimer(Timer, 1)
  return NDIS_STATUS_SUCCESS
}

/** A packet with one buffer over the frame, ready to indicate. */
function BuildPacket(): PNDIS_PACKET {
  NdisDprAllocatePacket(StatusCell, PacketCell, PacketPool)
  if (StatusCell.value !== NDIS_STATUS_SUCCESS) return NULL
  NdisAllocateBuffer(StatusCell, BufferCell, BufferPool, Frame, FRAME_LENGTH)
  if (StatusCell.value !== NDIS_STATUS_SUCCESS) {
    NdisDprFreePacket(PacketCell.value)
    return NULL
  }
  NdisChainBufferAtBack(PacketCell.value, BufferCell.value)
  NDIS_SET_PACKET_HEADER_SIZE(PacketCell.value, 14)
  NDIS_SET_PACKET_STATUS(PacketCell.value, NDIS_STATUS_SUCCESS)
  return PacketCell.value
}

/** Unchains and frees the buffer, then frees the packet. */
function RecyclePacket(Packet: PNDIS_PACKET): void {
  NdisUnchainBufferAtFront(Packet, BufferCell)
  if (BufferCell.value !== NULL) NdisFreeBuffer(BufferCell.value)
  NdisDprFreePacket(Packet)
}

function MiniportReturnPacket(Adapter: unknown, Packet: PNDIS_PACKET): void {
  RecyclePacket(Packet)
}

/** Every millisecond, at DISPATCH_LEVEL: indicate a packet whose chain is empty. */
function ReceiveTimer(S1: unknown, Context: unknown, S2: unknown, S3: unknown): void {
  NdisDprAllocatePacket(StatusCell, PacketCell, PacketPool)
  if (StatusCell.value !== NDIS_STATUS_SUCCESS) return
  const Packet = PacketCell.value
  NDIS_SET_PACKET_HEADER_SIZE(Packet, 14)
  NDIS_SET_PACKET_STATUS(Packet, NDIS_STATUS_RESOURCES)
  Batch[0] = Packet
  NdisMIndicateReceivePacket(AdapterHandle, Batch, 1) // BUG: R31
  NdisDprFreePacket(Packet)
}

function MiniportHalt(Adapter: unknown): void {
  const Cancelled: Out<boolean> = { value: false }
  NdisMCancelTimer(Timer, Cancelled)
  NdisFreeBufferPool(BufferPool)
  NdisFreePacketPool(PacketPool)
  NdisFreeMemory(Frame, FRAME_LENGTH, 0)
}

function MiniportSendPackets(Adapter: unknown, PacketArray: PNDIS_PACKET[], NumberOfPackets: number): void {
  for (let i = 0; i < NumberOfPackets; i++) NDIS_SET_PACKET_STATUS(PacketArray[i], NDIS_STATUS_FAILURE)
}

// ---- Requests: the OIDs NDIS and the protocol ask before they bind (docs/ndis-environment.md §3) ----

const OidStationAddress = [0x02, 0x00, 0x4e, 0x57, 0x42, 0x01]

function MiniportQueryInformation(
  Adapter: unknown,
  Oid: NDIS_OID,
  InformationBuffer: PVOID,
  InformationBufferLength: number,
  BytesWritten: Out<number>,
  BytesNeeded: Out<number>,
): NDIS_STATUS {
  const Size = Oid === OID_802_3_CURRENT_ADDRESS || Oid === OID_802_3_PERMANENT_ADDRESS ? 6 : 4
  if (InformationBufferLength < Size) {
    BytesNeeded.value = Size
    return NDIS_STATUS_INVALID_LENGTH
  }
  if (Size === 6) {
    for (let i = 0; i < 6; i++) MmWrite8(InformationBuffer + i, OidStationAddress[i])
  } else if (Oid === OID_GEN_MAXIMUM_LOOKAHEAD) MmWrite32(InformationBuffer, 256)
  else if (Oid === OID_802_3_MAXIMUM_LIST_SIZE) MmWrite32(InformationBuffer, 32)
  else if (Oid === OID_GEN_MEDIA_CONNECT_STATUS) MmWrite32(InformationBuffer, NdisMediaStateConnected)
  else if (Oid === OID_GEN_MAC_OPTIONS || Oid === OID_GEN_MEDIA_SUPPORTED || Oid === OID_GEN_MEDIA_IN_USE)
    MmWrite32(InformationBuffer, 0)
  else return NDIS_STATUS_NOT_SUPPORTED
  BytesWritten.value = Size
  return NDIS_STATUS_SUCCESS
}

function MiniportSetInformation(
  Adapter: unknown,
  Oid: NDIS_OID,
  InformationBuffer: PVOID,
  InformationBufferLength: number,
  BytesRead: Out<number>,
  BytesNeeded: Out<number>,
): NDIS_STATUS {
  BytesRead.value = InformationBufferLength
  return NDIS_STATUS_SUCCESS
}

export function DriverEntry(DriverObject: PDRIVER_OBJECT, RegistryPath: PUNICODE_STRING): NDIS_STATUS {
  const Wrapper: Out<NDIS_HANDLE> = { value: NULL }
  NdisMInitializeWrapper(Wrapper, DriverObject, RegistryPath, NULL)
  return NdisMRegisterMiniport(Wrapper.value, {
    MajorNdisVersion: 5,
    MinorNdisVersion: 1,
    InitializeHandler: MiniportInitialize,
    HaltHandler: MiniportHalt,
    QueryInformationHandler: MiniportQueryInformation,
    SetInformationHandler: MiniportSetInformation,
    SendPacketsHandler: MiniportSendPackets,
    ReturnPacketHandler: MiniportReturnPacket,
  })
}
