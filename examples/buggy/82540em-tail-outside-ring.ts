// Buggy on purpose (R75): the receive tail RDT is written with the ring's length in descriptors, one past its last
// descriptor (8254x SDM §13.4.30: RDT indexes a descriptor of the ring, 0 to RDLEN/16 − 1).
// scenario: ../scenarios/82540em-sends-over-loopback.json
let Handle: NDIS_HANDLE = NULL
let Registers: PVOID = NULL
let RegistersLength = 0
let Ring: PVOID = NULL
let RingPa: NDIS_PHYSICAL_ADDRESS = 0
const RING_BYTES = 256

function MiniportInitialize(
  OpenErrorStatus: Out<NDIS_STATUS>,
  SelectedMediumIndex: Out<number>,
  MediumArray: NDIS_MEDIUM[],
  MediumArraySize: number,
  MiniportAdapterHandle: NDIS_HANDLE,
  WrapperConfigurationContext: NDIS_HANDLE,
): NDIS_STATUS {
  SelectedMediumIndex.value = 0
  Handle = MiniportAdapterHandle
  NdisMSetAttributesEx(MiniportAdapterHandle, {}, 0, NDIS_ATTRIBUTE_BUS_MASTER, NdisInterfacePci)
  const Status: Out<NDIS_STATUS> = { value: NDIS_STATUS_SUCCESS }
  const Resources: Out<NDIS_RESOURCE_LIST | null> = { value: null }
  const Length: Out<UINT> = { value: 0 }
  NdisMQueryAdapterResources(Status, WrapperConfigurationContext, Resources, Length)
  if (Status.value !== NDIS_STATUS_SUCCESS || Resources.value === null) return NDIS_STATUS_ADAPTER_NOT_FOUND
  let Base = 0
  for (const d of Resources.value.PartialDescriptors) {
    if (d.Type === CmResourceTypeMemory && d.u.Memory) {
      Base = d.u.Memory.Start
      RegistersLength = d.u.Memory.Length
    }
  }
  const Va: Out<PVOID> = { value: NULL }
  NdisMMapIoSpace(Status, Va, MiniportAdapterHandle, Base, RegistersLength)
  if (Status.value !== NDIS_STATUS_SUCCESS) return Status.value
  Registers = Va.value
  // Global reset, and the wait the 8254x SDM asks for after it (§14.1).
  NdisWriteRegisterUlong(Registers + 0x0000, 1 << 26)
  NdisStallExecution(10)
  const Pa: Out<NDIS_PHYSICAL_ADDRESS> = { value: 0 }
  NdisMAllocateSharedMemory(MiniportAdapterHandle, RING_BYTES, false, Va, Pa)
  if (Va.value === NULL) return NDIS_STATUS_RESOURCES
  Ring = Va.value
  RingPa = Pa.value
  NdisWriteRegisterUlong(Registers + 0x2800, RingPa)
  NdisWriteRegisterUlong(Registers + 0x2808, RING_BYTES)
  NdisWriteRegisterUlong(Registers + 0x2818, RING_BYTES / 16) // BUG: R75
  return NDIS_STATUS_SUCCESS
}

function MiniportHalt(Adapter: unknown): void {
  NdisWriteRegisterUlong(Registers + 0x0100, 0)
  NdisMFreeSharedMemory(Handle, RING_BYTES, false, Ring, RingPa)
  NdisMUnmapIoSpace(Handle, Registers, RegistersLength)
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
