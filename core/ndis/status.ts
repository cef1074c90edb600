// NDIS_STATUS codes with their Windows numeric values (ndis5.md §0).
// NDIS_STATUS is a 32-bit value; scripts and the library hold it as the unsigned number ndis.h writes
// (`Status == 0xC0000001` and `Status == NDIS_STATUS_FAILURE` agree, as in C). A status a script hands back is
// normalised with `>>> 0` before it is compared; NT_SUCCESS reads it as int32.

export type NDIS_STATUS = number

/** Every NDIS_STATUS the workbench knows, by C name, as the unsigned 32-bit value Windows headers print. */
export const NDIS_STATUS_VALUES = {
  NDIS_STATUS_SUCCESS: 0x00000000,
  NDIS_STATUS_PENDING: 0x00000103,
  NDIS_STATUS_NOT_RECOGNIZED: 0x00010001,
  NDIS_STATUS_NOT_COPIED: 0x00010002,
  NDIS_STATUS_NOT_ACCEPTED: 0x00010003,
  NDIS_STATUS_CALL_ACTIVE: 0x00010007,
  NDIS_STATUS_ONLINE: 0x40010003,
  NDIS_STATUS_RESET_START: 0x40010004,
  NDIS_STATUS_RESET_END: 0x40010005,
  NDIS_STATUS_MEDIA_CONNECT: 0x4001000b,
  NDIS_STATUS_MEDIA_DISCONNECT: 0x4001000c,
  NDIS_STATUS_NOT_RESETTABLE: 0x80010001,
  NDIS_STATUS_SOFT_ERRORS: 0x80010003,
  NDIS_STATUS_HARD_ERRORS: 0x80010004,
  NDIS_STATUS_BUFFER_OVERFLOW: 0x80000005,
  NDIS_STATUS_FAILURE: 0xc0000001,
  NDIS_STATUS_RESOURCES: 0xc000009a,
  NDIS_STATUS_NOT_SUPPORTED: 0xc00000bb,
  NDIS_STATUS_CLOSING: 0xc0010002,
  NDIS_STATUS_BAD_VERSION: 0xc0010004,
  NDIS_STATUS_BAD_CHARACTERISTICS: 0xc0010005,
  NDIS_STATUS_ADAPTER_NOT_FOUND: 0xc0010006,
  NDIS_STATUS_OPEN_FAILED: 0xc0010007,
  NDIS_STATUS_DEVICE_FAILED: 0xc0010008,
  NDIS_STATUS_MULTICAST_FULL: 0xc0010009,
  NDIS_STATUS_MULTICAST_EXISTS: 0xc001000a,
  NDIS_STATUS_MULTICAST_NOT_FOUND: 0xc001000b,
  NDIS_STATUS_REQUEST_ABORTED: 0xc001000c,
  NDIS_STATUS_RESET_IN_PROGRESS: 0xc001000d,
  NDIS_STATUS_INVALID_PACKET: 0xc001000f,
  NDIS_STATUS_ADAPTER_NOT_READY: 0xc0010011,
  NDIS_STATUS_INVALID_LENGTH: 0xc0010014,
  NDIS_STATUS_INVALID_DATA: 0xc0010015,
  NDIS_STATUS_BUFFER_TOO_SHORT: 0xc0010016,
  NDIS_STATUS_INVALID_OID: 0xc0010017,
  NDIS_STATUS_ADAPTER_REMOVED: 0xc0010018,
  NDIS_STATUS_UNSUPPORTED_MEDIA: 0xc0010019,
  NDIS_STATUS_RESOURCE_CONFLICT: 0xc001001e,
  NDIS_STATUS_NO_CABLE: 0xc001001f,
} as const

export type NdisStatusName = keyof typeof NDIS_STATUS_VALUES

// The forms scripts compare against (`Status.value !== NDIS_STATUS_SUCCESS`), unsigned as in ndis.h.
export const NDIS_STATUS_SUCCESS = 0
export const NDIS_STATUS_PENDING = 0x00000103
export const NDIS_STATUS_FAILURE = 0xc0000001
export const NDIS_STATUS_RESOURCES = 0xc000009a
export const NDIS_STATUS_NOT_SUPPORTED = 0xc00000bb
export const NDIS_STATUS_INVALID_PACKET = 0xc001000f
export const NDIS_STATUS_INVALID_LENGTH = 0xc0010014
export const NDIS_STATUS_INVALID_OID = 0xc0010017
export const NDIS_STATUS_ADAPTER_NOT_FOUND = 0xc0010006
export const NDIS_STATUS_RESOURCE_CONFLICT = 0xc001001e

/** The value of every status, keyed by C name (unsigned, as ndis.h writes it). */
export const NDIS_STATUS_CODES: Readonly<Record<NdisStatusName, number>> = Object.freeze({ ...NDIS_STATUS_VALUES })

const namesByValue = new Map<number, NdisStatusName>(
  (Object.entries(NDIS_STATUS_VALUES) as [NdisStatusName, number][]).map(([name, value]) => [value | 0, name]),
)

/** The C name of a status value (signed or unsigned form), or undefined for an unknown value. */
export function ndisStatusName(status: number): NdisStatusName | undefined {
  return namesByValue.get(status | 0)
}

/** NT_SUCCESS: a status is a success when it is non-negative as int32 (ndis5.md §0). */
export function NT_SUCCESS(status: number): boolean {
  return (status | 0) >= 0
}

/** `0xC000009A` style, as a debugger prints an NDIS_STATUS. */
export function formatNdisStatus(status: number): string {
  return '0x' + (status >>> 0).toString(16).toUpperCase().padStart(8, '0')
}
