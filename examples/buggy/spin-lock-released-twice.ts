// Buggy on purpose (R12): a spin lock released twice. The second NdisReleaseSpinLock runs at PASSIVE_LEVEL (the first
// restored the IRQL kept in the lock) on a lock nobody holds: Windows stops with 0xC4 (P1 = 0x32).
const Lock = new NDIS_SPIN_LOCK()
let Counter = 0

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
  NdisAllocateSpinLock(Lock)
  NdisAcquireSpinLock(Lock)
  Counter++
  NdisReleaseSpinLock(Lock)
  NdisReleaseSpinLock(Lock) // BUG: R12
  return NDIS_STATUS_SUCCESS
}

function MiniportHalt(Adapter: unknown): void {
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
