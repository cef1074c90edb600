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

export function DriverEntry(DriverObject: PDRIVER_OBJECT, RegistryPath: PUNICODE_STRING): NDIS_STATUS {
  const Wrapper: Out<NDIS_HANDLE> = { value: NULL }
  NdisMInitializeWrapper(Wrapper, DriverObject, RegistryPath, NULL)
  return NdisMRegisterMiniport(Wrapper.value, {
    MajorNdisVersion: 5,
    MinorNdisVersion: 1,
    InitializeHandler: MiniportInitialize,
    HaltHandler: MiniportHalt,
    SendPacketsHandler: MiniportSendPackets,
  })
}
