// Physically contiguous shared memory for the controller's DMA (the storage behind NdisMAllocateSharedMemory),
// without NDIS semantics: a VA and its physical address, through the allocation gate so low-resources simulation
// can fail it.
import { ALLOC_SHARED } from '../verifier/alloc-kind'
import type { Kernel } from './kernel'
import { vaToPa } from './physical'

/** NDIS_MEMORY_CONTIGUOUS | NDIS_MEMORY_NONCACHED, recorded as the allocation's flags. */
export const SHARED_MEMORY_FLAGS = 0x3

export interface SharedMemory {
  readonly va: number
  readonly pa: number
  readonly length: number
}

/** Allocates `length` bytes, zeroed; null when the gate refuses or nothing fits. */
export function allocateSharedMemory(kernel: Kernel, length: number, site = kernel.sites.cell[0]): SharedMemory | null {
  if (!(length > 0) || length >>> 0 !== length) return null
  if (!kernel.mayAllocate(ALLOC_SHARED)) return null
  const va = kernel.memory.allocate(length, 0, SHARED_MEMORY_FLAGS, site, 'shared')
  if (va === 0) return null
  const m = kernel.memory
  m.u8.fill(0, va - 0x80000000, va - 0x80000000 + length)
  return { va, pa: vaToPa(va), length }
}

/** Frees shared memory by its VA; false when `va` is not live shared memory. */
export function freeSharedMemory(kernel: Kernel, va: number): boolean {
  const a = kernel.memory.live.get(va)
  if (a === undefined || a.kind !== 'shared') return false
  kernel.memory.free(va)
  return true
}
