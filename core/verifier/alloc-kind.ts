// The allocations the low-resources simulation can fail (ndis5.md §1.2, §1.3, §1.9): the kernel's allocation gate is
// asked with one of these before each allocation that NDIS documents as able to fail for lack of resources.
export const ALLOC_PACKET = 0
export const ALLOC_BUFFER = 1
export const ALLOC_MEMORY = 2
export const ALLOC_SHARED = 3
/** A buffer's system-address mapping (MmGetSystemAddressForMdlSafe), which Driver Verifier's simulation can fail. */
export const ALLOC_MAPPING = 4
export type AllocKind =
  typeof ALLOC_PACKET | typeof ALLOC_BUFFER | typeof ALLOC_MEMORY | typeof ALLOC_SHARED | typeof ALLOC_MAPPING

/** Decides whether one allocation may succeed (Kernel.admit; low-resources simulation replaces it). */
export type AllocationGate = (kind: AllocKind) => boolean
