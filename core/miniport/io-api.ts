// The controller as the miniport reaches it (controller.md §2; ndis5.md §1.10): the register window mapped with
// NdisMMapIoSpace and read/written with NdisRead/WriteRegisterUchar/Ushort/Ulong, and shared memory for the
// descriptor rings and receive buffers from NdisMAllocateSharedMemory (a virtual address for the driver, a physical
// address for the controller's DMA).
import { ALLOC_SHARED } from '../verifier/alloc-kind'
import { vaToPa } from '../kernel/physical'
import { put, type Out } from '../ndis/runtime'
import { NDIS_STATUS_CODES } from '../ndis/status'
import {
  EXPECTED_HANDLE,
  EXPECTED_MAPPING,
  notAnObject,
  notAUlong,
  R18,
  R19,
  requireAttributesSet,
  requirePassive,
} from '../verifier/catalogue'
import { valueText } from '../verifier/value-text'
import { fmtVa } from '../kernel/kernel'
import { IO_SPACE_BASE, MINIPORT_ADAPTER_HANDLE } from './handles'
import type { MiniportRuntime } from './runtime'
import { scriptNumber, scriptUlong } from '../verifier/script-value'

/** Tag NDIS puts on shared memory allocations ('NDSm', shown in pool views). */
const SHARED_MEMORY_TAG = 0x6d53444e

