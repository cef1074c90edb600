import { markIndicated, markReturned } from '../../../core/ndis/ownership'
import { describe, expect, it } from 'vitest'
import { DISPATCH_LEVEL } from '../../../core/kernel/irql'
import { KVA_BASE } from '../../../core/kernel/memory'
import { NDIS_SPIN_LOCK } from '../../../core/kernel/spin-lock'
import { packetLength } from '../../../core/ndis/layout'
import { NDIS_STATUS_FAILURE, NDIS_STATUS_RESOURCES, NDIS_STATUS_SUCCESS } from '../../../core/ndis/status'
import { packet, pool, setup, stopOf } from './helpers'

describe('NdisAllocatePacketPool (founding document; ndis5.md §1.1)', () => {
  it('SUCCESS and a handle; one block holds every descriptor, laid out as §2.2', () => {
    const { ndis, k, out } = setup()
    const s = out()
    const h = out()
    ndis.NdisAllocatePacketPool(s, h, 64, 16)
    expect(s.value).toBe(NDIS_STATUS_SUCCESS)
    expect(h.value).toBeGreaterThanOrEqual(KVA_BASE)
    const block = k.memory.live.get(h.value)!
    expect(block.kind).toBe('packet-pool')
    expect(block.requested).toBe(0x10 + 64 * ((packetLength(16) + 7) & ~7)) // descriptors 8-byte aligned
    expect(k.read32(h.value + 0x0c)).toBe(packetLength(16))
  })

  it('NumberOfDescriptors is the limit: then NdisAllocatePacket returns RESOURCES and a NULL packet (§1.2, R4)', () => {
    const { ndis, out, rules } = setup()
    const h = pool(ndis, 2)
    packet(ndis, h)
    packet(ndis, h)
    const s = out()
    const p = out()
    ndis.NdisAllocatePacket(s, p, h)
    expect(s.value).toBe(NDIS_STATUS_RESOURCES)
    expect(p.value).toBe(0)
    ndis.NdisAllocatePacket(s, p, h)
    expect(rules()).toEqual(['R4'])
  })

  it('more than 0xFFFF descriptors → RESOURCES with a NULL handle (R1), 0xFFFF itself may succeed', () => {
    const { ndis, out, rules } = setup({ memoryBytes: 16 << 20 })
    const s = out()
    const h = out()
    ndis.NdisAllocatePacketPool(s, h, 0x10000, 0)
    expect([s.value, h.value]).toEqual([NDIS_STATUS_RESOURCES, 0])
    expect(rules()).toEqual(['R1'])
    ndis.NdisAllocatePacketPool(s, h, 0xffff, 0)
    expect(s.value).toBe(NDIS_STATUS_SUCCESS)
  })

  it('a pool that would not fit in memory → RESOURCES; the caller may retry with fewer descriptors (founding document)', () => {
    const { ndis, out } = setup({ memoryBytes: 64 * 1024 })
    const s = out()
    const h = out()
    ndis.NdisAllocatePacketPool(s, h, 1000, 16)
    expect(s.value).toBe(NDIS_STATUS_RESOURCES)
    ndis.NdisAllocatePacketPool(s, h, 100, 16)
    expect(s.value).toBe(NDIS_STATUS_SUCCESS)
  })

  it('N == 0 still succeeds with an empty free list (ReactOS, §1.1)', () => {
    const { ndis, out } = setup()
    const s = out()
    const h = out()
    ndis.NdisAllocatePacketPool(s, h, 0, 16)
    expect(s.value).toBe(NDIS_STATUS_SUCCESS)
    const p = out()
    ndis.NdisAllocatePacket(s, p, h.value)
    expect(s.value).toBe(NDIS_STATUS_RESOURCES)
  })

  it('R14: calling it while holding a spin lock (founding document: release any spin lock first)', () => {
    const { ndis, out, k } = setup()
    const lock = new NDIS_SPIN_LOCK()
    ndis.NdisAllocateSpinLock(lock)
    const site = k.sites.at('d.ts', 3)
    ndis.NdisAcquireSpinLock(lock)
    k.sites.at('d.ts', 4)
    ndis.NdisAllocatePacketPool(out(), out(), 4, 16)
    const f = k.verifier.findings[0]
    expect(f.rule).toBe('R14')
    expect(k.sites.location(f.site).line).toBe(4)
    expect(f.allocatedSite).toBe(site)
  })

  it('R9: at DIRQL it is a bug check 0xC4 / 0x02', () => {
    const { ndis, out, k } = setup()
    k.raiseIrql(k.dirql)
    const s = stopOf(() => ndis.NdisAllocatePacketPool(out(), out(), 4, 16))
    expect([s.code, s.params[0], s.params[1]]).toEqual([0xc4, 0x02, k.dirql])
  })

  it('bad counts (NaN, negative, fractional) → RESOURCES and R37 or R1, never a host exception', () => {
    const { ndis, out, k } = setup()
    for (const bad of [NaN, -1, 2.5, Infinity, 2 ** 40]) {
      const s = out()
      const h = out()
      ndis.NdisAllocatePacketPool(s, h, bad, 16)
      expect(s.value).toBe(NDIS_STATUS_RESOURCES)
      expect(h.value).toBe(0)
    }
    expect(k.verifier.count('R37')).toBe(5)
  })
})

