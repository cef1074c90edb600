// ndis5.md §0: NDIS_STATUS codes with their Windows numeric values.
import { describe, expect, it } from 'vitest'
import {
  NDIS_STATUS_CODES,
  NDIS_STATUS_RESOURCES,
  NDIS_STATUS_VALUES,
  NT_SUCCESS,
  formatNdisStatus,
  ndisStatusName,
} from '../../../core/ndis/status'

describe('NDIS_STATUS table (ndis5.md §0)', () => {
  it('has the Windows values', () => {
    expect(NDIS_STATUS_VALUES.NDIS_STATUS_SUCCESS).toBe(0)
    expect(NDIS_STATUS_VALUES.NDIS_STATUS_PENDING).toBe(0x103)
    expect(NDIS_STATUS_VALUES.NDIS_STATUS_FAILURE).toBe(0xc0000001)
    expect(NDIS_STATUS_VALUES.NDIS_STATUS_RESOURCES).toBe(0xc000009a)
    expect(NDIS_STATUS_VALUES.NDIS_STATUS_NOT_SUPPORTED).toBe(0xc00000bb)
    expect(NDIS_STATUS_VALUES.NDIS_STATUS_INVALID_OID).toBe(0xc0010017)
    expect(NDIS_STATUS_VALUES.NDIS_STATUS_NO_CABLE).toBe(0xc001001f)
    expect(NDIS_STATUS_VALUES.NDIS_STATUS_MEDIA_CONNECT).toBe(0x4001000b)
    expect(NDIS_STATUS_VALUES.NDIS_STATUS_BUFFER_OVERFLOW).toBe(0x80000005)
  })

  it('keeps every value distinct', () => {
    const values = Object.values(NDIS_STATUS_VALUES)
    expect(new Set(values).size).toBe(values.length)
  })

  it('holds the values ndis.h writes, unsigned, and NT_SUCCESS reads them as int32', () => {
    expect(NDIS_STATUS_RESOURCES).toBe(0xc000009a)
    expect(NDIS_STATUS_CODES.NDIS_STATUS_RESOURCES).toBe(NDIS_STATUS_RESOURCES)
    expect(NT_SUCCESS(NDIS_STATUS_CODES.NDIS_STATUS_PENDING)).toBe(true)
    expect(NT_SUCCESS(NDIS_STATUS_CODES.NDIS_STATUS_FAILURE)).toBe(false)
    expect(NT_SUCCESS(NDIS_STATUS_CODES.NDIS_STATUS_SOFT_ERRORS)).toBe(false)
  })

  it('names a status from either form and prints it as a debugger does', () => {
    expect(ndisStatusName(0xc000009a)).toBe('NDIS_STATUS_RESOURCES')
    expect(ndisStatusName(NDIS_STATUS_RESOURCES)).toBe('NDIS_STATUS_RESOURCES')
    expect(ndisStatusName(0x12345)).toBeUndefined()
    expect(formatNdisStatus(NDIS_STATUS_RESOURCES)).toBe('0xC000009A')
  })
})
