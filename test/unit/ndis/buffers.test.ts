import { describe, expect, it } from 'vitest'
import { NDIS_STATUS_FAILURE, NDIS_STATUS_SUCCESS } from '../../../core/ndis/status'
import { buffers, setup } from './helpers'

describe('buffer pools and buffers (ndis5.md §1.3)', () => {
  it('NdisAllocateBuffer builds an MDL over the range: Next, MappedSystemVa, StartVa, ByteCount, ByteOffset', () => {
    const s = setup()
    const { ndis, k } = s
    const [b] = buffers(s, [100])
    const va = { value: 0 }
    const len = { value: 0 }
    ndis.NdisQueryBuffer(b, va, len)
    expect(len.value).toBe(100)
    expect(k.read32(b + 0x00)).toBe(0)
    expect(k.read32(b + 0x0c)).toBe(va.value)
    expect(k.read32(b + 0x10)).toBe((va.value & ~0xfff) >>> 0)
    expect(k.read32(b + 0x14)).toBe(100)
    expect(k.read32(b + 0x18)).toBe(va.value & 0xfff)
    const off = { value: -1 }
    ndis.NdisQueryBufferOffset(b, off, len)
    expect(off.value).toBe(va.value & 0xfff)
    expect(ndis.NdisBufferVirtualAddress(b)).toBe(va.value)
    expect(ndis.NdisBufferLength(b)).toBe(100)
  })

  it('failure is FAILURE, not RESOURCES; NumberOfDescriptors is the limit', () => {
    const { ndis, out } = setup()
    const st = out()
    const bp = out()
    ndis.NdisAllocateBufferPool(st, bp, 1)
    expect(st.value).toBe(NDIS_STATUS_SUCCESS)
    const mem = out()
    ndis.NdisAllocateMemoryWithTag(mem, 64, 0)
    const b = out()
    ndis.NdisAllocateBuffer(st, b, bp.value, mem.value, 64)
    expect(st.value).toBe(NDIS_STATUS_SUCCESS)
    ndis.NdisAllocateBuffer(st, b, bp.value, mem.value, 64)
    expect([st.value, b.value]).toEqual([NDIS_STATUS_FAILURE, 0])
  })

  it('R33 NULL address / zero length; R39 memory that is not allocated; both never throw', () => {
    const { ndis, out, k } = setup()
    const st = out()
    const bp = out()
    ndis.NdisAllocateBufferPool(st, bp, 4)
    const b = out()
    ndis.NdisAllocateBuffer(st, b, bp.value, 0, 10)
    expect(st.value).toBe(NDIS_STATUS_FAILURE)
    ndis.NdisAllocateBuffer(st, b, bp.value, 0x80080000, 10)
    ndis.NdisAllocateBuffer(st, b, bp.value, 12345, 10)
    expect(st.value).toBe(NDIS_STATUS_FAILURE)
    expect(k.verifier.findings.map((f) => f.rule)).toEqual(['R33', 'R39', 'R39'])
  })

  it('a NULL pool handle draws from the system pool (x86 PoolHandle is optional)', () => {
    const { ndis, out } = setup()
    const mem = out()
    ndis.NdisAllocateMemoryWithTag(mem, 64, 0)
    const st = out()
    const b = out()
    ndis.NdisAllocateBuffer(st, b, 0, mem.value, 64)
    expect(st.value).toBe(NDIS_STATUS_SUCCESS)
  })

  it('NdisCopyBuffer maps part of a buffer; beyond its length it fails', () => {
    const s = setup()
    const { ndis, out } = s
    const [b] = buffers(s, [100])
    const st = out()
    const part = out()
    ndis.NdisCopyBuffer(st, part, 0, b, 10, 20)
    expect(st.value).toBe(NDIS_STATUS_SUCCESS)
    expect(ndis.NdisBufferVirtualAddress(part.value)).toBe(ndis.NdisBufferVirtualAddress(b) + 10)
    expect(ndis.NdisBufferLength(part.value)).toBe(20)
    ndis.NdisCopyBuffer(st, part, 0, b, 90, 20)
    expect(st.value).toBe(NDIS_STATUS_FAILURE)
  })

  it('NdisFreeBuffer: a double free or a random handle is R36; R8 when freeing a pool with buffers out', () => {
    const { ndis, out, k } = setup()
    const st = out()
    const bp = out()
    ndis.NdisAllocateBufferPool(st, bp, 2)
    const mem = out()
    ndis.NdisAllocateMemoryWithTag(mem, 64, 0)
    const b = out()
    ndis.NdisAllocateBuffer(st, b, bp.value, mem.value, 64)
    ndis.NdisAllocateBuffer(st, out(), bp.value, mem.value, 32)
    ndis.NdisFreeBuffer(b.value)
    ndis.NdisFreeBuffer(b.value)
    ndis.NdisFreeBuffer(777)
    ndis.NdisFreeBufferPool(bp.value)
    expect(k.verifier.findings.map((f) => f.rule)).toEqual(['R36', 'R36', 'R8'])
  })

  it('span pages: 1 for an empty buffer, pages spanned by (VA, ByteCount) otherwise', () => {
    const { ndis, out } = setup()
    const mem = out()
    ndis.NdisAllocateMemoryWithTag(mem, 0x3000, 0)
    const st = out()
    const b = out()
    // 16 bytes before a page boundary inside the block.
    const pageEnd = ((mem.value + 0xfff) & ~0xfff) >>> 0
    ndis.NdisAllocateBuffer(st, b, 0, pageEnd - 0x10, 0x20)
    expect(ndis.NDIS_BUFFER_TO_SPAN_PAGES(b.value)).toBe(2)
    ndis.NdisAdjustBufferLength(b.value, 0)
    expect(ndis.NDIS_BUFFER_TO_SPAN_PAGES(b.value)).toBe(1)
    const size = out()
    ndis.NdisAdjustBufferLength(b.value, 0x1000)
    ndis.NdisGetBufferPhysicalArraySize(b.value, size)
    expect(size.value).toBe(2)
  })
})
