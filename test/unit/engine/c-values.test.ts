// C values as a ported driver writes them (script-api.md "From C to the script"): NULL wherever C passes a NULL
// pointer, status constants equal to the hex literals of ndis.h, signed and unsigned memory reads, and DbgPrint's
// conversions reading each argument as its 32-bit C value.
import { describe, expect, it } from 'vitest'
import { checkScript } from '../../../main/script-host/typecheck'
import { startRun } from '../../support/real-run'

const DRIVER = `let Pool: NDIS_HANDLE = NULL
let Block: PVOID = NULL
function MiniportInitialize(
  OpenErrorStatus: Out<NDIS_STATUS>,
  SelectedMediumIndex: Out<number>,
  MediumArray: NDIS_MEDIUM[],
  MediumArraySize: number,
  MiniportAdapterHandle: NDIS_HANDLE,
  WrapperConfigurationContext: NDIS_HANDLE,
): NDIS_STATUS {
  SelectedMediumIndex.value = 0
  NdisMSetAttributesEx(MiniportAdapterHandle, {}, 0, NDIS_ATTRIBUTE_DESERIALIZE, NdisInterfacePci)
  const Status: Out<NDIS_STATUS> = { value: NDIS_STATUS_SUCCESS }
  const Handle: Out<NDIS_HANDLE> = { value: NULL }
  NdisAllocatePacketPool(Status, Handle, 4, 16)
  Pool = Handle.value
  const Packet: Out<PNDIS_PACKET> = { value: NULL }
  NdisAllocatePacket(Status, Packet, Pool)
  const Count: Out<UINT> = { value: 7 }
  NdisQueryPacket(Packet.value, NULL, Count, NULL, NULL)
  DbgPrint('count %u\\n', Count.value)
  NdisFreePacket(Packet.value)
  const Va: Out<PVOID> = { value: NULL }
  NdisAllocateMemoryWithTag(Va, 16, 0x74736554)
  Block = Va.value
  MmWrite32(Block, -1)
  DbgPrint('%d %u %x %d %d\\n', MmRead32(Block), MmRead32(Block), MmReadLong(Block), MmReadShort(Block), MmReadChar(Block))
  const Failed = NdisAllocateMemoryWithTag(Va, 0x7fffffff, 0x74736554)
  if (Failed == 0xC0000001 && Failed === NDIS_STATUS_FAILURE) DbgPrint('failure is 0xC0000001\\n')
  if (NDIS_STATUS_RESOURCES === 0xc000009a) DbgPrint('resources is 0xC000009A\\n')
  return NDIS_STATUS_SUCCESS
}
function MiniportHalt(MiniportAdapterContext: NDIS_HANDLE_CONTEXT): void {
  NdisFreeMemory(Block, 16, 0)
  NdisFreePacketPool(Pool)
}
function MiniportSendPackets(Context: NDIS_HANDLE_CONTEXT, PacketArray: PNDIS_PACKET[], NumberOfPackets: number): void {
  for (let i = 0; i < NumberOfPackets; i++) NdisMSendComplete(NULL, PacketArray[i]!, NDIS_STATUS_FAILURE)
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
`

describe('C values in a ported driver', () => {
  it('type-checks NULL for optional out parameters and hex status literals', () => {
    const errors = checkScript('driver.ts', DRIVER, false).filter((d) => d.severity === 'error')
    expect(errors.map((d) => d.message)).toEqual([])
  })

  it('runs with NULL out parameters, ndis.h status values and C formatting', () => {
    const run = startRun(DRIVER, { verifier: 'full' })
    const text = run.debugOutput.map((d) => d.text).join('')
    expect(text).toContain('count 0\n')
    expect(text).toContain('-1 4294967295 ffffffff -1 -1\n')
    expect(text).toContain('failure is 0xC0000001\n')
    expect(text).toContain('resources is 0xC000009A\n')
    expect(run.kernel.verifier.findings).toEqual([])
  })
})
