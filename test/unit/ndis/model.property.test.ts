// Model-based property test: random sequences of pool / packet / buffer / chain calls, run against the library and
// against a small reference model of the documented semantics (ndis5.md §1.1–§1.5). Zero divergence in statuses,
// chain contents, query results, copied bytes and findings; zero host exceptions; counters always consistent.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BugCheck } from '../../../core/verifier/bugcheck'
import { Kernel } from '../../../core/kernel/kernel'
import { createNdisLibrary } from '../../../core/ndis/api'
import { spanPages } from '../../../core/ndis/api-buffers'
import { packetLength } from '../../../core/ndis/layout'
import { ndisRuntime } from '../../../core/ndis/instance'
import { NDIS_STATUS_FAILURE, NDIS_STATUS_RESOURCES, NDIS_STATUS_SUCCESS } from '../../../core/ndis/status'

interface MPool {
  handle: number
  limit: number
  n: number
  inUse: number
  alive: boolean
  exhaustedReported: boolean
}
interface MPacket {
  va: number
  pool: MPool
  allocated: boolean
  head: MBuffer | null
  tail: MBuffer | null
  valid: boolean
  count: number
  total: number
  phys: number
}
interface MBuffer {
  va: number
  data: number
  len: number
  /** Bytes allocated behind it; NdisAdjustBufferLength may map more (ndis5.md §1.3: no validation). */
  cap: number
  alive: boolean
  next: MBuffer | null
  chainedTo: MPacket | null
}

const BUFFER_POOL_SIZE = 12
const bad = fc.constantFrom(NaN, -1, 2.5, 0x10000, Infinity)
const idx = fc.nat(40)
const command = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('pool' as const),
      n: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 6 }) }, { weight: 1, arbitrary: bad }),
      ov: fc.integer({ min: -1, max: 2 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('freePool' as const), i: idx }) },
  { weight: 6, arbitrary: fc.record({ t: fc.constant('alloc' as const), i: idx }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('free' as const), i: idx }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('reinit' as const), i: idx }) },
  { weight: 5, arbitrary: fc.record({ t: fc.constant('buf' as const), len: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('freeBuf' as const), i: idx }) },
  { weight: 5, arbitrary: fc.record({ t: fc.constantFrom('front' as const, 'back' as const), p: idx, b: idx }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constantFrom('unfront' as const, 'unback' as const), p: idx }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('query' as const), p: idx }) },
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('adjust' as const), b: idx, len: fc.integer({ min: 0, max: 40 }) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('copy' as const),
      d: idx,
      dOff: fc.nat(50),
      n: fc.nat(80),
      s: idx,
      sOff: fc.nat(50),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('garbage' as const),
      v: fc.constantFrom<unknown>(0, 1, -1, NaN, 0.5, 0x7fffffff, 'x', null),
      f: fc.nat(3),
    }),
  },
)
type Command = typeof command extends fc.Arbitrary<infer T> ? T : never

