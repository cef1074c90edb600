/** The text a new miniport starts from: the shape of script-api.md, complete enough that the first F5 runs it. */
export const STARTER_MINIPORT = `// A new NDIS 5 miniport. Everything NDIS defines is in scope by its C name. F5 runs it against the emulated
// controller with the scenario of the other tab; DriverEntry is where NDIS starts, as in a .sys file.

/** What the driver keeps per adapter: NDIS passes it back to every handler. */
interface ADAPTER {
  MiniportAdapterHandle: NDIS_HANDLE
  PacketPool: NDIS_HANDLE
}

function MiniportInitialize(
  OpenErrorStatus: Out<NDIS_STATUS>, SelectedMediumIndex: Out<number>, MediumArray: NDIS_MEDIUM[],
  MediumArraySize: number, MiniportAdapterHandle: NDIS_HANDLE, WrapperConfigurationContext: NDIS_HANDLE,
): NDIS_STATUS {
  // NDIS offers the media it accepts; this driver is Ethernet (802.3).
  let Medium = -1
  for (let i = 0; i < MediumArraySize; i++) if (MediumArray[i] === NdisMedium802_3) Medium = i
  if (Medium < 0) return NDIS_STATUS_UNSUPPORTED_MEDIA
  SelectedMediumIndex.value = Medium

  const A: ADAPTER = { MiniportAdapterHandle, PacketPool: NULL }
  NdisMSetAttributesEx(MiniportAdapterHandle, A, 2, NDIS_ATTRIBUTE_BUS_MASTER, NdisInterfacePci)

  const Status: Out<NDIS_STATUS> = { value: NDIS_STATUS_SUCCESS }
  const Pool: Out<NDIS_HANDLE> = { value: NULL }
  NdisAllocatePacketPool(Status, Pool, 64, PROTOCOL_RESERVED_SIZE_IN_PACKET)
  if (Status.value !== NDIS_STATUS_SUCCESS) return Status.value
  A.PacketPool = Pool.value
  DbgPrint("packet pool %p ready\\n", A.PacketPool)
  return NDIS_STATUS_SUCCESS
}

function MiniportHalt(A: ADAPTER): void {
  NdisFreePacketPool(A.PacketPool)
  A.PacketPool = NULL
}

// Transmit is not written yet: every packet NDIS hands over is completed at once, as failed.
function MiniportSendPackets(A: ADAPTER, PacketArray: PNDIS_PACKET[], NumberOfPackets: number): void {
  for (let i = 0; i < NumberOfPackets; i++) NDIS_SET_PACKET_STATUS(PacketArray[i], NDIS_STATUS_FAILURE)
}

export function DriverEntry(DriverObject: PDRIVER_OBJECT, RegistryPath: PUNICODE_STRING): NDIS_STATUS {
  const WrapperHandle: Out<NDIS_HANDLE> = { value: NULL }
  NdisMInitializeWrapper(WrapperHandle, DriverObject, RegistryPath, NULL)
  const Status = NdisMRegisterMiniport(WrapperHandle.value, {
    MajorNdisVersion: 5,
    MinorNdisVersion: 1,
    InitializeHandler: MiniportInitialize,
    HaltHandler: MiniportHalt,
    SendPacketsHandler: MiniportSendPackets,
  })
  if (Status !== NDIS_STATUS_SUCCESS) NdisTerminateWrapper(WrapperHandle.value, NULL)
  return Status
}
`
