import { describe, expect, it } from 'vitest'
import { NDIS_CONSTANTS } from '../../../core/ndis/constants'
import { NDIS_STATUS_FAILURE, NDIS_STATUS_PENDING, NDIS_STATUS_SUCCESS } from '../../../core/ndis/status'
import { packet, pool, setup, stopOf } from './helpers'

describe('per-packet data (ndis5.md §1.6, §2.1)', () => {
  it('OOB fields live at Private.NdisPacketOobOffset with the x86 layout', () => {
    const { ndis, k } = setup()
    const p = packet(ndis, pool(ndis, 2, 16))
    const oob = ndis.NDIS_OOB_DATA_FROM_PACKET(p)
    expect(oob).toBe(p + 0x3c + 16)
    ndis.NDIS_SET_PACKET_STATUS(p, NDIS_STATUS_PENDING)
    ndis.NDIS_SET_PACKET_HEADER_SIZE(p, 14)
    ndis.NDIS_SET_PACKET_TIME_RECEIVED(p, 2 ** 40 + 5)
    expect(k.read32(oob + 0x1c)).toBe(NDIS_STATUS_PENDING)
    expect(k.read32(oob + 0x10)).toBe(14)
    expect(ndis.NDIS_GET_PACKET_STATUS(p)).toBe(NDIS_STATUS_PENDING)
    expect(ndis.NDIS_GET_PACKET_HEADER_SIZE(p)).toBe(14)
    expect(ndis.NDIS_GET_PACKET_TIME_RECEIVED(p)).toBe(2 ** 40 + 5)
  })

  it('MINIPORT_RESERVED at 0x20, PROTOCOL_RESERVED at 0x38; per-packet info after the OOB block', () => {
    const { ndis, k } = setup()
    const p = packet(ndis, pool(ndis))
    expect(ndis.MINIPORT_RESERVED(p)).toBe(p + 0x20)
    expect(ndis.PROTOCOL_RESERVED(p)).toBe(p + 0x38)
    const ext = ndis.NDIS_PACKET_EXTENSION_FROM_PACKET(p)
    k.write32(ext + 4 * NDIS_CONSTANTS.TcpIpChecksumPacketInfo, 0x1234)
    expect(ndis.NDIS_PER_PACKET_INFO_FROM_PACKET(p, NDIS_CONSTANTS.TcpIpChecksumPacketInfo)).toBe(0x1234)
    ndis.NDIS_SET_ORIGINAL_PACKET(p, p)
    expect(ndis.NDIS_GET_ORIGINAL_PACKET(p)).toBe(p)
    expect(ndis.NDIS_PER_PACKET_INFO_FROM_PACKET(p, 99)).toBe(0)
    expect(k.verifier.findings.map((f) => f.rule)).toEqual(['R37'])
  })

  it('media-specific info is kept only for NDIS-allocated descriptors and then reads back', () => {
    const { ndis } = setup()
    const p = packet(ndis, pool(ndis))
    ndis.NDIS_SET_PACKET_MEDIA_SPECIFIC_INFO(p, 0x80001000, 8)
    const info = { value: 0 }
    const size = { value: 0 }
    ndis.NDIS_GET_PACKET_MEDIA_SPECIFIC_INFO(p, info, size)
    expect([info.value, size.value]).toEqual([0x80001000, 8])
  })
})

describe('memory (ndis5.md §1.9)', () => {
  it('NdisAllocateMemoryWithTag: SUCCESS and an address; NdisFreeMemory releases it', () => {
    const { ndis, k, out } = setup()
    const va = out()
    expect(ndis.NdisAllocateMemoryWithTag(va, 100, 0x6b636170)).toBe(NDIS_STATUS_SUCCESS)
    expect(k.memory.live.get(va.value)?.tag).toBe(0x6b636170)
    ndis.NdisFreeMemory(va.value, 100, 0)
    expect(k.memory.live.has(va.value)).toBe(false)
    expect(k.verifier.findings).toEqual([])
  })

  it('out of memory → FAILURE and NULL', () => {
    const { ndis, out } = setup({ memoryBytes: 4096 })
    const va = out()
    expect(ndis.NdisAllocateMemoryWithTag(va, 8192, 0)).toBe(NDIS_STATUS_FAILURE)
    expect(va.value).toBe(0)
  })

  it('R17: zero bytes is 0xC4 / 0x00', () => {
    const { ndis, out } = setup()
    expect(stopOf(() => ndis.NdisAllocateMemoryWithTag(out(), 0, 0)).params[0]).toBe(0)
  })

  it('R18: freeing twice is 0xC4 / 0x13; an address never allocated is 0x10', () => {
    const { ndis, out } = setup()
    const va = out()
    ndis.NdisAllocateMemoryWithTag(va, 16, 0)
    ndis.NdisFreeMemory(va.value, 16, 0)
    expect(stopOf(() => ndis.NdisFreeMemory(va.value, 16, 0)).params[0]).toBe(0x13)
    expect(stopOf(() => ndis.NdisFreeMemory(0x80000400, 16, 0)).params[0]).toBe(0x10)
  })

  it('R19: flags differing from the allocation, or NONCACHED memory freed at DISPATCH_LEVEL', () => {
    const { ndis, out, k } = setup()
    const a = out()
    const b = out()
    ndis.NdisAllocateMemory(a, 16, 0, -1)
    ndis.NdisAllocateMemory(b, 16, 2, -1)
    ndis.NdisFreeMemory(a.value, 16, 2)
    k.raiseIrql(2)
    ndis.NdisFreeMemory(b.value, 16, 2)
    expect(k.verifier.findings.map((f) => f.rule)).toEqual(['R19', 'R19'])
  })

  it('NdisMoveMemory / NdisZeroMemory / NdisEqualMemory', () => {
    const { ndis, out } = setup()
    const a = out()
    const b = out()
    ndis.NdisAllocateMemoryWithTag(a, 8, 0)
    ndis.NdisAllocateMemoryWithTag(b, 8, 0)
    ndis.MmView(a.value, 8).set([1, 2, 3, 4, 5, 6, 7, 8])
    ndis.NdisMoveMemory(b.value, a.value, 8)
    expect(ndis.NdisEqualMemory(a.value, b.value, 8)).toBe(1)
    ndis.NdisZeroMemory(b.value, 4)
    expect(ndis.NdisEqualMemory(a.value, b.value, 8)).toBe(0)
    expect(ndis.MmRead32(b.value + 4)).toBe(0x08070605)
  })

  it('KeGetCurrentIrql tells where the script runs', () => {
    const { ndis, k } = setup()
    expect(ndis.KeGetCurrentIrql()).toBe(0)
    k.runAt(2, () => expect(ndis.KeGetCurrentIrql()).toBe(2))
  })
})