describe('NdisAllocatePacketPoolEx overflow descriptors (ndis5.md §1.1 Ex; R2)', () => {
  it('N + overflow > 0xFFFF clamps the overflow silently (a warning, R2) and succeeds', () => {
    const { ndis, out, rt, rules } = setup({ memoryBytes: 16 << 20 })
    const s = out()
    const h = out()
    ndis.NdisAllocatePacketPoolEx(s, h, 0xfff0, 100, 0)
    expect(s.value).toBe(NDIS_STATUS_SUCCESS)
    expect(rt.findPacketPool(h.value)!.overflowDescriptors).toBe(0xf)
    expect(rules()).toEqual(['R2'])
  })

  it('overflow descriptors come from system memory only when the static ones are used up, and go back to it', () => {
    const { ndis, out, k } = setup()
    const s = out()
    const h = out()
    ndis.NdisAllocatePacketPoolEx(s, h, 2, 1, 16)
    const a = packet(ndis, h.value)
    const b = packet(ndis, h.value)
    const before = k.memory.stats().liveAllocations
    const c = packet(ndis, h.value)
    expect(k.memory.live.get(c)?.kind).toBe('overflow-descriptor')
    expect(k.memory.stats().liveAllocations).toBe(before + 1)
    expect(ndis.NdisPacketPoolUsage(h.value)).toBe(3)
    const p = out()
    ndis.NdisAllocatePacket(s, p, h.value)
    expect(s.value).toBe(NDIS_STATUS_RESOURCES)
    ndis.NdisFreePacket(c)
    expect(k.memory.stats().liveAllocations).toBe(before)
    ndis.NdisFreePacket(a)
    ndis.NdisFreePacket(b)
    expect(ndis.NdisPacketPoolUsage(h.value)).toBe(0)
    expect(k.verifier.findings.filter((f) => f.rule !== 'R4')).toEqual([])
    // the freed overflow descriptor's memory went back to the system: touching it is a use after free (R16)
    expect(stopOf(() => ndis.NdisReinitializePacket(c)).rule).toBe('R16')
  })
})

