// The adapter's bus as the miniport reaches it by C name (controller.md §2): its I/O port range
// (NdisMRegisterIoPortRange, NdisRawRead/WritePort*, NdisImmediateRead/WritePort*) — the register window again, in
// port space — and its PCI configuration space (NdisReadPciSlotInformation, NdisWritePciSlotInformation,
// NdisImmediateRead/WritePciSlotInformation, NdisMGetBusData, NdisMSetBusData), copied to and from the driver's
// memory. A port outside a registered range is R67; set-up calls are PASSIVE_LEVEL only (R41).
import { KVA_BASE } from '../kernel/memory'
import { put, type Out } from '../ndis/runtime'
import { NDIS_STATUS_CODES } from '../ndis/status'
import { EXPECTED_HANDLE, notAnObject, notAUlong, R67, requirePassive } from '../verifier/catalogue'
import { scriptNumber, scriptUlong } from '../verifier/script-value'
import { MINIPORT_ADAPTER_HANDLE, WRAPPER_CONFIGURATION_CONTEXT } from './handles'
import type { MiniportRuntime } from './runtime'

/** PCI_WHICHSPACE_CONFIG: NdisMGetBusData's configuration space. */
export const PCI_WHICHSPACE_CONFIG = 0

interface PortRange {
  first: number
  count: number
}

