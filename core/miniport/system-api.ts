// The small system queries and helpers a miniport calls by C name (docs/script-api.md "Kernel runtime"): the
// processors, the time since boot, the version, alignments, ULONG moves, physical-address halves and NDIS strings
// (ordinary script strings, script-api.md). Any IRQL unless noted.
import { put, type Out } from '../ndis/runtime'
import { scriptNumber, scriptString } from '../verifier/script-value'
import type { MiniportRuntime } from './runtime'

/** NDIS 5.1: NdisGetVersion's major version in the high word. */
export const NDIS_VERSION = 0x00050001
/** The x86 cache line: NdisGetCacheFillSize, NdisGetSharedDataAlignment and NdisMGetDmaAlignment. */
export const CACHE_LINE = 64

export function systemApi(m: MiniportRuntime) {
  const k = m.kernel
  const scheduler = m.env.scheduler

  return {
    NdisSystemProcessorCount: (): number => k.processors.length,

    /** The current processor's use in percent: 0, since virtual time does not pass while handlers run (stalls aside). */
    NdisGetCurrentProcessorCpuUsage(pCpuUsage: Out<number> | null): void {
      put(pCpuUsage, 0)
    },

    /** Idle count, kernel-and-user count (100-ns units since boot) and the processor number. */
    NdisGetCurrentProcessorCounts(
      pIdleCount: Out<number> | null,
      pKernelAndUser: Out<number> | null,
      pIndex: Out<number> | null,
    ): void {
      const ticks = Math.floor(scheduler.nowNs / 100) >>> 0
      put(pIdleCount, ticks)
      put(pKernelAndUser, ticks)
      put(pIndex, k.cpu.number)
    },

    /** Milliseconds since the system started (the run's virtual time). */
    NdisGetSystemUpTime(pSystemUpTime: Out<number> | null): void {
      put(pSystemUpTime, Math.floor(scheduler.nowNs / 1_000_000) >>> 0)
    },

    NdisGetVersion: (): number => NDIS_VERSION,
    NdisGetSharedDataAlignment: (): number => CACHE_LINE,
    NdisGetCacheFillSize: (): number => CACHE_LINE,
    NdisMGetDmaAlignment: (MiniportAdapterHandle: number): number => (void MiniportAdapterHandle, CACHE_LINE),

    /** *(PULONG)DestinationAddress = *(PULONG)SourceAddress (no alignment needed). */
    NdisRetrieveUlong(DestinationAddress: number, SourceAddress: number): void {
      k.write32(DestinationAddress, k.read32(SourceAddress))
    },
    NdisStoreUlong(DestinationAddress: number, Value: number): void {
      k.write32(DestinationAddress, scriptNumber(Value) >>> 0)
    },

    NdisGetPhysicalAddressLow: (PhysicalAddress: number): number => scriptNumber(PhysicalAddress) >>> 0,
    NdisGetPhysicalAddressHigh: (PhysicalAddress: number): number =>
      Math.floor(scriptNumber(PhysicalAddress) / 0x100000000) >>> 0,
    /** NDIS_PHYSICAL_ADDRESS_CONST(Low, High): the 64-bit address as one number. */
    NDIS_PHYSICAL_ADDRESS_CONST: (Low: number, High: number): number =>
      (scriptNumber(Low) >>> 0) + (scriptNumber(High) >>> 0) * 0x100000000,

    // NDIS strings are script strings: initialising one is an assignment, freeing it is nothing.
    NdisInitializeString(Destination: Out<string> | null, Source: unknown): void {
      put(Destination, scriptString(Source))
    },
    NdisInitUnicodeString(DestinationString: Out<string> | null, SourceString: unknown): void {
      put(DestinationString, SourceString === null || SourceString === 0 ? '' : scriptString(SourceString))
    },
    NdisInitAnsiString(DestinationString: Out<string> | null, SourceString: unknown): void {
      put(DestinationString, SourceString === null || SourceString === 0 ? '' : scriptString(SourceString))
    },
    NdisFreeString(String: unknown): void {
      void String
    },
    NdisEqualString(String1: unknown, String2: unknown, CaseInsensitive: unknown): boolean {
      const a = scriptString(String1)
      const b = scriptString(String2)
      return CaseInsensitive ? a.toUpperCase() === b.toUpperCase() : a === b
    },
  }
}