describe('NdisFreePacketPool and NdisPacketPoolUsage (ndis5.md §1.1; R7)', () => {
  it('usage counts packets in use; freeing the pool with packets out is R7 naming the allocating line', () => {
    const { ndis, k } = setup()
    const h = pool(ndis)
    const allocSite = k.sites.at('d.ts', 10)
    packet(ndis, h)
    expect(ndis.NdisPacketPoolUsage(h)).toBe(1)
    k.sites.at('d.ts', 20)
    ndis.NdisFreePacketPool(h)
    const f = k.verifier.findings[0]
    expect([f.rule, f.params[1], f.params[2]]).toEqual(['R7', h, 1])
    expect(f.allocatedSite).toBe(allocSite)
  })

  it('the handle is invalid afterwards: using it is R36, a packet of the freed pool is R16', () => {
    const { ndis, out, rules } = setup()
    const h = pool(ndis)
    const p = packet(ndis, h)
    ndis.NdisFreePacket(p)
    ndis.NdisFreePacketPool(h)
    const s = out()
    ndis.NdisAllocatePacket(s, out(), h)
    expect(s.value).toBe(NDIS_STATUS_FAILURE)
    expect(ndis.NdisPacketPoolUsage(h)).toBe(0)
    expect(rules()).toEqual(['R36', 'R36'])
    expect(stopOf(() => ndis.NdisFreePacket(p)).code).toBe(0x50) // PAGE_FAULT_IN_NONPAGED_AREA below DISPATCH_LEVEL
  })

  it('random numbers as pool handles are R36 findings and FAILURE', () => {
    const { ndis, out, k } = setup()
    for (const bad of [0, 1, -5, NaN, 0x80000000, 3.5, 'x' as unknown as number]) {
      const s = out()
      ndis.NdisAllocatePacket(s, out(), bad)
      expect(s.value).toBe(NDIS_STATUS_FAILURE)
      ndis.NdisFreePacketPool(bad)
    }
    expect(k.verifier.count('R36')).toBe(14)
  })
})

describe('NdisAllocatePacket / NdisFreePacket (ndis5.md §1.2, §2.1, §2.2)', () => {
  it('the descriptor starts zeroed with Pool, ValidCounts TRUE, fPACKET_ALLOCATED_BY_NDIS and the OOB offset', () => {
    const { ndis, k } = setup()
    const h = pool(ndis, 2, 16)
    const p = packet(ndis, h)
    expect(k.read32(p + 0x08)).toBe(0) // Head
    expect(k.read32(p + 0x10)).toBe(h) // Pool
    expect(k.read8(p + 0x1c)).toBe(1) // ValidCounts
    expect(k.read8(p + 0x1d)).toBe(0x80) // NdisPacketFlags
    expect(k.read16(p + 0x1e)).toBe(0x3c + 16) // NdisPacketOobOffset
    expect(ndis.NdisGetPoolFromPacket(p)).toBe(h)
  })

  it('a freed descriptor is zeroed again when reallocated (LIFO free list)', () => {
    const { ndis, k } = setup()
    const h = pool(ndis, 2, 16)
    const p = packet(ndis, h)
    k.write32(ndis.PROTOCOL_RESERVED(p), 0xdeadbeef)
    ndis.NdisFreePacket(p)
    const q = packet(ndis, h)
    expect(q).toBe(p)
    expect(k.read32(ndis.PROTOCOL_RESERVED(q))).toBe(0)
  })

  it('R5: double free and a foreign packet are findings; the pool stays consistent', () => {
    const { ndis, rt, rules, k } = setup()
    const h = pool(ndis, 2)
    const p = packet(ndis, h)
    ndis.NdisFreePacket(p)
    ndis.NdisFreePacket(p)
    const mem = { value: 0 }
    ndis.NdisAllocateMemoryWithTag(mem, 64, 1)
    ndis.NdisFreePacket(mem.value)
    ndis.NdisFreePacket(p + 4)
    expect(rules()).toEqual(['R5', 'R5', 'R5'])
    const pp = rt.findPacketPool(h)!
    expect([pp.inUse, pp.freeCount]).toEqual([0, 2])
    // a descriptor whose Private.Pool was overwritten is a foreign packet
    const q = packet(ndis, h)
    k.write32(q + 0x10, 0x12345678)
    ndis.NdisFreePacket(q)
    expect(k.verifier.count('R5')).toBe(4)
  })

  it('Dpr variants must run at DISPATCH_LEVEL (R10, 0xC4/0x40 with the pool lock in P3)', () => {
    const { ndis, out, k } = setup()
    const h = pool(ndis)
    const s = stopOf(() => ndis.NdisDprAllocatePacket(out(), out(), h))
    expect(s.params.slice(0, 3)).toEqual([0x40, 0, h])
    k.verifier.clear()
    k.raiseIrql(DISPATCH_LEVEL)
    const st = out()
    const p = out()
    ndis.NdisDprAllocatePacket(st, p, h)
    ndis.NdisDprFreePacket(p.value)
    expect(k.verifier.findings).toEqual([])
  })

  it('statistics per pool: in use, high-water, allocations, frees, failures, allocating line', () => {
    const { ndis, out, rt, k } = setup()
    const site = k.sites.at('d.ts', 7)
    const h = pool(ndis, 2)
    const a = packet(ndis, h)
    const b = packet(ndis, h)
    ndis.NdisAllocatePacket(out(), out(), h)
    ndis.NdisFreePacket(a)
    ndis.NdisFreePacket(b)
    const p = rt.findPacketPool(h)!
    expect({
      inUse: p.inUse,
      highWater: p.highWater,
      allocations: p.allocations,
      frees: p.frees,
      failures: p.failures,
    }).toEqual({
      inUse: 0,
      highWater: 2,
      allocations: 2,
      frees: 2,
      failures: 1,
    })
    expect(p.createdSite).toBe(site)
  })

  it('NdisPacketSize matches the descriptor length (§1.1)', () => {
    const { ndis } = setup()
    expect(ndis.NdisPacketSize(16)).toBe(packetLength(16))
    expect(ndis.NdisPacketSize(0)).toBe(0x3c + 0x20 + 0x30)
  })
})

