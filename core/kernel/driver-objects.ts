// Addresses for the NDIS structures a script makes with `new` (NDIS_SPIN_LOCK, NDIS_MINIPORT_TIMER,
// NDIS_MINIPORT_INTERRUPT, ...): in C they are storage in the driver's image or its memory, passed by address, and bug
// check parameters name them by that address. A kernel gives each one, on first use by an NDIS call, a place of its C
// size in a region of its own (the driver's data section), outside non-paged memory, so the numbers are the same in
// every run of the same script and a script reading them as memory is caught as an access outside memory.
// The same structures inside the driver's own memory (a field of an adapter block from NdisAllocateMemoryWithTag,
// docs/structures.md) are passed by their address there: `place` records the object NDIS keeps for that address, and
// freeing the block forgets the objects inside it.

/** Base of the region (above non-paged memory and the register windows, below NDIS's opaque handles). */
export const DRIVER_DATA_BASE = 0xf0000000
export const DRIVER_DATA_LIMIT = 0xff000000

export class DriverObjects {
  private next = DRIVER_DATA_BASE
  private readonly addresses = new WeakMap<object, number>()
  private readonly byAddress = new Map<number, object>()

  /** The address of `object` (given one of `size` bytes, 8-aligned, the first time). */
  addressOf(object: object, size: number): number {
    const known = this.addresses.get(object)
    if (known !== undefined) return known
    const va = this.next
    if (va + size > DRIVER_DATA_LIMIT) return 0
    this.next = va + ((Math.max(size, 1) + 7) & ~7)
    this.addresses.set(object, va)
    this.byAddress.set(va, object)
    return va
  }

  /** The object at an address this table gave, or placed in the driver's memory, if any. */
  objectAt(va: number): object | undefined {
    return this.byAddress.get(va)
  }

  /** Addresses of objects placed in non-paged memory (a small list: the driver's locks, timers, events). */
  private readonly placed: number[] = []

  /** Records `object` as the NDIS object stored at `va` of non-paged memory (replacing what was there). */
  place(object: object, va: number): void {
    if (!this.byAddress.has(va)) this.placed.push(va)
    this.byAddress.set(va, object)
    this.addresses.set(object, va)
  }

  /** Forgets the objects placed in [va, va+length) (the block holding them was freed). */
  forget(va: number, length: number): void {
    if (this.placed.length === 0) return
    let kept = 0
    for (const at of this.placed) {
      if (at >= va && at < va + length) this.byAddress.delete(at)
      else this.placed[kept++] = at
    }
    this.placed.length = kept
  }
}
