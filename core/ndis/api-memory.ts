// Memory calls and raw memory access by C name (ndis5.md §1.9; script-api.md MmRead/MmWrite/MmView).
import { APC_LEVEL, DISPATCH_LEVEL, PASSIVE_LEVEL } from '../kernel/irql'
import { type Kernel } from '../kernel/kernel'
import { ALLOC_MEMORY } from '../verifier/alloc-kind'
import { valueText } from '../verifier/value-text'
import { KVA_BASE, SHADOW_FREED } from '../kernel/memory'
import { R17, R18, R19 } from '../verifier/catalogue'
import { NDIS_MEMORY_CONTIGUOUS, NDIS_MEMORY_NONCACHED } from './constants'
import { isUlong, put, toUlong, type NdisRuntime, type Out } from './runtime'
import { NDIS_STATUS_FAILURE, NDIS_STATUS_SUCCESS } from './status'

/** 'maDN', NDIS's default tag (ndis5.md §1.9). */
export const NDIS_DEFAULT_TAG = 0x4e44616d

export function memoryApi(rt: NdisRuntime) {
  const k: Kernel = rt.kernel
  const v = k.verifier
  const mem = k.memory

  function allocate(
    call: string,
    VirtualAddress: Out<number> | null,
    Length: number,
    Tag: number,
    Flags: number,
  ): number {
    put(VirtualAddress, 0)
    rt.checkIrql(call, false, isUlong(Length) ? Length : 0)
    if (!isUlong(Length)) {
      rt.badUlong(call, 2, Length)
      return NDIS_STATUS_FAILURE
    }
    if (Length === 0) {
      v.report(R17, k.cpu.irql, 0, 0, call + ' of 0 bytes')
      return NDIS_STATUS_FAILURE
    }
    const va = k.mayAllocate(ALLOC_MEMORY) ? mem.allocate(Length, Tag, Flags, k.sites.cell[0], 'memory') : 0
    if (va === 0) return NDIS_STATUS_FAILURE
    put(VirtualAddress, va)
    return NDIS_STATUS_SUCCESS
  }

  function range(va: number, length: number, write: number): boolean {
    return isUlong(length) ? k.checkAccess(va, length, write) : (rt.badUlong('memory access', 0, length), false)
  }

  return {
    NdisAllocateMemoryWithTag(VirtualAddress: Out<number> | null, Length: number, Tag: number): number {
      return allocate('NdisAllocateMemoryWithTag', VirtualAddress, Length, toUlong(Tag), 0)
    },

    NdisAllocateMemory(
      VirtualAddress: Out<number> | null,
      Length: number,
      MemoryFlags: number,
      _HighestAcceptableAddress: number,
    ): number {
      return allocate('NdisAllocateMemory', VirtualAddress, Length, NDIS_DEFAULT_TAG, toUlong(MemoryFlags))
    },

    /** IRQL depends on the flags; the flags must be those of the allocation (ndis5.md §1.9, §4 R18, R19). */
    NdisFreeMemory(VirtualAddress: number, Length: number, MemoryFlags: number): void {
      const call = 'NdisFreeMemory'
      const irql = k.cpu.irql
      const checking = v.checks(R19)
      rt.checkIrql(call, true, isUlong(VirtualAddress) ? VirtualAddress : 0)
      const a = mem.live.get(VirtualAddress)
      if (a === undefined || a.kind !== 'memory') {
        const freed = mem.shadowOf(VirtualAddress) === SHADOW_FREED
        const text = call + ': ' + valueText(VirtualAddress)
        if (freed) v.report(R18, 0, VirtualAddress, 0, text + ' was already freed', 0, 1)
        else v.report(R18, VirtualAddress, 0, 0, text + ' was not allocated by NdisAllocateMemory(WithTag)')
        return
      }
      if (checking) {
        const flags = toUlong(MemoryFlags)
        const maxIrql =
          flags & NDIS_MEMORY_CONTIGUOUS ? PASSIVE_LEVEL : flags & NDIS_MEMORY_NONCACHED ? APC_LEVEL : DISPATCH_LEVEL
        if (flags !== a.flags || Length !== a.requested) {
          v.report(
            R19,
            VirtualAddress,
            flags,
            a.flags,
            call +
              ': flags ' +
              flags +
              ' / length ' +
              Length +
              ' differ from the allocation (' +
              a.flags +
              ' / ' +
              a.requested +
              ')',
            a.site,
          )
        } else if (irql > maxIrql && irql <= DISPATCH_LEVEL) {
          v.report(
            R19,
            VirtualAddress,
            flags,
            a.flags,
            call + ' of memory with flags ' + flags + ' at IRQL ' + irql,
            a.site,
          )
        }
      }
      const freed = mem.free(VirtualAddress)
      // The locks, timers and events the block held are gone with it (docs/structures.md).
      if (freed !== undefined) k.objects.forget(freed.va, freed.size)
    },

    NdisMoveMemory(Destination: number, Source: number, Length: number): void {
      if (range(Source, Length, 0) && range(Destination, Length, 1))
        mem.u8.copyWithin(Destination - KVA_BASE, Source - KVA_BASE, Source - KVA_BASE + Length)
    },

    NdisZeroMemory(Destination: number, Length: number): void {
      if (range(Destination, Length, 1)) mem.u8.fill(0, Destination - KVA_BASE, Destination - KVA_BASE + Length)
    },

    NdisFillMemory(Destination: number, Length: number, Fill: number): void {
      if (range(Destination, Length, 1))
        mem.u8.fill(toUlong(Fill) & 0xff, Destination - KVA_BASE, Destination - KVA_BASE + Length)
    },

    /** 1 when equal, 0 otherwise (a ULONG, as the macro's RtlEqualMemory comparison). */
    NdisEqualMemory(Source1: number, Source2: number, Length: number): number {
      if (!range(Source1, Length, 0) || !range(Source2, Length, 0)) return 0
      const a = Source1 - KVA_BASE
      const b = Source2 - KVA_BASE
      for (let i = 0; i < Length; i++) if (mem.u8[a + i] !== mem.u8[b + i]) return 0
      return 1
    },

    MmRead8: (va: number): number => k.read8(va),
    MmRead16: (va: number): number => k.read16(va),
    MmRead32: (va: number): number => k.read32(va),
    // Signed reads, for LONG / SHORT / CHAR fields (MmRead8/16/32 read UCHAR / USHORT / ULONG).
    MmReadChar: (va: number): number => (k.read8(va) << 24) >> 24,
    MmReadShort: (va: number): number => (k.read16(va) << 16) >> 16,
    MmReadLong: (va: number): number => k.read32(va) | 0,
    MmWrite8: (va: number, value: number): void => k.write8(va, value),
    MmWrite16: (va: number, value: number): void => k.write16(va, value),
    MmWrite32: (va: number, value: number): void => k.write32(va, value),
    MmView: (va: number, length: number): Uint8Array => k.view(va, length),
  }
}
