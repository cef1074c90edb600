// Physically contiguous shared memory for DMA: a fixed mapping between the arena's kernel virtual addresses and
// the "physical" addresses the emulated controller sees (PA = VA - KVA_BASE + PHYSICAL_BASE).
import { KVA_BASE, type NonPagedMemory } from './memory'

export const PHYSICAL_BASE = 0x00100000

export function vaToPa(va: number): number {
  return va - KVA_BASE + PHYSICAL_BASE
}

export function paToVa(pa: number): number {
  return pa - PHYSICAL_BASE + KVA_BASE
}

/** True when [pa, pa+length) maps into the arena. */
export function paInRange(memory: NonPagedMemory, pa: number, length: number): boolean {
  return memory.inArena(paToVa(pa), length)
}

/**
 * Copies arena bytes at a physical address into `into` (the controller's DMA read). Returns the number of bytes
 * copied: 0 when the range is outside the arena.
 */
export function readPhysical(memory: NonPagedMemory, pa: number, into: Uint8Array): number {
  const va = paToVa(pa)
  if (!memory.inArena(va, into.length)) return 0
  const off = va - KVA_BASE
  into.set(memory.u8.subarray(off, off + into.length))
  return into.length
}

/** Copies `from` into the arena at a physical address (the controller's DMA write). Returns bytes written. */
export function writePhysical(memory: NonPagedMemory, pa: number, from: Uint8Array): number {
  const va = paToVa(pa)
  if (!memory.inArena(va, from.length)) return 0
  memory.u8.set(from, va - KVA_BASE)
  return from.length
}
