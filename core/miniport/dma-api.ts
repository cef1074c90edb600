// Bus-master DMA by C name (docs/script-api.md "DMA"): map registers — NdisMAllocateMapRegisters, then per buffer
// NdisMStartBufferPhysicalMapping, which gives the physical address of each page the buffer spans, and
// NdisMCompleteBufferPhysicalMapping — and scatter/gather DMA: after NdisMInitializeScatterGatherDma, NDIS puts a
// SCATTER_GATHER_LIST for each packet it sends in the packet's ScatterGatherListPacketInfo slot (sg-lists.ts).
// NdisMGetDeviceProperty answers the device objects and the resources. Set-up calls are PASSIVE_LEVEL (R41).
import { vaToPa } from '../kernel/physical'
import { PAGE_SIZE } from '../ndis/layout'
import { ndisRuntime } from '../ndis/instance'
import { put, type Out } from '../ndis/runtime'
import { NDIS_STATUS_CODES } from '../ndis/status'
import {
  DMA_NOT_BUS_MASTER,
  EXPECTED_HANDLE,
  MAP_ARRAY_TOO_SMALL,
  MAP_BAD_REGISTER,
  MAP_FREED_IN_USE,
  MAP_IN_USE,
  MAP_NOT_ALLOCATED,
  MAP_NOT_STARTED,
  notAnObject,
  R68,
  requirePassive,
} from '../verifier/catalogue'
import { scriptNumber, writeOutCell } from '../verifier/script-value'
import { adapterResourceList } from './adapter-api'
import { MINIPORT_ADAPTER_HANDLE } from './handles'
import type { MiniportRuntime } from './runtime'

/** Addresses NdisMGetDeviceProperty gives for the device objects (opaque, like NDIS's handles). */
export const PHYSICAL_DEVICE_OBJECT = 0xffa05000
export const FUNCTIONAL_DEVICE_OBJECT = 0xffa06000
export const NEXT_DEVICE_OBJECT = 0xffa07000
/** Bytes of one NDIS_PHYSICAL_ADDRESS_UNIT on x86 (PHYSICAL_ADDRESS, UINT, padded to 8). */
export const SIZEOF_NDIS_PHYSICAL_ADDRESS_UNIT = 16

