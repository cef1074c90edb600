// Buggy on purpose (R57): an NDIS 3/4 driver indicates a fixed 16-byte lookahead, ignoring the 128 bytes the
// protocol set with OID_GEN_CURRENT_LOOKAHEAD. Indicate at least the current lookahead (or the whole frame when it is
// shorter); the protocol then gets the rest through MiniportTransferData.
let AdapterHandle: NDIS_HANDLE = NULL
const StationAddress = [0x02, 0x00, 0x4e, 0x57, 0x42, 0x01]
const Timer = new NDIS_MINIPORT_TIMER()
const ReceiveLock = new NDIS_SPIN_LOCK()
const StatusCell: Out<NDIS_STATUS> = { value: NDIS_STATUS_SUCCESS }
const PacketCell: Out<PNDIS_PACKET> = { value: NULL }
const BufferCell: Out<PNDIS_BUFFER> = { value: NULL }
const Batch: PNDIS_PACKET[] = [NULL]
let PacketPool: NDIS_HANDLE = NULL
let BufferPool: NDIS_HANDLE = NULL
let Frame: PVOID = NULL
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
  NdisAllocatePacketPool(StatusCell, Pool, 4, PROTOCOL_RESERVED_SIZE_IN_PACKET)
  PacketPool = Pool.value
  NdisAllocateBufferPool(StatusCell, Pool, 4)
  BufferPool = Pool.value
  const Va: Out<PVOID> = { value: NULL }
  NdisAllocateMemoryWithTag(Va, FRAME_LENGTH, 0x6d617246)
  Frame = Va.value
  for (let i = 0; i < 6; i++) MmWrite8(Frame + i, 0xff)
  MmWrite16(Frame + 12, 0xb588)
  NdisAllocateSpinLock(ReceiveLock)
  NdisMInitializeTimer(Timer, MiniportAdapterHandle, ReceiveTimer, NULL)
  NdisMSetPeriodicTimer(Timer, 1)
  return NDIS_STATUS_SUCCESS
}

function MiniportHalt(Adapter: unknown): void {
  const Cancelled: Out<boolean> = { value: false }
  NdisMCancelTimer(Timer, Cancelled)
  NdisFreeSpinLock(ReceiveLock)
  NdisFreeBufferPool(BufferPool)
  NdisFreePacketPool(PacketPool)
  NdisFreeMemory(Frame, FRAME_LENGTH, 0)
}

/** The OIDs NDIS and the protocol must have answered to bind (docs/ndis-environment.md §3), as ULONGs or the address. */
function AnswerOid(
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
    for (let i = 0; i < 6; i++) MmWrite8(InformationBuffer + i, StationAddress[i])
  } else if (Oid === OID_GEN_MAXIMUM_LOOKAHEAD) MmWrite32(InformationBuffer, 256)
  else if (Oid === OID_802_3_MAXIMUM_LIST_SIZE) MmWrite32(InformationBuffer, 32)
  else if (Oid === OID_GEN_MEDIA_CONNECT_STATUS) MmWrite32(InformationBuffer, NdisMediaStateConnected)
  else if (Oid === OID_GEN_MAC_OPTIONS || Oid === OID_GEN_MEDIA_SUPPORTED || Oid === OID_GEN_MEDIA_IN_USE)
    MmWrite32(InformationBuffer, 0)
  else return NDIS_STATUS_NOT_SUPPORTED
  BytesWritten.value = Size
  return NDIS_STATUS_SUCCESS
}

function MiniportQueryInformation(
  Adapter: unknown,
  Oid: NDIS_OID,
  InformationBuffer: PVOID,
  InformationBufferLength: number,
  BytesWritten: Out<number>,
  BytesNeeded: Out<number>,
): NDIS_STATUS {
  return AnswerOid(Oid, InformationBuffer, InformationBufferLength, BytesWritten, BytesNeeded)
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

function MiniportSendPackets(Adapter: unknown, PacketArray: PNDIS_PACKET[], NumberOfPackets: number): void {
  for (let i = 0; i < NumberOfPackets; i++) NDIS_SET_PACKET_STATUS(PacketArray[i], NDIS_STATUS_FAILURE)
}

/** Every millisecond: one frame, header and lookahead straight from the buffer (NdisMEthIndicateReceive). */
function ReceiveTimer(S1: unknown, Context: unknown, S2: unknown, S3: unknown): void {
  const Data = FRAME_LENGTH - 14
  NdisMEthIndicateReceive(AdapterHandle, Frame, Frame, 14, Frame + 14, 16, Data) // BUG: R57
  NdisMEthIndicateReceiveComplete(AdapterHandle)
}

/** The rest of the frame, into the protocol's packet. */
function MiniportTransferData(
  Packet: PNDIS_PACKET,
  BytesTransferred: Out<UINT>,
  Adapter: unknown,
  ReceiveContext: PVOID,
  ByteOffset: UINT,
  BytesToTransfer: UINT,
): NDIS_STATUS {
  NdisQueryPacket(Packet, null, null, BufferCell, null)
  const Va: Out<PVOID> = { value: NULL }
  const Length: Out<UINT> = { value: 0 }
  NdisQueryBuffer(BufferCell.value, Va, Length)
  const n = BytesToTransfer < Length.value ? BytesToTransfer : Length.value
  NdisMoveMemory(Va.value, ReceiveContext + 14 + ByteOffset, n)
  BytesTransferred.value = n
  return NDIS_STATUS_SUCCESS
}

function MiniportReturnPacket(Adapter: unknown, Packet: PNDIS_PACKET): void {}

export function DriverEntry(DriverObject: PDRIVER_OBJECT, RegistryPath: PUNICODE_STRING): NDIS_STATUS {
  const Wrapper: Out<NDIS_HANDLE> = { value: NULL }
  NdisMInitializeWrapper(Wrapper, DriverObject, RegistryPath, NULL)
  return NdisMRegisterMiniport(Wrapper.value, {
    MajorNdisVersion: 5,
    MinorNdisVersion: 1,
    InitializeHandler: MiniportInitialize,
    HaltHandler: MiniportHalt,
    SendPacketsHandler: MiniportSendPackets,
    QueryInformationHandler: MiniportQueryInformation,
    SetInformationHandler: MiniportSetInformation,
    ReturnPacketHandler: MiniportReturnPacket,
    TransferDataHandler: MiniportTransferData,
  })
}
