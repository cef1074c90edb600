// Bus-master DMA into the non-paged arena by physical address (controller.md §6.1, §7). Every access is bounds-checked
// against the arena; a miss is reported to the caller (which counts it and raises DMAE) and never throws.
// Copies go straight between typed arrays so that no per-frame view or buffer is made.
import { KVA_BASE, type NonPagedMemory } from '../kernel/memory'
import { paInRange, paToVa } from '../kernel/physical'
import { T_DMA_TO_UNALLOCATED } from './state'

/** Told each transfer (virtual address, length, 1 write / 0 read, physical address) before it is made. */
export type DmaCheck = (va: number, length: number, write: number, pa: number) => void

export class DmaPort {
  constructor(
    readonly memory: NonPagedMemory,
    private readonly totals: Float64Array,
    private readonly check: DmaCheck | null = null,
  ) {}

  /** True when [pa, pa+length) is inside the arena. */
  reaches(pa: number, length: number): boolean {
    return paInRange(this.memory, pa, length)
  }

  /** Offset into the arena of a physical address already checked with `reaches`. */
  private offset(pa: number): number {
    return paToVa(pa) - KVA_BASE
  }

  read32(pa: number): number {
    return this.memory.view.getUint32(this.offset(pa), true)
  }

  read16(pa: number): number {
    return this.memory.view.getUint16(this.offset(pa), true)
  }

  read8(pa: number): number {
    return this.memory.u8[this.offset(pa)]
  }

  write16(pa: number, value: number): void {
    this.memory.view.setUint16(this.offset(pa), value, true)
  }

  write8(pa: number, value: number): void {
    this.memory.u8[this.offset(pa)] = value
  }

  /** Device → memory. False (nothing written) when the range is outside the arena. */
  writeBytes(pa: number, src: Uint8Array, srcOffset: number, length: number): boolean {
    if (this.check !== null) this.check(paToVa(pa), length, 1, pa)
    if (!paInRange(this.memory, pa, length)) return false
    this.noteUnallocated(pa, length)
    const dst = this.memory.u8
    const base = this.offset(pa)
    for (let i = 0; i < length; i++) dst[base + i] = src[srcOffset + i]
    return true
  }

  /** Memory → device. False (nothing read) when the range is outside the arena. */
  readBytes(pa: number, dst: Uint8Array, dstOffset: number, length: number): boolean {
    if (this.check !== null) this.check(paToVa(pa), length, 0, pa)
    if (!paInRange(this.memory, pa, length)) return false
    const src = this.memory.u8
    const base = this.offset(pa)
    for (let i = 0; i < length; i++) dst[dstOffset + i] = src[base + i]
    return true
  }

  /** A real device cannot tell, but the workbench can: DMA into memory no one owns is a driver bug worth counting. */
  private noteUnallocated(pa: number, length: number): void {
    if (length > 0 && !this.memory.isLive(paToVa(pa), length)) this.totals[T_DMA_TO_UNALLOCATED]++
  }
}
