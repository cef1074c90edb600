import { describe, expect, it } from 'vitest'
import { BugCheck } from '../../../core/verifier/bugcheck'
import { Kernel } from '../../../core/kernel/kernel'
import { FREED_POISON, KVA_BASE, NonPagedMemory, SHADOW_FREED, SHADOW_LIVE } from '../../../core/kernel/memory'
import { paToVa, PHYSICAL_BASE, readPhysical, vaToPa, writePhysical } from '../../../core/kernel/physical'

describe('NonPagedMemory (issue: non-paged arena with kernel virtual addresses)', () => {
  it('hands out 16-byte aligned addresses from 0x80000000, a guard zone around each block, and tracks every live allocation', () => {
    const m = new NonPagedMemory(4096)
    const a = m.allocate(10, 0x4e444d61, 0, 3, 'memory')
    const b = m.allocate(32, 0, 0, 4, 'memory')
    // [guard 16][a: 16][guard 16] [guard 16][b: 32][guard 16]
    expect(a).toBe(KVA_BASE + 16)
    expect(b).toBe(KVA_BASE + 64)
    expect(m.live.get(a)).toMatchObject({ requested: 10, size: 16, tag: 0x4e444d61, site: 3 })
    expect(m.stats().liveAllocations).toBe(2)
  })

  it('returns 0 when nothing fits, then a smaller request succeeds', () => {
    const m = new NonPagedMemory(1024)
    expect(m.allocate(2048, 0, 0, 0, 'memory')).toBe(0)
    expect(m.allocate(512, 0, 0, 0, 'memory')).not.toBe(0)
    expect(m.stats().failedAllocations).toBe(1)
  })

  it('poisons freed memory, marks it freed, and coalesces free extents', () => {
    const m = new NonPagedMemory(320)
    const a = m.allocate(128, 0, 0, 0, 'memory')
    const b = m.allocate(128, 0, 0, 0, 'memory')
    expect(m.largestFree()).toBe(0)
    m.u8[a - KVA_BASE] = 7
    expect(m.free(a)?.size).toBe(128)
    expect(m.u8[a - KVA_BASE]).toBe(FREED_POISON)
    expect(m.shadowOf(a)).toBe(SHADOW_FREED)
    expect(m.shadowOf(b)).toBe(SHADOW_LIVE)
    m.free(b)
    expect(m.largestFree()).toBe(320)
    expect(m.free(b)).toBeUndefined()
  })

  it('finds the allocation containing an interior address', () => {
    const m = new NonPagedMemory(1024)
    const a = m.allocate(100, 0, 0, 0, 'memory')
    expect(m.allocationAt(a + 50)?.va).toBe(a)
    expect(m.allocationAt(a + 500)).toBeUndefined()
  })
})