export function dmaApi(m: MiniportRuntime) {
  const k = m.kernel
  const v = k.verifier
  const adapter = m.adapter
  const rt = ndisRuntime(k)
  /** Per map register: the buffer it maps, 0 when free. */
  let registers = new Float64Array(0)
  let allocated = false

  function adapterHandle(call: string, handle: unknown): boolean {
    if (handle === MINIPORT_ADAPTER_HANDLE) return true
    notAnObject(v, call, handle, EXPECTED_HANDLE, 'is not the MiniportAdapterHandle NDIS gave MiniportInitialize')
    return false
  }

  function busMaster(call: string): boolean {
    if ((adapter.attributeFlags & 0x8) !== 0) return true
    v.report(R68, DMA_NOT_BUS_MASTER, 0, 0, `${call} without NDIS_ATTRIBUTE_BUS_MASTER in NdisMSetAttributesEx`)
    return false
  }

  /** Stores element i of the address array: a script array gets an object, memory an NDIS_PHYSICAL_ADDRESS_UNIT. */
  function element(array: unknown, i: number, pa: number, length: number): void {
    if (typeof array === 'number') {
      const at = array + i * SIZEOF_NDIS_PHYSICAL_ADDRESS_UNIT
      k.write32(at, pa >>> 0)
      k.write32(at + 4, Math.floor(pa / 0x100000000) >>> 0)
      k.write32(at + 8, length)
    } else if (typeof array === 'object' && array !== null) {
      // An element of the script's array is written as an Out cell's value is: never a host exception.
      const target = array as Record<number, unknown>
      const element = {
        set value(x: unknown) {
          target[i] = x
        },
      }
      writeOutCell(element, { PhysicalAddress: pa, Length: length })
    }
  }

  return {
    // NDIS_DMA_SIZE for NdisMAllocateMapRegisters (ndis.h).
    NDIS_DMA_24BITS: 0,
    NDIS_DMA_32BITS: 1,
    NDIS_DMA_64BITS: 2,

    NdisMAllocateMapRegisters(
      MiniportAdapterHandle: number,
      DmaChannel: number,
      DmaSize: unknown,
      PhysicalMapRegistersNeeded: number,
      MaximumPhysicalMapping: number,
    ): number {
      const call = 'NdisMAllocateMapRegisters'
      requirePassive(v, k.cpu.irql, call)
      void DmaChannel
      void DmaSize
      void MaximumPhysicalMapping
      if (!adapterHandle(call, MiniportAdapterHandle) || !busMaster(call)) return NDIS_STATUS_CODES.NDIS_STATUS_FAILURE
      const n = scriptNumber(PhysicalMapRegistersNeeded)
      if (!(n >>> 0 === n) || n === 0 || n > 1024) return NDIS_STATUS_CODES.NDIS_STATUS_RESOURCES
      registers = new Float64Array(n)
      allocated = true
      return NDIS_STATUS_CODES.NDIS_STATUS_SUCCESS
    },

    NdisMFreeMapRegisters(MiniportAdapterHandle: number): void {
      const call = 'NdisMFreeMapRegisters'
      requirePassive(v, k.cpu.irql, call)
      if (!adapterHandle(call, MiniportAdapterHandle)) return
      if (!allocated) return void v.report(R68, MAP_NOT_ALLOCATED, 0, 0, `${call}: no map registers are allocated`)
      const busy = registers.findIndex((b) => b !== 0)
      if (busy >= 0)
        v.report(
          R68,
          MAP_FREED_IN_USE,
          busy,
          registers[busy]!,
          `${call} while map register ${busy} still maps a buffer`,
        )
      registers = new Float64Array(0)
      allocated = false
    },

    /** IRQL <= DISPATCH_LEVEL. One address unit per page the buffer spans; ArraySize gets how many. */
    NdisMStartBufferPhysicalMapping(
      MiniportAdapterHandle: number,
      Buffer: number,
      PhysicalMapRegister: number,
      WriteToDevice: unknown,
      PhysicalAddressArray: unknown,
      ArraySize: Out<number> | null,
    ): void {
      const call = 'NdisMStartBufferPhysicalMapping'
      void WriteToDevice
      put(ArraySize, 0)
      rt.checkIrql(call, false, 0)
      if (!adapterHandle(call, MiniportAdapterHandle)) return
      if (!allocated)
        return void v.report(R68, MAP_NOT_ALLOCATED, 0, 0, `${call}: call NdisMAllocateMapRegisters first`)
      const reg = scriptNumber(PhysicalMapRegister)
      if (!(reg >>> 0 === reg) || reg >= registers.length)
        return void v.report(R68, MAP_BAD_REGISTER, reg >>> 0, 0, `${call}: map register ${reg} of ${registers.length}`)
      if (!rt.useBuffer(call, Buffer)) return
      if (registers[reg] !== 0)
        return void v.report(R68, MAP_IN_USE, reg, Buffer, `${call}: map register ${reg} is still mapping a buffer`)
      let va = rt.bufferVa(Buffer)
      let left = rt.bufferLength(Buffer)
      const capacity =
        typeof PhysicalAddressArray === 'number'
          ? Infinity
          : Array.isArray(PhysicalAddressArray)
            ? scriptNumber((PhysicalAddressArray as unknown[]).length)
            : 0
      let n = 0
      while (left > 0) {
        const piece = Math.min(left, PAGE_SIZE - (va & (PAGE_SIZE - 1)))
        if (n >= capacity)
          return void v.report(
            R68,
            MAP_ARRAY_TOO_SMALL,
            reg,
            Buffer,
            `${call}: the address array holds ${capacity} entries`,
          )
        element(PhysicalAddressArray, n++, vaToPa(va), piece)
        va += piece
        left -= piece
      }
      registers[reg] = Buffer
      put(ArraySize, n)
    },

    NdisMCompleteBufferPhysicalMapping(
      MiniportAdapterHandle: number,
      Buffer: number,
      PhysicalMapRegister: number,
    ): void {
      const call = 'NdisMCompleteBufferPhysicalMapping'
      rt.checkIrql(call, true, 0)
      if (!adapterHandle(call, MiniportAdapterHandle)) return
      const reg = scriptNumber(PhysicalMapRegister)
      if (!(reg >>> 0 === reg) || reg >= registers.length)
        return void v.report(R68, MAP_BAD_REGISTER, reg >>> 0, 0, `${call}: map register ${reg} of ${registers.length}`)
      if (registers[reg] === 0 || registers[reg] !== Buffer)
        return void v.report(
          R68,
          MAP_NOT_STARTED,
          reg,
          scriptNumber(Buffer) >>> 0,
          `${call}: map register ${reg} is not mapping this buffer`,
        )
      registers[reg] = 0
    },

    /** PASSIVE_LEVEL. From now on every packet sent carries its SCATTER_GATHER_LIST (ScatterGatherListPacketInfo). */
    NdisMInitializeScatterGatherDma(
      MiniportAdapterHandle: number,
      Dma64BitAddresses: unknown,
      MaximumPhysicalMapping: number,
    ): number {
      const call = 'NdisMInitializeScatterGatherDma'
      requirePassive(v, k.cpu.irql, call)
      void Dma64BitAddresses
      if (!adapterHandle(call, MiniportAdapterHandle) || !busMaster(call)) return NDIS_STATUS_CODES.NDIS_STATUS_FAILURE
      adapter.scatterGather = scriptNumber(MaximumPhysicalMapping) >>> 0 || 0xffffffff
      return NDIS_STATUS_CODES.NDIS_STATUS_SUCCESS
    },

    /** PASSIVE_LEVEL. The device objects (opaque addresses) and the adapter's resources, raw and translated alike. */
    NdisMGetDeviceProperty(
      MiniportAdapterHandle: number,
      PhysicalDeviceObject: Out<number> | null,
      FunctionalDeviceObject: Out<number> | null,
      NextDeviceObject: Out<number> | null,
      AllocatedResources: Out<unknown> | null,
      AllocatedResourcesTranslated: Out<unknown> | null,
    ): void {
      const call = 'NdisMGetDeviceProperty'
      requirePassive(v, k.cpu.irql, call)
      if (!adapterHandle(call, MiniportAdapterHandle)) return
      put(PhysicalDeviceObject, PHYSICAL_DEVICE_OBJECT)
      put(FunctionalDeviceObject, FUNCTIONAL_DEVICE_OBJECT)
      put(NextDeviceObject, NEXT_DEVICE_OBJECT)
      put(AllocatedResources, adapterResourceList(m))
      put(AllocatedResourcesTranslated, adapterResourceList(m))
    },
  }
}
