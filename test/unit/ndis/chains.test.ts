import { describe, expect, it } from 'vitest'
import { buffers, packet, pool, setup } from './helpers'

function chain(s: ReturnType<typeof setup>, p: number): number[] {
  const out: number[] = []
  const first = { value: 0 }
  s.ndis.NdisQueryPacket(p, null, null, first, null)
  for (let b = first.value; b !== 0;) {
    out.push(b)
    const n = { value: 0 }
    s.ndis.NdisGetNextBuffer(b, n)
    b = n.value
  }
  return out
}

describe('chain manipulation (ndis5.md §1.4)', () => {
  it('AtBack appends, AtFront prepends; Tail follows the last buffer', () => {
    const s = setup()
    const { ndis, k } = s
    const p = packet(ndis, pool(ndis))
    const [a, b, c] = buffers(s, [1, 2, 3])
    ndis.NdisChainBufferAtBack(p, b)
    ndis.NdisChainBufferAtBack(p, c)
    ndis.NdisChainBufferAtFront(p, a)
    expect(chain(s, p)).toEqual([a, b, c])
    expect(k.read32(p + 0x0c)).toBe(c)
  })

  it('a sub-chain can be chained at once (the macro walks to its end)', () => {
    const s = setup()
    const { ndis } = s
    const p = packet(ndis, pool(ndis))
    const q = packet(ndis, pool(ndis))
    const [a, b, c] = buffers(s, [1, 2, 3])
    ndis.NdisChainBufferAtBack(q, a)
    ndis.NdisChainBufferAtBack(q, b)
    const first = { value: 0 }
    // move the whole chain of q to the front of p
    ndis.NdisChainBufferAtBack(p, c)
    ndis.NdisUnchainBufferAtFront(q, first)
    ndis.NdisUnchainBufferAtFront(q, { value: 0 })
    ndis.NdisChainBufferAtFront(p, b)
    ndis.NdisChainBufferAtFront(p, first.value)
    expect(chain(s, p)).toEqual([a, b, c])
  })

  it('unchain at front/back returns NULL on an empty chain and clears Tail when the last one goes', () => {
    const s = setup()
    const { ndis, k } = s
    const p = packet(ndis, pool(ndis))
    const [a, b] = buffers(s, [1, 2])
    const got = { value: -1 }
    ndis.NdisUnchainBufferAtBack(p, got)
    expect(got.value).toBe(0)
    ndis.NdisChainBufferAtBack(p, a)
    ndis.NdisChainBufferAtBack(p, b)
    ndis.NdisUnchainBufferAtBack(p, got)
    expect(got.value).toBe(b)
    expect(k.read32(p + 0x0c)).toBe(a)
    expect(k.read32(b)).toBe(0)
    ndis.NdisUnchainBufferAtFront(p, got)
    expect(got.value).toBe(a)
    expect([k.read32(p + 0x08), k.read32(p + 0x0c)]).toEqual([0, 0])
    ndis.NdisUnchainBufferAtFront(p, got)
    expect(got.value).toBe(0)
  })

  it('R40: chaining a buffer that is already in a chain is refused', () => {
    const s = setup()
    const { ndis, k } = s
    const p = packet(ndis, pool(ndis))
    const [a] = buffers(s, [4])
    ndis.NdisChainBufferAtBack(p, a)
    ndis.NdisChainBufferAtBack(p, a)
    expect(k.verifier.findings.map((f) => f.rule)).toEqual(['R40'])
    expect(chain(s, p)).toEqual([a])
  })

  it('R40: a cycle written into the chain is found by the bounded walk, not a hang', () => {
    const s = setup()
    const { ndis, k } = s
    const p = packet(ndis, pool(ndis))
    const [a, b] = buffers(s, [4, 4])
    ndis.NdisChainBufferAtBack(p, a)
    ndis.NdisChainBufferAtBack(p, b)
    k.write32(b, a) // b->Next = a
    const len = { value: 0 }
    ndis.NdisQueryPacketLength(p, len)
    expect(k.verifier.findings.map((f) => f.rule)).toEqual(['R40'])
  })

  it('R35: freeing a buffer still chained; the chain then reaches a freed descriptor (R40)', () => {
    const s = setup()
    const { ndis, k } = s
    const p = packet(ndis, pool(ndis))
    const [a] = buffers(s, [4])
    ndis.NdisChainBufferAtBack(p, a)
    ndis.NdisFreeBuffer(a)
    ndis.NdisQueryPacketLength(p, { value: 0 })
    expect(k.verifier.findings.map((f) => f.rule)).toEqual(['R35', 'R40'])
  })
})

