// Buggy on purpose (R26): MiniportHalt returns with a timer still queued. Cancel every timer with NdisMCancelTimer
// before Halt returns; Windows stops with BUGCODE_NDIS_DRIVER (0x7C, P1 = 0x09). The finding names the line that set it.
const Watchdog = new NDIS_MINIPORT_TIMER()
let Ticks = 0

function WatchdogTimer(S1: unknown, Context: unknown, S2: unknown, S3: unknown): void {
  Ticks++
}

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
  NdisMInitializeTimer(Watchdog, MiniportAdapterHandle, WatchdogTimer, null)
  NdisMSetPeriodicTimer(Watchdog, 1) // BUG: R26
  return NDIS_STATUS_SUCCESS
}

function MiniportHalt(Adapter: unknown): void {
  DbgPrint('watchdog ticked %d times\n', Ticks)
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
