// Non-paged lookaside lists by C name (NdisInitializeNPagedLookasideList, NdisAllocateFromNPagedLookasideList,
// NdisFreeToNPagedLookasideList, NdisDeleteNPagedLookasideList; all at IRQL <= DISPATCH_LEVEL). The list is an
// NPAGED_LOOKASIDE_LIST the driver owns — `new NPAGED_LOOKASIDE_LIST()` or a field of its memory passed by address
// (docs/structures.md) — and its entries are blocks of non-paged memory of the list's size and tag, kept for reuse
// up to the list's depth. At verifier level full every free goes back to the pool at once, as Driver Verifier
// makes lookaside lists do, so a use after free is caught.
import { ALLOC_MEMORY } from '../verifier/alloc-kind'
import {
  LOOKASIDE_DELETED_IN_USE,
  LOOKASIDE_FOREIGN_ENTRY,
  LOOKASIDE_NOT_INITIALIZED,
  notAUlong,
  R66,
} from '../verifier/catalogue'
import { VERIFIER_FULL } from '../verifier/level'
import { isScriptInstance, scriptNumber } from '../verifier/script-value'
import { valueText } from '../verifier/value-text'
import type { NdisRuntime } from './runtime'

/** sizeof(NPAGED_LOOKASIDE_LIST) on x86: GENERAL_LOOKASIDE (0x48) and a KSPIN_LOCK, cache-aligned. */
export const SIZEOF_NPAGED_LOOKASIDE_LIST = 0x80
/** Entries a list keeps for reuse (the system's depth for a busy list). */
export const LOOKASIDE_DEPTH = 256

export class NPAGED_LOOKASIDE_LIST {
  address = 0
  initialized = false
  size = 0
  tag = 0
  /** Entries given back and kept for reuse. */
  readonly cached: number[] = []
  /** Entries allocated and not yet given back. */
  readonly out = new Set<number>()
  allocate: ((...args: unknown[]) => unknown) | null = null
  free: ((...args: unknown[]) => unknown) | null = null
}

export function lookasideApi(rt: NdisRuntime) {
  const k = rt.kernel
  const v = k.verifier
  const mem = k.memory

  function list(call: string, Lookaside: unknown, initializing = false): NPAGED_LOOKASIDE_LIST | null {
    const l = k.embedded(Lookaside, NPAGED_LOOKASIDE_LIST, SIZEOF_NPAGED_LOOKASIDE_LIST)
    if (!isScriptInstance(l, NPAGED_LOOKASIDE_LIST)) {
      v.report(R66, LOOKASIDE_NOT_INITIALIZED, 0, 0, `${call}: ${valueText(l)} is not an NPAGED_LOOKASIDE_LIST`)
      return null
    }
    if (l.address === 0) l.address = k.objects.addressOf(l, SIZEOF_NPAGED_LOOKASIDE_LIST)
    if (!initializing && !l.initialized) {
      v.report(R66, LOOKASIDE_NOT_INITIALIZED, l.address, 0, `${call} on a list that is not initialised (or deleted)`)
      return null
    }
    return l
  }

  function release(l: NPAGED_LOOKASIDE_LIST, entry: number): void {
    if (l.free !== null) l.free(entry)
    else mem.free(entry)
  }

  return {
    NPAGED_LOOKASIDE_LIST,

    NdisInitializeNPagedLookasideList(
      Lookaside: unknown,
      Allocate: unknown,
      Free: unknown,
      Flags: number,
      Size: number,
      Tag: number,
      Depth: number,
    ): void {
      const call = 'NdisInitializeNPagedLookasideList'
      rt.checkIrql(call, false, 0)
      const l = list(call, Lookaside, true)
      if (l === null) return
      if (typeof Size !== 'number' || Size >>> 0 !== Size || Size === 0)
        return notAUlong(v, call, 5, Size, 'a size in bytes')
      void Flags
      void Depth
      l.initialized = true
      l.size = Size
      l.tag = scriptNumber(Tag) >>> 0
      l.cached.length = 0
      l.out.clear()
      l.allocate = typeof Allocate === 'function' ? (Allocate as (...a: unknown[]) => unknown) : null
      l.free = typeof Free === 'function' ? (Free as (...a: unknown[]) => unknown) : null
    },

    /** An entry of the list's size, or NULL when memory is exhausted. */
    NdisAllocateFromNPagedLookasideList(Lookaside: unknown): number {
      const call = 'NdisAllocateFromNPagedLookasideList'
      rt.checkIrql(call, false, 0)
      const l = list(call, Lookaside)
      if (l === null) return 0
      let entry = l.cached.pop() ?? 0
      if (entry === 0) {
        if (l.allocate !== null) entry = scriptNumber(l.allocate(0, l.size, l.tag)) >>> 0
        else if (k.mayAllocate(ALLOC_MEMORY)) entry = mem.allocate(l.size, l.tag, 0, k.sites.cell[0], 'memory')
      }
      if (entry !== 0) l.out.add(entry)
      return entry
    },

    NdisFreeToNPagedLookasideList(Lookaside: unknown, Entry: number): void {
      const call = 'NdisFreeToNPagedLookasideList'
      rt.checkIrql(call, true, 0)
      const l = list(call, Lookaside)
      if (l === null) return
      if (!l.out.delete(Entry)) {
        v.report(
          R66,
          LOOKASIDE_FOREIGN_ENTRY,
          l.address,
          typeof Entry === 'number' ? Entry : 0,
          `${call}: ${valueText(Entry)} was not allocated from this list (or was freed already)`,
        )
        return
      }
      if (l.cached.length < LOOKASIDE_DEPTH && v.level < VERIFIER_FULL) l.cached.push(Entry)
      else release(l, Entry)
    },

    NdisDeleteNPagedLookasideList(Lookaside: unknown): void {
      const call = 'NdisDeleteNPagedLookasideList'
      rt.checkIrql(call, true, 0)
      const l = list(call, Lookaside)
      if (l === null) return
      if (l.out.size > 0) {
        v.report(
          R66,
          LOOKASIDE_DELETED_IN_USE,
          l.address,
          l.out.size,
          `${call} with ${l.out.size} entries still allocated`,
        )
      }
      for (const entry of l.cached) release(l, entry)
      l.cached.length = 0
      l.initialized = false
    },
  }
}
