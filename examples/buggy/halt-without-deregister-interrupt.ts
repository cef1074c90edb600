// Buggy on purpose (R24): MiniportHalt returns with the interrupt still registered. Halt must mask the controller and
// call NdisMDeregisterInterrupt; Windows stops with BUGCODE_NDIS_DRIVER (0x7C, P1 = 0x08) otherwise. The finding
// points at the line that registered the interrupt.
const IMC = 0x14
const ICR = 0x08
let Registers: PVOID = NULL
let RegistersLength = 0
let AdapterHandle: NDIS_HANDLE = NULL
const Interrupt = new NDIS_MINIPORT_INTERRUPT()

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
  // Map the WB-100's registers and connect its interrupt (docs/controller.md §2, §10).
  const Resources: Out<NDIS_RESOURCE_LIST | null> = { value: null }
  const Length: Out<UINT> = { value: 0 }
  NdisMQueryAdapterResources(Status, WrapperConfigurationContext, Resources, Length)
  const Memory = Resources.value!.PartialDescriptors[0].u.Memory!
  const Irq = Resources.value!.PartialDescriptors[1].u.Interrupt!
  const Va: Out<PVOID> = { value: NULL }
  NdisMMapIoSpace(Status, Va, MiniportAdapterHandle, Memory.Start, Memory.Length)
  Registers = Va.value
  RegistersLength = Memory.Length
  AdapterHandle = MiniportAdapterHandle
  NdisWriteRegisterUlong(Registers + IMC, 0xffffffff)
  const Mode = NdisInterruptLevelSensitive
  return NdisMRegisterInterrupt(Interrupt, MiniportAdapterHandle, Irq.Vector, Irq.Level, true, false, Mode) // BUG: R24
}

function MiniportISR(
  InterruptRecognized: Out<boolean>,
  QueueMiniportHandleInterrupt: Out<boolean>,
  Adapter: unknown,
): void {
  const Causes: Out<ULONG> = { value: 0 }
  NdisReadRegisterUlong(Registers + ICR, Causes)
  InterruptRecognized.value = Causes.value !== 0
  QueueMiniportHandleInterrupt.value = false
}

function MiniportHandleInterrupt(Adapter: unknown): void {}

function MiniportHalt(Adapter: unknown): void {
  NdisWriteRegisterUlong(Registers + IMC, 0xffffffff)
  NdisMUnmapIoSpace(AdapterHandle, Registers, RegistersLength)
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
    ISRHandler: MiniportISR,
    HandleInterruptHandler: MiniportHandleInterrupt,
    SendPacketsHandler: MiniportSendPackets,
  })
}