describe('Kernel memory access (script-api.md MmRead/MmWrite/MmView; ndis5.md §4 R16)', () => {
  it('reads and writes little-endian values', () => {
    const k = new Kernel({ memoryBytes: 4096 })
    const va = k.memory.allocate(16, 0, 0, 0, 'memory')
    k.write32(va, 0x11223344)
    expect(k.read8(va)).toBe(0x44)
    expect(k.read16(va + 2)).toBe(0x1122)
    expect(k.read32(va)).toBe(0x11223344)
    k.view(va, 4).set([1, 2, 3, 4])
    expect(k.read32(va)).toBe(0x04030201)
  })

  it('touching memory outside the arena is R16, a bug check (0x50 below DISPATCH_LEVEL, 0xD1 at or above), never a host exception', () => {
    const k = new Kernel({ memoryBytes: 4096 })
    k.raiseIrql(2)
    expect(() => k.read32(0)).toThrow(BugCheck)
    expect(k.verifier.findings[0]!.code).toBe(0xd1)
    expect(k.verifier.findings[0]!.params).toEqual([0, 2, 0, 0])
    k.lowerIrql(0)
    k.verifier.clear()
    for (const bad of [0, 0x7fffffff, KVA_BASE + 4096, NaN, KVA_BASE + 0.5, -1]) {
      let stop: unknown
      try {
        k.read32(bad)
      } catch (e) {
        stop = e
      }
      expect(stop).toBeInstanceOf(BugCheck)
      expect((stop as BugCheck).code).toBe(0x50)
    }
    expect(k.verifier.count('R16')).toBe(6)
  })

  it('at level full, reading freed memory is R16 with P3 = 0 (read) and the IRQL in P2', () => {
    const k = new Kernel({ memoryBytes: 4096, verifier: 'full' })
    const va = k.memory.allocate(16, 0, 0, 0, 'memory')
    k.memory.free(va)
    expect(() => k.read8(va)).toThrow(BugCheck)
    expect(k.verifier.findings[0].params).toEqual([va, 0, 0, 0])
    expect(k.verifier.findings[0].message).toContain('freed memory')
  })

  it('at level standard, the first and last byte of an access must be live: freed memory is R16 with P3 = 1 (write)', () => {
    const k = new Kernel({ memoryBytes: 4096 })
    const a = k.memory.allocate(16, 0, 0, 0, 'memory')
    const b = k.memory.allocate(16, 0, 0, 0, 'memory')
    k.memory.free(a)
    expect(() => k.write8(a + 3, 1)).toThrow(BugCheck)
    // Below DISPATCH_LEVEL: 0x50, P1 the address, P2 1 (a write).
    expect(k.verifier.findings[0].params.slice(0, 3)).toEqual([a + 3, 1, 0])
    expect(() => k.view(b, 32)).toThrow(BugCheck) // runs past b's allocation into unallocated memory
    expect(k.read32(b + 12)).toBe(0)
  })

  it('at level off, freed and unallocated memory reads as it is, silently; memory that is not mapped still bug checks', () => {
    const k = new Kernel({ memoryBytes: 4096, verifier: 'off' })
    const a = k.memory.allocate(16, 0, 0, 0, 'memory')
    k.write32(a, 0x01020304)
    k.memory.free(a)
    expect(k.read32(a)).toBe(0xdddddddd)
    k.write32(a + 64, 1)
    expect(k.view(a + 128, 4).length).toBe(4)
    expect(k.verifier.findings).toHaveLength(0)
    // Outside non-paged memory there is nothing mapped: a page fault in any kernel.
    expect(() => k.read32(12345)).toThrow(BugCheck)
    expect(k.verifier.findings.map((f) => [f.rule, f.code])).toEqual([['R16', 0x50]])
  })

  it('finish() reports memory still allocated, grouped by allocating line (R20, 0xC4/0x60)', () => {
    const k = new Kernel({ memoryBytes: 4096 })
    const site = k.sites.register('d.ts', 9, 1)
    k.memory.allocate(100, 0, 0, site, 'memory')
    k.memory.allocate(28, 0, 0, site, 'memory')
    const f = k.finish().filter((x) => x.rule === 'R20')
    expect(f).toHaveLength(1)
    expect(f[0].params).toEqual([0x60, 0, 128, 2])
    expect(f[0].allocatedSite).toBe(site)
  })
})

describe('physical addresses for DMA (design: PA = VA - 0x80000000 + 0x00100000)', () => {
  it('maps both ways and moves bytes by physical address', () => {
    const k = new Kernel({ memoryBytes: 4096 })
    const va = k.memory.allocate(64, 0, 3, 0, 'shared')
    const pa = vaToPa(va)
    expect(pa).toBe(PHYSICAL_BASE + 16)
    expect(paToVa(pa)).toBe(va)
    expect(writePhysical(k.memory, pa + 4, new Uint8Array([9, 8, 7]))).toBe(3)
    const out = new Uint8Array(3)
    expect(readPhysical(k.memory, pa + 4, out)).toBe(3)
    expect([...out]).toEqual([9, 8, 7])
    expect(readPhysical(k.memory, 0, out)).toBe(0)
  })
})
