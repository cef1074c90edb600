// Buggy on purpose: MiniportHalt returns with packets still allocated and their pool never freed. Halt must undo
// everything MiniportInitialize did; the leak scan at the end of the run names the line that allocated them.
let PacketPool: NDIS_HANDLE = NULL

function MiniportInitialize(
  OpenErrorStatus: Out<NDIS_STATUS>,
  SelectedMediumIndex: Out<number>,
  MediumArray: NDIS_MEDIUM[],
  MediumArraySize: number,
  MiniportAdapterHandle: NDIS_HANDLE,
  WrapperConfigurationContext: NDIS_HANDLE,
): NDIS_STATUS {
  SelectedMediumIndex.value = 0
  NdisMSetAttributesEx(MiniportAdapterHandle, {}, 0, NDIS_ATTRIBUTE_BUS_MASTER, NdisInterfacePci)
  const Status: Out<NDIS_STATUS> = { value: NDIS_STATUS_SUCCESS }
  const Pool: Out<NDIS_HANDLE> = { value: NULL }
  NdisAllocatePacketPool(Status, Pool, 8, PROTOCOL_RESERVED_SIZE_IN_PACKET)
  PacketPool = Pool.value
  const Packet: Out<PNDIS_PACKET> = { value: NULL }
  NdisAllocatePacket(Status, Packet, PacketPool) // BUG: R20
  return NDIS_STATUS_SUCCESS
}

function MiniportHalt(Adapter: unknown): void {
  DbgPrint('halting with %u packet(s) still allocated\n', NdisPacketPoolUsage(PacketPool))
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
  })
}
