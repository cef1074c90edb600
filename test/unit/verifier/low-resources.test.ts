import { describe, expect, it } from 'vitest'
import { Kernel } from '../../../core/kernel/kernel'
import { allocateSharedMemory, freeSharedMemory } from '../../../core/kernel/shared-memory'
import { createNdisLibrary } from '../../../core/ndis/api'
import { NDIS_STATUS_FAILURE, NDIS_STATUS_RESOURCES, NDIS_STATUS_SUCCESS } from '../../../core/ndis/status'
import { installLowResources, parseLowResourcesSpec, type LowResourcesSpec } from '../../../core/verifier/low-resources'

function run(specs: LowResourcesSpec[], seed: number, calls = 200): number[] {
  const k = new Kernel({ memoryBytes: 1 << 20 })
  const ndis = createNdisLibrary(k)
  installLowResources(k, specs, seed)
  k.sites.at('driver.ts', 1) // the driver's own calls: only they are failed
  const h = { value: 0 }
  ndis.NdisAllocatePacketPool({ value: 0 }, h, 8, 16)
  const failed: number[] = []
  const s = { value: 0 }
  const p = { value: 0 }
  for (let i = 1; i <= calls; i++) {
    ndis.NdisAllocatePacket(s, p, h.value)
    if (s.value === NDIS_STATUS_RESOURCES) failed.push(i)
    else ndis.NdisFreePacket(p.value)
  }
  return failed
}

describe('low-resources simulation (issue: fault injection as an allocator)', () => {
  it("fails only the driver's calls: NDIS's and the protocol's own allocations (call site 0) always succeed", () => {
    const k = new Kernel({ memoryBytes: 1 << 20 })
    const ndis = createNdisLibrary(k)
    installLowResources(k, [{ kind: 'fraction', fraction: 1, calls: ['NdisAllocateMemoryWithTag'] }], 1)
    const va = { value: 0 }
    k.sites.cell[0] = 0
    expect(ndis.NdisAllocateMemoryWithTag(va, 64, 0)).toBe(NDIS_STATUS_SUCCESS)
    k.sites.at('driver.ts', 9)
    expect(ndis.NdisAllocateMemoryWithTag(va, 64, 0)).toBe(NDIS_STATUS_FAILURE)
  })

  it('nth mode fails exactly the Nth NdisAllocatePacket (RESOURCES, as an empty pool would)', () => {
    expect(run([{ kind: 'nth', n: 7, calls: ['NdisAllocatePacket'] }], 1)).toEqual([7])
  })

  it('fraction mode fails about the given fraction, the same calls for the same seed', () => {
    const spec: LowResourcesSpec[] = [{ kind: 'fraction', fraction: 0.1, calls: ['NdisAllocatePacket'] }]
    const a = run(spec, 42, 2000)
    expect(a).toEqual(run(spec, 42, 2000))
    expect(a).not.toEqual(run(spec, 43, 2000))
    expect(a.length).toBeGreaterThan(140)
    expect(a.length).toBeLessThan(260)
  })

  it('fails only the calls it names: NdisAllocateBuffer → FAILURE, memory → FAILURE, shared memory → null', () => {
    const k = new Kernel({ memoryBytes: 1 << 20 })
    k.sites.at('driver.ts', 1) // the driver's own calls: only they are failed
    const ndis = createNdisLibrary(k)
    const lr = installLowResources(
      k,
      [{ kind: 'nth', n: 1, calls: ['NdisAllocateBuffer', 'NdisAllocateMemoryWithTag', 'NdisMAllocateSharedMemory'] }],
      1,
    )
    const va = { value: 0 }
    expect(ndis.NdisAllocateMemoryWithTag(va, 64, 0)).toBe(NDIS_STATUS_FAILURE)
    expect(ndis.NdisAllocateMemoryWithTag(va, 64, 0)).toBe(NDIS_STATUS_SUCCESS)
    const st = { value: 0 }
    const bp = { value: 0 }
    ndis.NdisAllocateBufferPool(st, bp, 4)
    const b = { value: 0 }
    ndis.NdisAllocateBuffer(st, b, bp.value, va.value, 64)
    expect(st.value).toBe(NDIS_STATUS_SUCCESS) // the rule's first call was the memory one
    expect(allocateSharedMemory(k, 256)).not.toBeNull()
    expect(lr.failed[2]).toBe(1)
    const h = { value: 0 }
    ndis.NdisAllocatePacketPool(st, h, 2, 0)
    ndis.NdisAllocatePacket(st, { value: 0 }, h.value)
    expect(st.value).toBe(NDIS_STATUS_SUCCESS)
  })

  it('shared memory helper: a VA and PA, zeroed, freed only as shared memory', () => {
    const k = new Kernel({ memoryBytes: 1 << 16 })
    installLowResources(k, [{ kind: 'nth', n: 2, calls: ['NdisMAllocateSharedMemory'] }], 1)
    k.sites.at('driver.ts', 1)
    const a = allocateSharedMemory(k, 100)!
    expect(a.pa).toBe(a.va - 0x80000000 + 0x00100000)
    expect(allocateSharedMemory(k, 100)).toBeNull()
    expect(freeSharedMemory(k, a.va)).toBe(true)
    expect(freeSharedMemory(k, a.va)).toBe(false)
  })
})

describe('parseLowResourcesSpec (cli.md --fault)', () => {
  it('parses percentages and call numbers, comma-separated, with groups', () => {
    const r = parseLowResourcesSpec('NdisAllocatePacket:6%, NdisAllocatePacket:#7,memory:2%')
    expect(r).toEqual({
      ok: true,
      specs: [
        { kind: 'fraction', fraction: 0.06, calls: ['NdisAllocatePacket'] },
        { kind: 'nth', n: 7, calls: ['NdisAllocatePacket'] },
        { kind: 'fraction', fraction: 0.02, calls: ['NdisAllocateMemoryWithTag'] },
      ],
    })
  })

  it('returns a clear error for bad syntax', () => {
    for (const [text, words] of [
      ['NdisAllocatePacket', 'expected NAME:P%'],
      ['NdisFoo:5%', 'unknown call "NdisFoo"'],
      ['packet:0%', 'above 0'],
      ['packet:150%', 'at most 100'],
      ['packet:#0', '1 or more'],
      ['packet:7', 'neither P% nor #N'],
    ] as const) {
      const r = parseLowResourcesSpec(text)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error).toContain(words)
    }
  })
})