function runSequence(commands: Command[], level: number): void {
  const k = new Kernel({ memoryBytes: 1 << 20 })
  k.verifier.level = level
  const ndis = createNdisLibrary(k)
  const rt = ndisRuntime(k)
  const pools: MPool[] = []
  const packets: MPacket[] = []
  const bufs: MBuffer[] = []
  const st = { value: 0 }
  const h = { value: 0 }
  ndis.NdisAllocateBufferPool(st, h, BUFFER_POOL_SIZE)
  const bufferPool = h.value
  let expected: string[] = []
  const pick = <T>(list: T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length])
  // Packets of freed pools and freed overflow descriptors lie in memory that went back to the system (a use is
  // R16, tested on its own); the model leaves them out once freed, as that memory may be handed out again.
  const isOverflow = (p: MPacket) =>
    p.va < p.pool.handle + 16 || p.va >= p.pool.handle + 16 + p.pool.n * ((packetLength(16) + 7) & ~7)
  const livePackets = () => packets.filter((p) => p.pool.alive && (p.allocated || !isOverflow(p)))
  const broken = (p: MPacket): boolean => {
    for (let b = p.head, n = 0; b !== null; b = b.next, n++) if (!b.alive || n > 64) return true
    return false
  }
  const expect1 = (rule: string) => {
    if (level !== 0) expected.push(rule)
  }
  const chainOf = (p: MPacket): number[] => {
    const out: number[] = []
    for (let b = p.head; b !== null; b = b.next) out.push(b.va)
    return out
  }
  const realChain = (p: number): number[] => {
    const out: number[] = []
    let b = k.memory.u32[(p - 0x80000000 + 8) >>> 2]
    for (let n = 0; b !== 0 && n < 64; n++) {
      out.push(b)
      b = k.memory.u32[(b - 0x80000000) >>> 2]
    }
    return out
  }
  const flatten = (p: MPacket): number[] => {
    const out: number[] = []
    for (let b = p.head; b !== null; b = b.next)
      for (let i = 0; i < b.len; i++) out.push(k.memory.u8[b.data - 0x80000000 + i])
    return out
  }

  for (const c of commands) {
    expected = []
    const before = k.verifier.findings.length
    let skipFindings = false
    switch (c.t) {
      case 'pool': {
        const valid = typeof c.n === 'number' && c.n >>> 0 === c.n
        if (c.ov < 0) ndis.NdisAllocatePacketPool(st, h, c.n, 16)
        else ndis.NdisAllocatePacketPoolEx(st, h, c.n, c.ov, 16)
        if (!valid) {
          expect1('R37')
          expect(st.value).toBe(NDIS_STATUS_RESOURCES)
        } else if (c.n > 0xffff) {
          expect1('R1')
          expect(st.value).toBe(NDIS_STATUS_RESOURCES)
        } else {
          expect(st.value).toBe(NDIS_STATUS_SUCCESS)
          // a freed pool's handle now names the new pool (handles are addresses)
          for (let i = pools.length - 1; i >= 0; i--)
            if (!pools[i].alive && pools[i].handle === h.value) pools.splice(i, 1)
          pools.push({
            handle: h.value,
            n: c.n,
            limit: c.n + Math.max(0, c.ov),
            inUse: 0,
            alive: true,
            exhaustedReported: false,
          })
        }
        break
      }
      case 'freePool': {
        const p = pick(
          pools.filter((x) => x.alive),
          c.i,
        )
        if (p === undefined) break
        ndis.NdisFreePacketPool(p.handle)
        if (p.inUse > 0) expect1('R7')
        p.alive = false
        break
      }
      case 'alloc': {
        const p = pick(pools, c.i)
        if (p === undefined) break
        const out = { value: -1 }
        ndis.NdisAllocatePacket(st, out, p.handle)
        if (!p.alive) {
          expect1('R36')
          expect(st.value).toBe(NDIS_STATUS_FAILURE)
        } else if (p.inUse >= p.limit) {
          expect(st.value).toBe(NDIS_STATUS_RESOURCES)
          expect(out.value).toBe(0)
          if (!p.exhaustedReported) {
            expect1('R4')
            if (level !== 0) p.exhaustedReported = true
          }
        } else {
          expect(st.value).toBe(NDIS_STATUS_SUCCESS)
          p.inUse++
          const m = packets.find((x) => x.va === out.value)
          const fresh: MPacket = {
            va: out.value,
            pool: p,
            allocated: true,
            head: null,
            tail: null,
            valid: true,
            count: 0,
            total: 0,
            phys: 0,
          }
          if (m !== undefined) Object.assign(m, fresh)
          else packets.push(fresh)
          expect(realChain(out.value)).toEqual([])
        }
        break
      }
      case 'free':
      case 'reinit': {
        const p = pick(livePackets(), c.i)
        if (p === undefined) break
        if (c.t === 'free') ndis.NdisFreePacket(p.va)
        else ndis.NdisReinitializePacket(p.va)
        if (!p.allocated) {
          expect1(c.t === 'free' ? 'R5' : 'R36')
          break
        }
        // The chain is dropped: buffers keep their links but belong to no packet (ndis5.md §1.2 obligations); the
        // walk stops at a freed descriptor.
        for (let b = p.head, n = 0; b !== null && b.alive && n < 64; b = b.next, n++) b.chainedTo = null
        p.head = null
        p.valid = false
        if (c.t === 'free') {
          p.allocated = false
          p.pool.inUse--
          p.tail = null
        }
        break
      }
      case 'buf': {
        const va = { value: 0 }
        ndis.NdisAllocateMemoryWithTag(va, c.len, 0)
        const out = { value: 0 }
        ndis.NdisAllocateBuffer(st, out, bufferPool, va.value, c.len)
        const live = bufs.filter((b) => b.alive).length
        if (live >= BUFFER_POOL_SIZE) {
          expect(st.value).toBe(NDIS_STATUS_FAILURE)
          break
        }
        expect(st.value).toBe(NDIS_STATUS_SUCCESS)
        const fresh: MBuffer = {
          va: out.value,
          data: va.value,
          len: c.len,
          cap: c.len,
          alive: true,
          next: null,
          chainedTo: null,
        }
        const m = bufs.find((b) => b.va === out.value)
        if (m !== undefined) {
          // a descriptor is reused: any stale link to it in the model now reaches a live buffer
          Object.assign(m, fresh)
        } else bufs.push(fresh)
        for (let i = 0; i < c.len; i++) ndis.MmWrite8(va.value + i, (out.value + i * 7) & 0xff)
        break
      }
      case 'freeBuf': {
        const b = pick(bufs, c.i)
        if (b === undefined) break
        ndis.NdisFreeBuffer(b.va)
        if (!b.alive) expect1('R36')
        else {
          if (b.chainedTo !== null) expect1('R35')
          b.alive = false
          b.chainedTo = null
        }
        break
      }
      case 'front':
      case 'back': {
        const p = pick(livePackets(), c.p)
        const b = pick(bufs, c.b)
        if (p === undefined || b === undefined) break
        if (c.t === 'front') ndis.NdisChainBufferAtFront(p.va, b.va)
        else ndis.NdisChainBufferAtBack(p.va, b.va)
        if (!p.allocated) {
          expect1('R36')
          break
        }
        if (!b.alive) {
          expect1('R36')
          break
        }
        // the sub-chain starting at b: every buffer live and in no chain (ndis5.md §1.4 walks to its end)
        let last: MBuffer = b
        let ok = true
        for (let x: MBuffer | null = b, n = 0; x !== null; x = x.next, n++) {
          if (!x.alive || n > 64 || x.chainedTo !== null) {
            ok = false
            break
          }
          last = x
        }
        if (!ok) {
          expect1('R40')
          break
        }
        for (let x: MBuffer | null = b; x !== null; x = x.next) x.chainedTo = p
        if (c.t === 'front') {
          if (p.head === null) p.tail = last
          last.next = p.head
          p.head = b
        } else {
          if (p.head !== null) p.tail!.next = b
          else p.head = b
          p.tail = last
        }
        p.valid = false
        break
      }
      case 'unfront':
      case 'unback': {
        const p = pick(livePackets(), c.p)
        if (p === undefined) break
        const out = { value: -1 }
        if (c.t === 'unfront') ndis.NdisUnchainBufferAtFront(p.va, out)
        else ndis.NdisUnchainBufferAtBack(p.va, out)
        if (!p.allocated) {
          expect1('R36')
          break
        }
        if (p.head === null) {
          expect(out.value).toBe(0)
          break
        }
        // AtFront looks at the first buffer only; AtBack walks the whole chain (ndis5.md §1.4)
        if (c.t === 'unfront' ? !p.head.alive : broken(p)) {
          expect1('R40')
          expect(out.value).toBe(0)
          break
        }
        let got: MBuffer
        if (c.t === 'unfront') {
          got = p.head
          p.head = got.next
          if (p.head === null) p.tail = null
        } else {
          let prev: MBuffer | null = null
          got = p.head
          while (got.next !== null) {
            prev = got
            got = got.next
          }
          if (prev === null) {
            p.head = null
            p.tail = null
          } else {
            prev.next = null
            p.tail = prev
          }
        }
        got.next = null
        got.chainedTo = null
        p.valid = false
        expect(out.value).toBe(got.va)
        break
      }
      case 'query': {
        const p = pick(livePackets(), c.p)
        if (p === undefined) break
        const phys = { value: -1 }
        const count = { value: -1 }
        const first = { value: -1 }
        const total = { value: -1 }
        ndis.NdisQueryPacket(p.va, phys, count, first, total)
        if (!p.allocated) {
          expect1('R36')
          expect([phys.value, count.value, first.value, total.value]).toEqual([0, 0, 0, 0])
          break
        }
        // ndis5.md §1.5: recompute only when ValidCounts is FALSE, otherwise the (possibly stale) cache
        if (!p.valid && broken(p)) expect1('R40')
        else if (!p.valid) {
          p.count = 0
          p.total = 0
          p.phys = 0
          for (let b = p.head; b !== null; b = b.next) {
            p.count++
            p.total += b.len
            p.phys += spanPages(b.data, b.len)
          }
          p.valid = true
        }
        expect([phys.value, count.value, first.value, total.value]).toEqual([p.phys, p.count, p.head?.va ?? 0, p.total])
        break
      }
      case 'adjust': {
        const b = pick(bufs, c.b)
        if (b === undefined) break
        ndis.NdisAdjustBufferLength(b.va, c.len)
        if (!b.alive) expect1('R36')
        else b.len = c.len
        break
      }
      case 'copy': {
        const live = livePackets()
        const d = pick(live, c.d)
        const s = pick(live, c.s)
        if (d === undefined || s === undefined || d === s) break
        const out = { value: -1 }
        if (!d.allocated || !s.allocated || broken(d) || broken(s)) {
          ndis.NdisCopyFromPacketToPacketSafe(d.va, c.dOff, c.n, s.va, c.sOff, out, 16)
          skipFindings = true
          break
        }
        // Offsets are within a buffer's mapped range only up to its allocation; lengths adjusted upwards map
        // bytes beyond it, so the model reads through the same memory the library copies.
        const src = flatten(s)
        const dst = flatten(d)
        try {
          ndis.NdisCopyFromPacketToPacketSafe(d.va, c.dOff, c.n, s.va, c.sOff, out, 16)
        } catch (e) {
          // A buffer lengthened beyond its memory reaches past its block: the special pool stops the run there (R47),
          // or, beyond the guard, unallocated memory does (R16).
          const stretched = [d, s].some((p) => {
            for (let b = p.head; b !== null; b = b.next) if (b.len > b.cap) return true
            return false
          })
          if (e instanceof BugCheck && (e.rule === 'R16' || e.rule === 'R47') && stretched) return
          throw e
        }
        const n =
          c.dOff >= dst.length || c.sOff >= src.length ? 0 : Math.min(c.n, src.length - c.sOff, dst.length - c.dOff)
        if (out.value !== n)
          skipFindings = true // a range beyond its allocation stops the copy early (R16 at full)
        else expect(flatten(d).slice(c.dOff, c.dOff + n)).toEqual(src.slice(c.sOff, c.sOff + n))
        break
      }
      case 'garbage': {
        const v = c.v as number
        const rule = ['R5', 'R36', 'R36', 'R36'][c.f]
        if (c.f === 0) ndis.NdisFreePacket(v)
        else if (c.f === 1) ndis.NdisQueryPacket(v, null, null, null, st)
        else if (c.f === 2) ndis.NdisAllocatePacket(st, h, v)
        else ndis.NdisFreeBuffer(v)
        expect1(rule)
        break
      }
    }
    const made = k.verifier.findings.slice(before).map((f) => f.rule)
    if (!skipFindings) expect(made, JSON.stringify(c)).toEqual(expected)
    if (level === 0) expect(made).toEqual([])
    // counters: allocated − freed = in use; free count within [0, size]; usage as the model says
    for (const p of pools.filter((x) => x.alive)) {
      const real = rt.findPacketPool(p.handle)!
      expect(real.inUse).toBe(p.inUse)
      expect(real.allocations - real.frees).toBe(real.inUse)
      expect(real.freeCount).toBeGreaterThanOrEqual(0)
      expect(real.freeCount).toBeLessThanOrEqual(p.n)
      expect(ndis.NdisPacketPoolUsage(p.handle)).toBe(p.inUse)
    }
    for (const p of livePackets()) if (p.allocated && !broken(p)) expect(realChain(p.va)).toEqual(chainOf(p))
  }
}

describe('model-based property test (ndis5.md §1.1–§1.5)', () => {
  it('standard verifier: zero divergence from the model, zero host exceptions', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 10, maxLength: 60, size: 'max' }), (cmds) => runSequence(cmds, 1)),
      { numRuns: 2000 },
    )
  }, 180_000)

  it('verifier off: the same statuses and results, no findings', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 10, maxLength: 60, size: 'max' }), (cmds) => runSequence(cmds, 0)),
      { numRuns: 300 },
    )
  }, 180_000)
})
