// The controller's I/O port range and PCI configuration space as the miniport reaches them (ndis5.md §1.10; DDK
// NdisMRegisterIoPortRange, NdisRawReadPortUlong, NdisReadPciSlotInformation): a port range the adapter was given
// (NdisMQueryAdapterResources, CmResourceTypePort) is registered before use, and read and written with the
// NdisRaw*Port* calls; NdisReadPciSlotInformation copies configuration bytes into the caller's buffer. The Intel
// 82540EM has such a range (BAR1: IOADDR, IODATA); the WB-100 has none.
import { KVA_BASE } from '../kernel/memory'
import { put, type Out } from '../ndis/runtime'
import { NDIS_STATUS_CODES } from '../ndis/status'
import { EXPECTED_HANDLE, notAnObject, R83, requirePassive } from '../verifier/catalogue'
import { scriptNumber, scriptUlong } from '../verifier/script-value'
import { valueText } from '../verifier/value-text'
import { MINIPORT_ADAPTER_HANDLE } from './handles'
import type { MiniportRuntime } from './runtime'

export function portApi(m: MiniportRuntime) {
  const k = m.kernel
  const controller = m.env.controller
  /** Registered ranges: [first port, number of ports]. */
  const ranges: [number, number][] = []

  function adapterHandle(call: string, handle: unknown): boolean {
    if (handle === MINIPORT_ADAPTER_HANDLE) return true
    notAnObject(
      k.verifier,
      call,
      handle,
      EXPECTED_HANDLE,
      'is not the MiniportAdapterHandle NDIS gave MiniportInitialize',
    )
    return false
  }

  /** The offset of a port access from the device's first port, or -1 (with a finding) outside every registered range. */
  function portOffset(call: string, port: unknown, width: number, write: number): number {
    const p = scriptNumber(port)
    for (const [first, count] of ranges)
      if (p >= first && p + width <= first + count) return p - (controller.resources.ioPortBase ?? 0)
    k.verifier.report(
      R83,
      p >>> 0,
      width,
      write,
      `${call}(${valueText(port)}): not in a port range registered with NdisMRegisterIoPortRange`,
    )
    return -1
  }

  function read(call: string, port: unknown, width: number, Data: Out<number> | null): void {
    const off = portOffset(call, port, width, 0)
    // Nothing answers an unclaimed port: the bus floats high.
    put(Data, off < 0 ? (width === 1 ? 0xff : width === 2 ? 0xffff : 0xffffffff) : controller.readPort(off, width))
  }

  function write(call: string, port: unknown, width: number, value: unknown): void {
    const off = portOffset(call, port, width, 1)
    if (off >= 0) controller.writePort(off, width, scriptUlong(value))
  }

  return {
    NdisMRegisterIoPortRange(
      PortOffset: Out<number> | null,
      MiniportAdapterHandle: number,
      InitialPort: number,
      NumberOfPorts: number,
    ): number {
      requirePassive(k.verifier, k.cpu.irql, 'NdisMRegisterIoPortRange')
      put(PortOffset, 0)
      if (!adapterHandle('NdisMRegisterIoPortRange', MiniportAdapterHandle))
        return NDIS_STATUS_CODES.NDIS_STATUS_FAILURE
      const first = scriptUlong(InitialPort)
      const count = scriptUlong(NumberOfPorts)
      const r = controller.resources
      const from = r.ioPortBase ?? 0
      const length = r.ioPortLength ?? 0
      // Not a range this adapter was given (NdisMQueryAdapterResources): NDIS refuses it.
      if (length === 0 || count === 0 || first < from || first + count > from + length)
        return NDIS_STATUS_CODES.NDIS_STATUS_RESOURCE_CONFLICT
      ranges.push([first, count])
      // On x86 the port address the driver uses is the port number itself.
      put(PortOffset, first)
      return NDIS_STATUS_CODES.NDIS_STATUS_SUCCESS
    },

    NdisMDeregisterIoPortRange(
      MiniportAdapterHandle: number,
      InitialPort: number,
      NumberOfPorts: number,
      PortOffset: number,
    ): void {
      requirePassive(k.verifier, k.cpu.irql, 'NdisMDeregisterIoPortRange')
      if (!adapterHandle('NdisMDeregisterIoPortRange', MiniportAdapterHandle)) return
      const i = ranges.findIndex(([first, count]) => first === InitialPort && count === NumberOfPorts)
      if (i < 0 || PortOffset !== InitialPort) {
        k.verifier.report(
          R83,
          scriptNumber(InitialPort) >>> 0,
          scriptNumber(NumberOfPorts) >>> 0,
          0,
          `NdisMDeregisterIoPortRange(${valueText(InitialPort)}, ${valueText(NumberOfPorts)}): not a registered port range`,
        )
        return
      }
      ranges.splice(i, 1)
    },

    NdisRawReadPortUchar: (Port: number, Data: Out<number> | null) => read('NdisRawReadPortUchar', Port, 1, Data),
    NdisRawReadPortUshort: (Port: number, Data: Out<number> | null) => read('NdisRawReadPortUshort', Port, 2, Data),
    NdisRawReadPortUlong: (Port: number, Data: Out<number> | null) => read('NdisRawReadPortUlong', Port, 4, Data),
    NdisRawWritePortUchar: (Port: number, Data: number) => write('NdisRawWritePortUchar', Port, 1, Data),
    NdisRawWritePortUshort: (Port: number, Data: number) => write('NdisRawWritePortUshort', Port, 2, Data),
    NdisRawWritePortUlong: (Port: number, Data: number) => write('NdisRawWritePortUlong', Port, 4, Data),

    /** Copies configuration bytes [Offset, Offset + Length) into Buffer; returns how many were copied. */
    NdisReadPciSlotInformation(
      NdisAdapterHandle: number,
      SlotNumber: number,
      Offset: number,
      Buffer: number,
      Length: number,
    ): number {
      void SlotNumber
      if (!adapterHandle('NdisReadPciSlotInformation', NdisAdapterHandle)) return 0
      const config = controller.pciConfig
      const from = scriptUlong(Offset)
      const want = scriptUlong(Length)
      const count = from >= config.length ? 0 : Math.min(want, config.length - from)
      if (count === 0) return 0
      const va = scriptNumber(Buffer)
      if (!k.checkAccess(va, count, 1)) return 0
      k.memory.u8.set(config.subarray(from, from + count), va - KVA_BASE)
      return count
    },
  }
}