describe('pool statistics and ownership history (issue: lwIP avail/used/max/err; verifier level full)', () => {
  it('statistics() reports avail/used/max/err with allocations and the allocating line', () => {
    const { ndis, out, rt, k } = setup()
    const site = k.sites.at('d.ts', 3)
    const h = pool(ndis, 2)
    const a = packet(ndis, h)
    packet(ndis, h)
    ndis.NdisAllocatePacket(out(), out(), h)
    ndis.NdisFreePacket(a)
    expect(rt.findPacketPool(h)!.statistics()).toEqual({
      avail: 1,
      used: 1,
      max: 2,
      err: 1,
      allocations: 2,
      frees: 1,
      createdSite: site,
    })
  })

  it('at level full each packet keeps its history: allocated, indicated, returned, reinitialized, freed, with lines', () => {
    const { ndis, rt, k } = setup({ verifier: 'full' })
    const h = pool(ndis)
    const lines: number[] = []
    const at = (line: number) => lines.push(k.sites.location(k.sites.at('d.ts', line)).line)
    at(1)
    const p = packet(ndis, h)
    const st = { value: 0 }
    const bp = { value: 0 }
    ndis.NdisAllocateBufferPool(st, bp, 1)
    const va = { value: 0 }
    ndis.NdisAllocateMemoryWithTag(va, 16, 0)
    const b = { value: 0 }
    ndis.NdisAllocateBuffer(st, b, bp.value, va.value, 16)
    ndis.NdisChainBufferAtBack(p, b.value)
    at(2)
    markIndicated(rt, p)
    at(3)
    markReturned(rt, p)
    const saved = { value: 0 }
    ndis.NdisUnchainBufferAtFront(p, saved)
    at(4)
    ndis.NdisReinitializePacket(p)
    at(5)
    ndis.NdisFreePacket(p)
    const history = k.history.forPacket(p)
    expect(history.map((e) => e.event)).toEqual(['allocated', 'indicated', 'returned', 'reinitialized', 'freed'])
    expect(history.map((e) => k.sites.location(e.site).line)).toEqual([1, 2, 3, 4, 5])
  })
})

describe('ownership history keeps where a packet came from (verifier level full)', () => {
  it('its allocation stays first after the ring has wrapped past it', () => {
    const { ndis, rt, k } = setup({ verifier: 'full' })
    const h = pool(ndis)
    k.sites.at('d.ts', 7)
    const p = packet(ndis, h)
    // More transitions than the ring holds (indicated, returned, again and again).
    for (let i = 0; i < k.history.capacity; i++) {
      markIndicated(rt, p)
      markReturned(rt, p)
    }
    const history = k.history.forPacket(p)
    expect(history[0]).toMatchObject({ event: 'allocated' })
    expect(k.sites.location(history[0]!.site).line).toBe(7)
    expect(history.slice(1).every((e) => e.event === 'indicated' || e.event === 'returned')).toBe(true)
    expect(history.every((e, i) => i === 0 || e.timeNs >= history[i - 1]!.timeNs)).toBe(true)
  })
})
