// Buggy on purpose (R14): NdisAllocatePacketPool called while a spin lock is held. The founding document: "The driver
// must release any spin lock that it is holding before calling this function."
let PacketPool: NDIS_HANDLE = NULL
const Lock = new NDIS_SPIN_LOCK()

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
  NdisAllocateSpinLock(Lock)
  NdisAcquireSpinLock(Lock)
  NdisAllocatePacketPool(Status, Pool, 8, PROTOCOL_RESERVED_SIZE_IN_PACKET) // BUG: R14
  NdisReleaseSpinLock(Lock)
  PacketPool = Pool.value
  return NDIS_STATUS_SUCCESS
}

function MiniportHalt(Adapter: unknown): void {
  NdisFreePacketPool(PacketPool)
  NdisFreeSpinLock(Lock)
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
