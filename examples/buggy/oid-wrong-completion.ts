// Buggy on purpose (R52): the driver pends the set of the packet filter and completes it with
// NdisMQueryInformationComplete. A pended set completes with NdisMSetInformationComplete.
let AdapterHandle: NDIS_HANDLE = NULL
const StationAddress = [0x02, 0x00, 0x4e, 0x57, 0x42, 0x01]
const Timer = new NDIS_MINIPORT_TIMER()
let Filter = 0

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
  NdisMInitializeTimer(Timer, MiniportAdapterHandle, FilterProgrammed, NULL)
  return NDIS_STATUS_SUCCESS
}

function MiniportHalt(Adapter: unknown): void {
  const Cancelled: Out<boolean> = { value: false }
  NdisMCancelTimer(Timer, Cancelled)
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
  if (Oid !== OID_GEN_CURRENT_PACKET_FILTER) return NDIS_STATUS_SUCCESS
  // The filter is programmed into the hardware from a timer: the set pends.
  Filter = MmRead32(InformationBuffer)
  NdisMSetTimer(Timer, 1)
  return NDIS_STATUS_PENDING
}

function MiniportSendPackets(Adapter: unknown, PacketArray: PNDIS_PACKET[], NumberOfPackets: number): void {
  for (let i = 0; i < NumberOfPackets; i++) NDIS_SET_PACKET_STATUS(PacketArray[i], NDIS_STATUS_FAILURE)
}

function FilterProgrammed(S1: unknown, Context: unknown, S2: unknown, S3: unknown): void {
  NdisMQueryInformationComplete(AdapterHandle, NDIS_STATUS_SUCCESS) // BUG: R52
}

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
  })
}
