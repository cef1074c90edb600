// Buggy on purpose (R56): a deserialized miniport takes every send and never completes one with NdisMSendComplete
// (its transmit-done path is missing). NDIS times a send out after twice the CheckForHang interval (2 s here) and
// resets the miniport; at MiniportHalt the sends are still out (R46). The finding names the line MiniportSendPackets
// returned from.
// RUN WITH: --scenario ../scenarios/sends-over-loopback.json --duration 2500ms
let AdapterHandle: NDIS_HANDLE = NULL
const StationAddress = [0x02, 0x00, 0x4e, 0x57, 0x42, 0x01]

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
  NdisMSetAttributesEx(
    MiniportAdapterHandle,
    {},
    1,
    NDIS_ATTRIBUTE_DESERIALIZE | NDIS_ATTRIBUTE_BUS_MASTER,
    NdisInterfacePci,
  )
  return NDIS_STATUS_SUCCESS
}

function MiniportHalt(Adapter: unknown): void {}

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

let Queued = 0

function MiniportSendPackets(Adapter: unknown, PacketArray: PNDIS_PACKET[], NumberOfPackets: number): void {
  // "Queued for the transmit-done interrupt", which this driver never handles.
  for (let i = 0; i < NumberOfPackets; i++) Queued++
  DbgPrint('%d sends queued\n', Queued) // BUG: R56, also R46
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