export function busApi(m: MiniportRuntime) {
  const k = m.kernel
  const controller = m.env.controller
  const r = controller.resources
  // A model without an I/O BAR has an empty range: every port access is outside it.
  const portBase = r.ioPortBase ?? 0
  const portLength = r.ioPortLength ?? 0
  const pci = {
    read(offset: number, length: number, into: Uint8Array, at: number): number {
      const bytes = controller.pciConfig
      const n = Math.max(0, Math.min(length, bytes.length - offset))
      into.set(bytes.subarray(offset, offset + n), at)
      return n
    },
    write: (offset: number, length: number, from: Uint8Array, at: number): number =>
      controller.writePciConfig(offset, length, from, at),
  }
  const ranges: PortRange[] = []

  function handle(call: string, value: unknown, expected: number, what: string): boolean {
    if (value === expected) return true
    notAnObject(k.verifier, call, value, EXPECTED_HANDLE, `is not the ${what} NDIS gave the driver`)
    return false
  }

  /** The register offset of a port access, or -1 after R67 (`registered`: only inside a registered range). */
  function portOffset(port: unknown, width: number, write: number, registered: boolean): number {
    const p = scriptNumber(port)
    const inside = registered
      ? ranges.some((x) => p >= x.first && p + width <= x.first + x.count)
      : p >= portBase && p + width <= portBase + portLength
    if (!inside || p >>> 0 !== p) {
      const why = registered
        ? 'not in a range registered with NdisMRegisterIoPortRange'
        : "not one of the adapter's ports"
      k.verifier.report(
        R67,
        p >>> 0,
        width,
        write,
        `port ${write ? 'write to' : 'read of'} 0x${(p >>> 0).toString(16)}: ${why}`,
      )
      return -1
    }
    return p - portBase
  }

  function readPort(port: unknown, width: number, Data: Out<number> | null, registered = true): void {
    const off = portOffset(port, width, 0, registered)
    put(Data, off < 0 ? (width === 1 ? 0xff : width === 2 ? 0xffff : 0xffffffff) : controller.readPort(off, width))
  }

  function writePort(port: unknown, width: number, Data: unknown, registered = true): void {
    const off = portOffset(port, width, 1, registered)
    if (off >= 0) controller.writePort(off, width, scriptUlong(Data))
  }

  /** NdisRawReadPortBuffer*: Length reads of one port into memory at Buffer. */
  function readPortBuffer(port: unknown, width: number, Buffer: number, Length: number): void {
    const n = scriptUlong(Length)
    if (!k.checkAccess(Buffer, n * width, 1)) return
    const off = portOffset(port, width, 0, true)
    if (off < 0) return
    const view = k.memory.view
    for (let i = 0; i < n; i++) {
      const v = controller.readPort(off, width)
      const at = Buffer - KVA_BASE + i * width
      if (width === 1) view.setUint8(at, v)
      else if (width === 2) view.setUint16(at, v, true)
      else view.setUint32(at, v, true)
    }
  }

  function writePortBuffer(port: unknown, width: number, Buffer: number, Length: number): void {
    const n = scriptUlong(Length)
    if (!k.checkAccess(Buffer, n * width, 0)) return
    const off = portOffset(port, width, 1, true)
    if (off < 0) return
    const view = k.memory.view
    for (let i = 0; i < n; i++) {
      const at = Buffer - KVA_BASE + i * width
      const v = width === 1 ? view.getUint8(at) : width === 2 ? view.getUint16(at, true) : view.getUint32(at, true)
      controller.writePort(off, width, v)
    }
  }

  /** Copies configuration space to or from the driver's memory; returns the bytes moved. */
  function config(call: string, write: boolean, Offset: unknown, Buffer: number, Length: unknown): number {
    const off = scriptNumber(Offset)
    const n = scriptNumber(Length)
    if (!(off >>> 0 === off)) return (notAUlong(k.verifier, call, 3, Offset, 'an offset in configuration space'), 0)
    if (!(n >>> 0 === n)) return (notAUlong(k.verifier, call, 5, Length, 'a length in bytes'), 0)
    if (n === 0 || off >= 256) return 0
    const moved = Math.min(n, 256 - off)
    if (!k.checkAccess(Buffer, moved, write ? 0 : 1)) return 0
    const at = Buffer - KVA_BASE
    return write ? pci.write(off, moved, k.memory.u8, at) : pci.read(off, moved, k.memory.u8, at)
  }

  /** An Immediate port call: PASSIVE_LEVEL, and the WrapperConfigurationContext MiniportInitialize was given. */
  function immediate(call: string, context: unknown): boolean {
    requirePassive(k.verifier, k.cpu.irql, call)
    return handle(call, context, WRAPPER_CONFIGURATION_CONTEXT, 'WrapperConfigurationContext')
  }

  return {
    PCI_WHICHSPACE_CONFIG,

    /** Claims ports [InitialPort, InitialPort + NumberOfPorts) of the adapter's resources; PASSIVE_LEVEL. */
    NdisMRegisterIoPortRange(
      PortOffset: Out<number> | null,
      MiniportAdapterHandle: number,
      InitialPort: number,
      NumberOfPorts: number,
    ): number {
      const call = 'NdisMRegisterIoPortRange'
      requirePassive(k.verifier, k.cpu.irql, call)
      put(PortOffset, 0)
      if (!handle(call, MiniportAdapterHandle, MINIPORT_ADAPTER_HANDLE, 'MiniportAdapterHandle'))
        return NDIS_STATUS_CODES.NDIS_STATUS_FAILURE
      const first = scriptNumber(InitialPort)
      const count = scriptNumber(NumberOfPorts)
      if (!(count >>> 0 === count) || count === 0) {
        notAUlong(k.verifier, call, 4, NumberOfPorts, 'a number of ports')
        return NDIS_STATUS_CODES.NDIS_STATUS_FAILURE
      }
      if (!(first >= portBase && first + count <= portBase + portLength))
        return NDIS_STATUS_CODES.NDIS_STATUS_RESOURCE_CONFLICT
      ranges.push({ first, count })
      // On x86 the port "offset" a driver uses is the port address itself.
      put(PortOffset, first)
      return NDIS_STATUS_CODES.NDIS_STATUS_SUCCESS
    },

    NdisMDeregisterIoPortRange(
      MiniportAdapterHandle: number,
      InitialPort: number,
      NumberOfPorts: number,
      PortOffset: number,
    ): void {
      const call = 'NdisMDeregisterIoPortRange'
      requirePassive(k.verifier, k.cpu.irql, call)
      if (!handle(call, MiniportAdapterHandle, MINIPORT_ADAPTER_HANDLE, 'MiniportAdapterHandle')) return
      void PortOffset
      const i = ranges.findIndex((x) => x.first === InitialPort && x.count === NumberOfPorts)
      if (i < 0) {
        notAnObject(
          k.verifier,
          call,
          InitialPort,
          EXPECTED_HANDLE,
          'is not a range registered with NdisMRegisterIoPortRange',
        )
        return
      }
      ranges.splice(i, 1)
    },

    NdisRawReadPortUchar: (Port: number, Data: Out<number> | null): void => readPort(Port, 1, Data),
    NdisRawReadPortUshort: (Port: number, Data: Out<number> | null): void => readPort(Port, 2, Data),
    NdisRawReadPortUlong: (Port: number, Data: Out<number> | null): void => readPort(Port, 4, Data),
    NdisRawWritePortUchar: (Port: number, Data: number): void => writePort(Port, 1, Data),
    NdisRawWritePortUshort: (Port: number, Data: number): void => writePort(Port, 2, Data),
    NdisRawWritePortUlong: (Port: number, Data: number): void => writePort(Port, 4, Data),
    NdisRawReadPortBufferUchar: (Port: number, Buffer: number, Length: number): void =>
      readPortBuffer(Port, 1, Buffer, Length),
    NdisRawReadPortBufferUshort: (Port: number, Buffer: number, Length: number): void =>
      readPortBuffer(Port, 2, Buffer, Length),
    NdisRawReadPortBufferUlong: (Port: number, Buffer: number, Length: number): void =>
      readPortBuffer(Port, 4, Buffer, Length),
    NdisRawWritePortBufferUchar: (Port: number, Buffer: number, Length: number): void =>
      writePortBuffer(Port, 1, Buffer, Length),
    NdisRawWritePortBufferUshort: (Port: number, Buffer: number, Length: number): void =>
      writePortBuffer(Port, 2, Buffer, Length),
    NdisRawWritePortBufferUlong: (Port: number, Buffer: number, Length: number): void =>
      writePortBuffer(Port, 4, Buffer, Length),

    // The Immediate forms are for MiniportInitialize before the range is registered: PASSIVE_LEVEL, the adapter's ports.
    NdisImmediateReadPortUchar(WrapperConfigurationContext: number, Port: number, Data: Out<number> | null): void {
      if (immediate('NdisImmediateReadPortUchar', WrapperConfigurationContext)) readPort(Port, 1, Data, false)
    },
    NdisImmediateReadPortUshort(WrapperConfigurationContext: number, Port: number, Data: Out<number> | null): void {
      if (immediate('NdisImmediateReadPortUshort', WrapperConfigurationContext)) readPort(Port, 2, Data, false)
    },
    NdisImmediateReadPortUlong(WrapperConfigurationContext: number, Port: number, Data: Out<number> | null): void {
      if (immediate('NdisImmediateReadPortUlong', WrapperConfigurationContext)) readPort(Port, 4, Data, false)
    },
    NdisImmediateWritePortUchar(WrapperConfigurationContext: number, Port: number, Data: number): void {
      if (immediate('NdisImmediateWritePortUchar', WrapperConfigurationContext)) writePort(Port, 1, Data, false)
    },
    NdisImmediateWritePortUshort(WrapperConfigurationContext: number, Port: number, Data: number): void {
      if (immediate('NdisImmediateWritePortUshort', WrapperConfigurationContext)) writePort(Port, 2, Data, false)
    },
    NdisImmediateWritePortUlong(WrapperConfigurationContext: number, Port: number, Data: number): void {
      if (immediate('NdisImmediateWritePortUlong', WrapperConfigurationContext)) writePort(Port, 4, Data, false)
    },

    /** Bytes of configuration space read into Buffer (fewer past offset 256). PASSIVE_LEVEL. */
    NdisReadPciSlotInformation(
      NdisAdapterHandle: number,
      SlotNumber: number,
      Offset: number,
      Buffer: number,
      Length: number,
    ): number {
      requirePassive(k.verifier, k.cpu.irql, 'NdisReadPciSlotInformation')
      void SlotNumber
      if (!handle('NdisReadPciSlotInformation', NdisAdapterHandle, MINIPORT_ADAPTER_HANDLE, 'MiniportAdapterHandle'))
        return 0
      return config('NdisReadPciSlotInformation', false, Offset, Buffer, Length)
    },
    NdisWritePciSlotInformation(
      NdisAdapterHandle: number,
      SlotNumber: number,
      Offset: number,
      Buffer: number,
      Length: number,
    ): number {
      requirePassive(k.verifier, k.cpu.irql, 'NdisWritePciSlotInformation')
      void SlotNumber
      if (!handle('NdisWritePciSlotInformation', NdisAdapterHandle, MINIPORT_ADAPTER_HANDLE, 'MiniportAdapterHandle'))
        return 0
      return config('NdisWritePciSlotInformation', true, Offset, Buffer, Length)
    },
    NdisImmediateReadPciSlotInformation(
      WrapperConfigurationContext: number,
      SlotNumber: number,
      Offset: number,
      Buffer: number,
      Length: number,
    ): number {
      requirePassive(k.verifier, k.cpu.irql, 'NdisImmediateReadPciSlotInformation')
      void SlotNumber
      if (
        !handle(
          'NdisImmediateReadPciSlotInformation',
          WrapperConfigurationContext,
          WRAPPER_CONFIGURATION_CONTEXT,
          'WrapperConfigurationContext',
        )
      )
        return 0
      return config('NdisImmediateReadPciSlotInformation', false, Offset, Buffer, Length)
    },
    NdisImmediateWritePciSlotInformation(
      WrapperConfigurationContext: number,
      SlotNumber: number,
      Offset: number,
      Buffer: number,
      Length: number,
    ): number {
      requirePassive(k.verifier, k.cpu.irql, 'NdisImmediateWritePciSlotInformation')
      void SlotNumber
      if (
        !handle(
          'NdisImmediateWritePciSlotInformation',
          WrapperConfigurationContext,
          WRAPPER_CONFIGURATION_CONTEXT,
          'WrapperConfigurationContext',
        )
      )
        return 0
      return config('NdisImmediateWritePciSlotInformation', true, Offset, Buffer, Length)
    },
    /** Any IRQL (configuration space, PCI_WHICHSPACE_CONFIG only). */
    NdisMGetBusData(
      MiniportAdapterHandle: number,
      WhichSpace: number,
      Offset: number,
      Buffer: number,
      Length: number,
    ): number {
      if (!handle('NdisMGetBusData', MiniportAdapterHandle, MINIPORT_ADAPTER_HANDLE, 'MiniportAdapterHandle')) return 0
      if (WhichSpace !== PCI_WHICHSPACE_CONFIG) return 0
      return config('NdisMGetBusData', false, Offset, Buffer, Length)
    },
    NdisMSetBusData(
      MiniportAdapterHandle: number,
      WhichSpace: number,
      Offset: number,
      Buffer: number,
      Length: number,
    ): number {
      if (!handle('NdisMSetBusData', MiniportAdapterHandle, MINIPORT_ADAPTER_HANDLE, 'MiniportAdapterHandle')) return 0
      if (WhichSpace !== PCI_WHICHSPACE_CONFIG) return 0
      return config('NdisMSetBusData', true, Offset, Buffer, Length)
    },
  }
}