describe('NdisQueryPacket and ValidCounts (ndis5.md §1.5)', () => {
  it('recomputes when ValidCounts is FALSE and caches: counts, total length, physical pages', () => {
    const s = setup()
    const { ndis, k } = s
    const p = packet(ndis, pool(ndis))
    const [a, b] = buffers(s, [14, 50])
    ndis.NdisChainBufferAtBack(p, a)
    ndis.NdisChainBufferAtBack(p, b)
    expect(k.read8(p + 0x1c)).toBe(0)
    const phys = { value: 0 }
    const count = { value: 0 }
    const first = { value: 0 }
    const total = { value: 0 }
    ndis.NdisQueryPacket(p, phys, count, first, total)
    expect([phys.value, count.value, first.value, total.value]).toEqual([2, 2, a, 64])
    expect(k.read8(p + 0x1c)).toBe(1)
    expect(k.read32(p + 0x04)).toBe(64)
  })

  it('is stale after NdisAdjustBufferLength until NdisRecalculatePacketCounts (documented staleness)', () => {
    const s = setup()
    const { ndis } = s
    const p = packet(ndis, pool(ndis))
    const [a] = buffers(s, [60])
    ndis.NdisChainBufferAtBack(p, a)
    const total = { value: 0 }
    ndis.NdisQueryPacket(p, null, null, null, total)
    expect(total.value).toBe(60)
    ndis.NdisAdjustBufferLength(a, 20)
    ndis.NdisQueryPacket(p, null, null, null, total)
    expect(total.value).toBe(60)
    ndis.NdisRecalculatePacketCounts(p)
    ndis.NdisQueryPacketLength(p, total)
    expect(total.value).toBe(20)
  })

  it('a fresh packet answers zero counts and a NULL first buffer', () => {
    const s = setup()
    const p = packet(s.ndis, pool(s.ndis))
    const c = { value: -1 }
    const f = { value: -1 }
    s.ndis.NdisQueryPacket(p, null, c, f, null)
    expect([c.value, f.value]).toEqual([0, 0])
  })

  it('NdisGetFirstBufferFromPacket walks the chain and leaves ValidCounts alone', () => {
    const s = setup()
    const { ndis, k } = s
    const p = packet(ndis, pool(ndis))
    const [a, b] = buffers(s, [10, 5])
    ndis.NdisChainBufferAtBack(p, a)
    ndis.NdisChainBufferAtBack(p, b)
    const fb = { value: 0 }
    const va = { value: 0 }
    const fl = { value: 0 }
    const tl = { value: 0 }
    ndis.NdisGetFirstBufferFromPacketSafe(p, fb, va, fl, tl, 16)
    expect([fb.value, va.value, fl.value, tl.value]).toEqual([a, ndis.NdisBufferVirtualAddress(a), 10, 15])
    expect(k.read8(p + 0x1c)).toBe(0)
  })
})

describe('NdisCopyFromPacketToPacket(Safe) (ndis5.md §1.5)', () => {
  it('copies across buffer boundaries from the given offsets and returns the bytes copied', () => {
    const s = setup()
    const { ndis } = s
    const src = packet(ndis, pool(ndis))
    const dst = packet(ndis, pool(ndis))
    const [s1, s2, d1, d2] = buffers(s, [5, 7, 3, 20], (i) => i)
    ndis.NdisChainBufferAtBack(src, s1)
    ndis.NdisChainBufferAtBack(src, s2)
    ndis.NdisChainBufferAtBack(dst, d1)
    ndis.NdisChainBufferAtBack(dst, d2)
    for (let i = 0; i < 23; i++) ndis.MmWrite8(ndis.NdisBufferVirtualAddress(i < 3 ? d1 : d2) + (i < 3 ? i : i - 3), 0)
    const copied = { value: -1 }
    ndis.NdisCopyFromPacketToPacket(dst, 1, 100, src, 2, copied)
    expect(copied.value).toBe(10) // source has 12 bytes, from offset 2
    const bytes = (b: number, n: number) => [...ndis.MmView(ndis.NdisBufferVirtualAddress(b), n)]
    // source bytes: s1 = 0..4 (pattern i), s2 = 64..70 (pattern 64 + i)
    expect(bytes(d1, 3)).toEqual([0, 2, 3])
    expect(bytes(d2, 9)).toEqual([4, 64, 65, 66, 67, 68, 69, 70, 0])
  })

  it('an offset beyond either chain copies nothing; the destination limits the copy', () => {
    const s = setup()
    const { ndis } = s
    const src = packet(ndis, pool(ndis))
    const dst = packet(ndis, pool(ndis))
    const [s1, d1] = buffers(s, [10, 4])
    ndis.NdisChainBufferAtBack(src, s1)
    ndis.NdisChainBufferAtBack(dst, d1)
    const copied = { value: -1 }
    ndis.NdisCopyFromPacketToPacketSafe(dst, 4, 10, src, 0, copied, 16)
    expect(copied.value).toBe(0)
    ndis.NdisCopyFromPacketToPacketSafe(dst, 0, 10, src, 0, copied, 16)
    expect(copied.value).toBe(4)
  })

  it('R14: copying while holding a spin lock', () => {
    const s = setup()
    const { ndis, k } = s
    const p = packet(ndis, pool(ndis))
    const lock = new ndis.NDIS_SPIN_LOCK()
    ndis.NdisAllocateSpinLock(lock)
    ndis.NdisAcquireSpinLock(lock)
    ndis.NdisCopyFromPacketToPacket(p, 0, 1, p, 0, null)
    ndis.NdisReleaseSpinLock(lock)
    expect(k.verifier.findings.map((f) => f.rule)).toEqual(['R14'])
  })
})
