// The 82540EM's I/O BAR and PCI configuration space through NDIS (DDK NdisMRegisterIoPortRange, NdisRawReadPortUlong,
// NdisReadPciSlotInformation; 8254x SDM §4.1, §13.2): the port resource NdisMQueryAdapterResources reports, IOADDR and
// IODATA reaching the registers, and the identity 8086:100E.
import { describe, expect, it } from 'vitest'
import { startRun } from '../../support/real-run'
import { miniport } from '../verifier/rules/script-case'

const script = miniport({
  init: `  const Status = { value: 0 }
  const Resources = { value: null }
  NdisMQueryAdapterResources(Status, WrapperConfigurationContext, Resources, { value: 0 })
  const Port = Resources.value.PartialDescriptors.find((d) => d.Type === CmResourceTypePort)
  const Offset = { value: 0 }
  const Registered = NdisMRegisterIoPortRange(Offset, MiniportAdapterHandle, Port.u.Port.Start, Port.u.Port.Length)
  NdisRawWritePortUlong(Offset.value, 0x2820)
  NdisRawWritePortUlong(Offset.value + 4, 0x40)
  const Rdtr = { value: 0 }
  NdisRawReadPortUlong(Offset.value + 4, Rdtr)
  NdisRawWritePortUlong(Offset.value, 0x5400)
  const Ral = { value: 0 }
  NdisRawReadPortUlong(Offset.value + 4, Ral)
  const Conflict = NdisMRegisterIoPortRange({ value: 0 }, MiniportAdapterHandle, 0x1000, 8)
  const Config = { value: NULL }
  NdisAllocateMemoryWithTag(Config, 64, 0)
  const Copied = NdisReadPciSlotInformation(MiniportAdapterHandle, 0, 0, Config.value, 64)
  DbgPrint('%x %x %x %x %x %x %x %x %x\\n', Port.u.Port.Start, Port.u.Port.Length, Registered, Rdtr.value, Ral.value,
    Conflict, Copied, MmRead16(Config.value), MmRead16(Config.value + 2))
  NdisFreeMemory(Config.value, 64, 0)
  NdisMDeregisterIoPortRange(MiniportAdapterHandle, Port.u.Port.Start, Port.u.Port.Length, Offset.value)`,
})

describe('82540EM ports and PCI configuration through NDIS', () => {
  it('reports BAR1 as a port resource and reaches the registers through IOADDR/IODATA; reads 8086:100E', () => {
    const run = startRun(script, { scenario: { name: 'ports', duration: '1ms', controller: { model: '82540em' } } })
    run.runToEnd()
    run.shutDown()
    expect(run.kernel.verifier.findings).toEqual([])
    const line = run.debugOutput[0]!.text.trim().split(' ')
    // port base, length, SUCCESS, RDTR, RAL0 (02:00:4e:57), RESOURCE_CONFLICT, 64 bytes, vendor, device
    expect(line).toEqual(['c000', '40', '0', '40', '574e0002', 'c001001e', '40', '8086', '100e'])
  })

  it('gives the WB-100 its registers again as a port resource, which it may register', () => {
    const s = miniport({
      init: `  const Resources = { value: null }
  NdisMQueryAdapterResources({ value: 0 }, WrapperConfigurationContext, Resources, { value: 0 })
  DbgPrint('%d %x\\n', Resources.value.Count, NdisMRegisterIoPortRange({ value: 0 }, MiniportAdapterHandle, 0xc000, 8))`,
    })
    const run = startRun(s, { scenario: { name: 'wb100', duration: '1ms' } })
    run.runToEnd()
    run.shutDown()
    expect(run.debugOutput[0]!.text.trim()).toBe('3 0')
  })
})