export function ioApi(m: MiniportRuntime) {
  const k = m.kernel
  const env = m.env
  const adapter = m.adapter
  const controller = env.controller
  let nextIoVa = IO_SPACE_BASE

  function passiveOnly(call: string): void {
    requirePassive(k.verifier, k.cpu.irql, call)
  }

  function adapterHandle(call: string, handle: number): boolean {
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

  /** Offset in the register window of an access at `va`, or -1 after reporting a fault (R16: like touching unmapped space). */
  function registerOffset(va: number, width: number, write: number): number {
    for (let i = 0; i < adapter.ioMappings.length; i++) {
      const map = adapter.ioMappings[i]!
      const off = va - map.va
      if (off >= 0 && off + width <= map.length) {
        const regOff = map.pa - controller.resources.registerBase + off
        if (regOff >= 0 && regOff + width <= controller.resources.registerLength) return regOff
      }
    }
    k.accessFault(
      va,
      write,
      `register ${write ? 'write to' : 'read of'} ${fmtVa(va)}: not in a window mapped with NdisMMapIoSpace`,
    )
    return -1
  }

  function readRegister(va: number, width: number, Data: Out<number> | null): void {
    const off = registerOffset(scriptNumber(va), width, 0)
    put(Data, off < 0 ? 0 : controller.readRegister(off, width))
  }

  function writeRegister(va: number, width: number, value: number): void {
    const off = registerOffset(scriptNumber(va), width, 1)
    if (off >= 0) controller.writeRegister(off, width, scriptUlong(value))
  }

  return {
    NdisMMapIoSpace(
      Status: Out<number> | null,
      VirtualAddress: Out<number> | null,
      MiniportAdapterHandle: number,
      PhysicalAddress: number,
      Length: number,
    ): void {
      passiveOnly('NdisMMapIoSpace')
      put(VirtualAddress, 0)
      if (!adapterHandle('NdisMMapIoSpace', MiniportAdapterHandle))
        return put(Status, NDIS_STATUS_CODES.NDIS_STATUS_FAILURE)
      requireAttributesSet(k.verifier, adapter.attributesSet, 'NdisMMapIoSpace')
      const r = controller.resources
      if (typeof Length !== 'number' || Length >>> 0 !== Length || Length === 0) {
        notAUlong(k.verifier, 'NdisMMapIoSpace', 5, Length, 'a positive ULONG (Length)')
        return put(Status, NDIS_STATUS_CODES.NDIS_STATUS_FAILURE)
      }
      if (!(PhysicalAddress >= r.registerBase && PhysicalAddress + Length <= r.registerBase + r.registerLength)) {
        // Not a range this adapter was given (NdisMQueryAdapterResources): NDIS refuses to map it.
        return put(Status, NDIS_STATUS_CODES.NDIS_STATUS_RESOURCE_CONFLICT)
      }
      const va = nextIoVa + (PhysicalAddress & 0xfff)
      nextIoVa += Math.ceil(((PhysicalAddress & 0xfff) + Length) / 0x1000) * 0x1000
      adapter.ioMappings.push({ va, pa: PhysicalAddress, length: Length })
      put(VirtualAddress, va)
      put(Status, NDIS_STATUS_CODES.NDIS_STATUS_SUCCESS)
    },

    NdisMUnmapIoSpace(MiniportAdapterHandle: number, VirtualAddress: number, Length: number): void {
      passiveOnly('NdisMUnmapIoSpace')
      if (!adapterHandle('NdisMUnmapIoSpace', MiniportAdapterHandle)) return
      const i = adapter.ioMappings.findIndex((x) => x.va === VirtualAddress && x.length === Length)
      if (i < 0) {
        notAnObject(
          k.verifier,
          'NdisMUnmapIoSpace',
          VirtualAddress,
          EXPECTED_MAPPING,
          `is not a mapping of ${valueText(Length)} bytes made with NdisMMapIoSpace`,
        )
        return
      }
      adapter.ioMappings.splice(i, 1)
    },

    NdisReadRegisterUchar: (Register: number, Data: Out<number> | null) => readRegister(Register, 1, Data),
    NdisReadRegisterUshort: (Register: number, Data: Out<number> | null) => readRegister(Register, 2, Data),
    NdisReadRegisterUlong: (Register: number, Data: Out<number> | null) => readRegister(Register, 4, Data),
    NdisWriteRegisterUchar: (Register: number, Data: number) => writeRegister(Register, 1, Data),
    NdisWriteRegisterUshort: (Register: number, Data: number) => writeRegister(Register, 2, Data),
    NdisWriteRegisterUlong: (Register: number, Data: number) => writeRegister(Register, 4, Data),

    NdisMAllocateSharedMemory(
      MiniportAdapterHandle: number,
      Length: number,
      Cached: boolean,
      VirtualAddress: Out<number> | null,
      PhysicalAddress: Out<number> | null,
    ): void {
      passiveOnly('NdisMAllocateSharedMemory')
      put(VirtualAddress, 0)
      put(PhysicalAddress, 0)
      if (!adapterHandle('NdisMAllocateSharedMemory', MiniportAdapterHandle)) return
      requireAttributesSet(k.verifier, adapter.attributesSet, 'NdisMAllocateSharedMemory')
      if (typeof Length !== 'number' || Length >>> 0 !== Length || Length === 0) {
        notAUlong(k.verifier, 'NdisMAllocateSharedMemory', 2, Length, 'a positive ULONG (Length)')
        return
      }
      const va = k.mayAllocate(ALLOC_SHARED)
        ? k.memory.allocate(Length, SHARED_MEMORY_TAG, 0, k.sites.current, 'shared')
        : 0
      if (va === 0) return
      k.memory.u8.fill(0, va - 0x80000000, va - 0x80000000 + Length)
      const pa = vaToPa(va)
      adapter.sharedMemory.set(va, { va, pa, length: Length, cached: Cached === true })
      put(VirtualAddress, va)
      put(PhysicalAddress, pa)
    },

    NdisMFreeSharedMemory(
      MiniportAdapterHandle: number,
      Length: number,
      Cached: boolean,
      VirtualAddress: number,
      PhysicalAddress: number,
    ): void {
      passiveOnly('NdisMFreeSharedMemory')
      if (!adapterHandle('NdisMFreeSharedMemory', MiniportAdapterHandle)) return
      const block = adapter.sharedMemory.get(VirtualAddress)
      if (!block) {
        k.verifier.report(
          R18,
          VirtualAddress,
          0,
          0,
          `NdisMFreeSharedMemory of ${valueText(VirtualAddress)}: not shared memory this adapter holds`,
        )
        return
      }
      if (block.length !== Length || block.pa !== PhysicalAddress || block.cached !== (Cached === true)) {
        k.verifier.report(
          R19,
          VirtualAddress,
          Length,
          block.length,
          `NdisMFreeSharedMemory: Length, Cached and PhysicalAddress must be those of the allocation (${block.length} bytes, PA 0x${block.pa.toString(16).toUpperCase()})`,
        )
      }
      adapter.sharedMemory.delete(VirtualAddress)
      k.memory.free(VirtualAddress)
    },
  }
}
