// Addresses for the NDIS structures a script makes with `new` (NDIS_SPIN_LOCK, NDIS_MINIPORT_TIMER,
// NDIS_MINIPORT_INTERRUPT, ...): in C they are storage in the driver's image or its memory, passed by address, and bug
// check parameters name them by that address. A kernel gives each one, on first use by an NDIS call, a place of its C
// size in a region of its own (the driver's data section), outside non-paged memory, so the numbers are the same in
// every run of the same script and a script reading them as memory is caught as an access outside memory.

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

  /** The object at an address this table gave, if any. */
  objectAt(va: number): object | undefined {
    return this.byAddress.get(va)
  }
}
