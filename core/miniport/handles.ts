// Opaque handles NDIS gives a miniport that are not memory (wrapper, adapter, configuration). They live in a range
// of the 32-bit address space outside the non-paged arena and the register window, so that a handle passed where
// memory is expected is caught as an access outside memory, never mistaken for a buffer.
export const NDIS_WRAPPER_HANDLE = 0xffa01000
export const MINIPORT_ADAPTER_HANDLE = 0xffa02000
export const WRAPPER_CONFIGURATION_CONTEXT = 0xffa03000
export const CONFIGURATION_HANDLE = 0xffa04000
/** NdisMMapIoSpace hands out register windows from here (like an MmMapIoSpace system PTE range). */
export const IO_SPACE_BASE = 0xd0000000
