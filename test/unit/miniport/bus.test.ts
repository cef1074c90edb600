// The adapter's bus in a run (docs/controller.md §2, §2.1): the third resource is the I/O port range, whose ports
// reach the same registers as the memory window; the PCI configuration space reads as the table says, keeps only
// its writable bits, and sizes a BAR by its write of all ones.
import { describe, expect, it } from 'vitest'
import { startRun } from '../../support/real-run'
import { miniport } from '../verifier/rules/script-case'

const INIT = `  const Status = { value: 0 }
  const Resources = { value: null }
  NdisMQueryAdapterResources(Status, WrapperConfigurationContext, Resources, { value: 0 })
  const Ports = Resources.value.PartialDescriptors[2]
  const Port = { value: NULL }
  NdisMRegisterIoPortRange(Port, MiniportAdapterHandle, Ports.u.Port.Start, Ports.u.Port.Length)
  const Ral = { value: 0 }
  NdisRawReadPortUlong(Port.value + 0x58, Ral)
  const Va = { value: NULL }
  NdisAllocateMemoryWithTag(Va, 64, 0)
  const Read = NdisReadPciSlotInformation(MiniportAdapterHandle, 0, 0, Va.value, 64)
  const Ids = MmRead32(Va.value)
  const Class = MmRead32(Va.value + 8) >>> 8
  MmWrite32(Va.value, 0xffffffff)
  NdisMSetBusData(MiniportAdapterHandle, PCI_WHICHSPACE_CONFIG, 0x10, Va.value, 4)
  NdisMGetBusData(MiniportAdapterHandle, PCI_WHICHSPACE_CONFIG, 0x10, Va.value, 4)
  const Size = MmRead32(Va.value)
  MmWrite32(Va.value, 0)
  NdisMSetBusData(MiniportAdapterHandle, PCI_WHICHSPACE_CONFIG, 0x00, Va.value, 4)
  NdisMGetBusData(MiniportAdapterHandle, PCI_WHICHSPACE_CONFIG, 0x00, Va.value, 4)
  const After = MmRead32(Va.value)
  const Tail = NdisMGetBusData(MiniportAdapterHandle, PCI_WHICHSPACE_CONFIG, 0xf0, Va.value, 64)
  DbgPrint('%u ports %x type %u ral %08x read %u ids %08x class %06x bar %08x after %08x tail %u\\n', Resources.value.Count,
    Ports.u.Port.Start, Ports.Type, Ral.value, Read, Ids, Class, Size, After, Tail)
  NdisFreeMemory(Va.value, 64, 0)
  NdisMDeregisterIoPortRange(MiniportAdapterHandle, Ports.u.Port.Start, Ports.u.Port.Length, Port.value)`

describe("the adapter's bus", () => {
  it('reaches the registers through I/O ports and answers PCI configuration reads and writes', () => {
    const run = startRun(miniport({ init: INIT }), { verifier: 'full' })
    // RAL (0x58) holds the first four bytes of 02-00-4E-57-42-01.
    expect(run.debugOutput.map((d) => d.text).join('')).toContain(
      '3 ports c000 type 1 ral 574e0002 read 64 ids 01005742 class 020000 bar ffffff00 after 01005742 tail 16\n',
    )
    expect(run.kernel.verifier.findings).toEqual([])
  })
})
