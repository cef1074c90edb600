import { isIndicated } from '../../../core/ndis/ownership'
import { describe, expect, it } from 'vitest'
import { DISPATCH_LEVEL } from '../../../core/kernel/irql'
import { NDIS_STATUS_PENDING, NDIS_STATUS_RESOURCES, NDIS_STATUS_SUCCESS } from '../../../core/ndis/status'
import { TRACE_INDICATE, TRACE_RETURN } from '../../../core/trace/event-log'
import { bugCheckOf, H, makeRig, out, receivePool } from './rig'

/** A miniport whose MiniportReturnPacket records (time, IRQL, context, packet). */
function returning(extra: Parameters<typeof makeRig>[0] = {}) {
  const calls: { t: number; irql: number; ctx: unknown; packet: number }[] = []
  const box: { rig?: ReturnType<typeof makeRig> } = {}
  const handlers = {
    ReturnPacketHandler: (ctx: unknown, packet: number) =>
      calls.push({ t: box.rig!.scheduler.nowNs, irql: box.rig!.k.irql, ctx, packet }),
    ...extra.handlers,
  }
  box.rig = makeRig({ ...extra, handlers })
  return { r: box.rig, calls }
}

describe('NdisMIndicateReceivePacket, Status SUCCESS kept by the protocol (ndis5.md §3.2, §3.4, §3.5)', () => {
  it('pends the packet (OOB Status PENDING) and returns it through MiniportReturnPacket after the hold time at DISPATCH_LEVEL', () => {
    const { r, calls } = returning()
    const rx = receivePool(r)
    const p = rx.make(0)
    r.scheduler.runUntil(1000)
    r.site(10)
    r.api.NdisMIndicateReceivePacket(H, [p], 1)
    expect(r.ndis.NDIS_GET_PACKET_STATUS(p)).toBe(NDIS_STATUS_PENDING)
    expect(isIndicated(r.rt, p)).toBe(true)
    expect(r.p.snapshot()).toMatchObject({ indicated: 1, outstanding: 1, returned: 0 })
    r.scheduler.runUntil(1000 + 49_999)
    expect(calls).toHaveLength(0)
    r.scheduler.runUntil(1_000_000)
    expect(calls).toEqual([{ t: 1000 + 50_000, irql: DISPATCH_LEVEL, ctx: r.context, packet: p }])
    expect(isIndicated(r.rt, p)).toBe(false)
    expect(r.p.snapshot()).toMatchObject({ indicated: 1, outstanding: 0, returned: 1, corrupted: 0, lost: 0 })
    const kinds = r.log.slice(0, 100).map((e) => e.kind)
    expect(kinds).toContain(TRACE_INDICATE)
    expect(kinds).toContain(TRACE_RETURN)
    expect(r.rules()).toEqual([])
  })

  it('R22: the script touching a held packet or its buffers before MiniportReturnPacket; allowed again after', () => {
    const { r } = returning()
    const rx = receivePool(r)
    const p = rx.make(0)
    r.api.NdisMIndicateReceivePacket(H, [p], 1)
    const first = out()
    r.ndis.NdisGetFirstBufferFromPacket(p, first, out(), out(), out())
    r.ndis.NdisReinitializePacket(p)
    r.ndis.NdisFreePacket(p)
    expect(r.rules().filter((x) => x === 'R22').length).toBeGreaterThanOrEqual(2)
    expect(isIndicated(r.rt, p)).toBe(true)
    r.k.verifier.clear()
    r.scheduler.runUntil(1_000_000)
    r.ndis.NdisReinitializePacket(p)
    expect(r.rules()).not.toContain('R22')
  })

  it('the status the miniport reads after the call is SUCCESS when the protocol copied instead of keeping (§3.4)', () => {
    const { r, calls } = returning({ protocol: { keepFraction: 0 } })
    const rx = receivePool(r)
    const p = rx.make(0)
    r.api.NdisMIndicateReceivePacket(H, [p], 1)
    expect(r.ndis.NDIS_GET_PACKET_STATUS(p)).toBe(NDIS_STATUS_SUCCESS)
    expect(isIndicated(r.rt, p)).toBe(false)
    r.scheduler.runUntil(10_000_000)
    expect(calls).toHaveLength(0)
    expect(r.p.snapshot()).toMatchObject({ indicated: 1, copied: 1, returned: 0, outstanding: 0 })
  })

  it('keepFraction 0.5 keeps about half, from the seeded stream (the same seed keeps the same packets)', () => {
    const run = (seed: number) => {
      const { r } = returning({ protocol: { keepFraction: 0.5 }, seed })
      const rx = receivePool(r, 200)
      const kept: boolean[] = []
      for (let i = 0; i < 200; i++) {
        const p = rx.make(i)
        r.api.NdisMIndicateReceivePacket(H, [p], 1)
        kept.push(isIndicated(r.rt, p))
      }
      return kept
    }
    const a = run(7)
    expect(run(7)).toEqual(a)
    const n = a.filter(Boolean).length
    expect(n).toBeGreaterThan(60)
    expect(n).toBeLessThan(140)
  })
})

describe('Status RESOURCES (ndis5.md §3.3)', () => {
  it('is copied at once, never returned, and the miniport owns the packet when the call returns', () => {
    const { r, calls } = returning()
    const rx = receivePool(r)
    const p = rx.make(0)
    r.ndis.NDIS_SET_PACKET_STATUS(p, NDIS_STATUS_RESOURCES)
    r.api.NdisMIndicateReceivePacket(H, [p], 1)
    expect(r.ndis.NDIS_GET_PACKET_STATUS(p)).toBe(NDIS_STATUS_RESOURCES)
    expect(isIndicated(r.rt, p)).toBe(false)
    r.ndis.NdisReinitializePacket(p)
    expect(r.rules()).toEqual([])
    r.scheduler.runUntil(10_000_000)
    expect(calls).toHaveLength(0)
    expect(r.p.snapshot()).toMatchObject({ indicated: 1, copiedOnResources: 1, returned: 0, outstanding: 0 })
  })

  it('the packet after a RESOURCES one in the same array is treated as RESOURCES too; the one before is kept', () => {
    const { r, calls } = returning()
    const rx = receivePool(r)
    const [a, b, c] = [rx.make(0), rx.make(1), rx.make(2)]
    r.ndis.NDIS_SET_PACKET_STATUS(b, NDIS_STATUS_RESOURCES)
    r.api.NdisMIndicateReceivePacket(H, [a, b, c], 3)
    expect([a, b, c].map((x) => isIndicated(r.rt, x))).toEqual([true, false, false])
    expect(r.ndis.NDIS_GET_PACKET_STATUS(a)).toBe(NDIS_STATUS_PENDING)
    expect(r.ndis.NDIS_GET_PACKET_STATUS(c)).not.toBe(NDIS_STATUS_PENDING)
    r.scheduler.runUntil(10_000_000)
    expect(calls.map((x) => x.packet)).toEqual([a])
    expect(r.p.snapshot()).toMatchObject({ indicated: 3, copiedOnResources: 2, returned: 1, lost: 0 })
  })

  it('only the first NumberOfPackets entries are indicated', () => {
    const { r } = returning()
    const rx = receivePool(r)
    const [a, b] = [rx.make(0), rx.make(1)]
    r.api.NdisMIndicateReceivePacket(H, [a, b], 1)
    expect([isIndicated(r.rt, a), isIndicated(r.rt, b)]).toEqual([true, false])
  })
})

describe('re-indication and argument checks (ndis5.md §3.8, §4 R21, R36, R37)', () => {
  it('R21: indicating a packet the protocol still holds stops the run with 0x7C, P1 5, P3 the packet', () => {
    const { r } = returning()
    const rx = receivePool(r)
    const p = rx.make(0)
    r.api.NdisMIndicateReceivePacket(H, [p], 1)
    const site = r.site(42)
    const bc = bugCheckOf(() => r.api.NdisMIndicateReceivePacket(H, [p], 1))
    expect([bc.code, bc.rule, bc.params[0], bc.params[2] >>> 0, bc.site]).toEqual([0x7c, 'R21', 5, p >>> 0, site])
  })

  it('R21 also for the same packet twice in one array', () => {
    const { r } = returning()
    const rx = receivePool(r)
    const p = rx.make(0)
    expect(bugCheckOf(() => r.api.NdisMIndicateReceivePacket(H, [p, p], 2)).rule).toBe('R21')
  })

  it('a wrong handle, a non-array, a bad count and a non-packet entry are findings, never exceptions', () => {
    const { r } = returning()
    const rx = receivePool(r)
    const p = rx.make(0)
    const api = r.api as unknown as Record<string, (...a: unknown[]) => void>
    api.NdisMIndicateReceivePacket(0x1234, [p], 1)
    api.NdisMIndicateReceivePacket(H, 'packets', 1)
    api.NdisMIndicateReceivePacket(H, [p], 0)
    api.NdisMIndicateReceivePacket(H, [p], 2)
    api.NdisMIndicateReceivePacket(H, [p], NaN)
    api.NdisMIndicateReceivePacket(H, [p], 0.5)
    expect(r.rules()).toEqual(['R36', 'R36', 'R37', 'R37', 'R37', 'R37'])
    expect(r.p.snapshot().indicated).toBe(0)
    r.k.verifier.clear()
    api.NdisMIndicateReceivePacket(H, [0x80001234, 'x', p], 3)
    expect(r.rules()).toEqual(['R36', 'R36'])
    expect(isIndicated(r.rt, p)).toBe(true)
  })

  it('R31: a packet with no buffer chained', () => {
    const { r } = returning()
    receivePool(r)
    const st = out()
    const pool = out()
    r.ndis.NdisAllocatePacketPool(st, pool, 2, 0)
    const p = out()
    r.ndis.NdisAllocatePacket(st, p, pool.value)
    r.api.NdisMIndicateReceivePacket(H, [p.value], 1)
    expect(r.rules()).toContain('R31')
  })

  it('R45: SUCCESS packets from a miniport without ReturnPacketHandler are copied, reported once', () => {
    const r = makeRig()
    const rx = receivePool(r)
    const [a, b] = [rx.make(0), rx.make(1)]
    r.api.NdisMIndicateReceivePacket(H, [a, b], 2)
    expect(r.rules()).toEqual(['R45'])
    expect([isIndicated(r.rt, a), isIndicated(r.rt, b)]).toEqual([false, false])
    expect(r.p.snapshot()).toMatchObject({ indicated: 2, copied: 2, outstanding: 0 })
  })
})

describe('integrity of the indicated frames (wire test-frame format)', () => {
  it('reads frames across several buffers; counts lost, duplicated, reordered, corrupted and unchecked', () => {
    const { r } = returning({ protocol: { keepFraction: 0 } })
    const rx = receivePool(r, 32)
    const indicate = (p: number) => r.api.NdisMIndicateReceivePacket(H, [p], 1)
    indicate(rx.make(0, 60, 3))
    indicate(rx.make(1, 1514, 4))
    indicate(rx.make(3, 200, 2)) // 2 missing
    indicate(rx.make(3, 200, 1)) // duplicate
    indicate(rx.make(2, 60, 1)) // late: reordered, no longer lost
    indicate(rx.make(4, 60, 1)) // in order
    indicate(rx.make(6, 100, 2)) // 5 missing
    indicate(rx.make(7, 100, 1, { corrupt: true }))
    const raw = new Uint8Array(60)
    raw.set([0x02, 0x00, 0x4e, 0x57, 0x42, 0x01]) // to the adapter's address, so NDIS's filter passes it
    raw[12] = 0x08 // an IPv4 EtherType: not a test frame
    indicate(rx.make(0, 60, 1, { raw }))
    indicate(rx.make(9, 60, 1, { stream: 5 }))
    expect(r.p.snapshot()).toMatchObject({
      indicated: 10,
      lost: 1,
      duplicated: 1,
      reordered: 1,
      corrupted: 1,
      unchecked: 2,
      lastHeaderSize: 14,
      noHeaderSize: 0,
    })
    expect(r.rules()).toEqual([])
  })
})

describe('hold time distributions (seeded)', () => {
  const returnTimes = (holdTime: object, seed = 3) => {
    const { r, calls } = returning({ protocol: { holdTime: holdTime as never }, seed })
    const rx = receivePool(r, 64)
    for (let i = 0; i < 64; i++) r.api.NdisMIndicateReceivePacket(H, [rx.make(i)], 1)
    r.scheduler.runUntil(1e9)
    return calls.map((c) => c.t)
  }

  it('uniform stays within [min, max]; exponential has about the mean; the same seed gives the same times', () => {
    const u = returnTimes({ distribution: 'uniform', minNs: 10_000, maxNs: 20_000 })
    expect(u).toHaveLength(64)
    expect(Math.min(...u)).toBeGreaterThanOrEqual(10_000)
    expect(Math.max(...u)).toBeLessThanOrEqual(20_000)
    expect(new Set(u).size).toBeGreaterThan(10)
    expect(returnTimes({ distribution: 'uniform', minNs: 10_000, maxNs: 20_000 })).toEqual(u)
    const e = returnTimes({ distribution: 'exponential', meanNs: 100_000 })
    const mean = e.reduce((s, x) => s + x, 0) / e.length
    expect(mean).toBeGreaterThan(50_000)
    expect(mean).toBeLessThan(200_000)
    expect(e).toEqual([...e].sort((x, y) => x - y))
  })
})

describe('unbind before halt, and halt with packets outstanding (ndis5.md §3.7, §4 R23)', () => {
  it('flushReturns returns every held packet before MiniportHalt, earliest due first; later indications are copied', () => {
    const { r, calls } = returning({ protocol: { holdTime: { distribution: 'uniform', minNs: 0, maxNs: 1_000_000 } } })
    const rx = receivePool(r)
    const ps = [rx.make(0), rx.make(1), rx.make(2)]
    for (const p of ps) r.api.NdisMIndicateReceivePacket(H, [p], 1)
    const due = [...r.p.held.inUse()].map((s) => r.p.held.packet[s])
    r.p.flushReturns()
    expect(calls.map((c) => c.packet)).toEqual(due)
    expect(calls.every((c) => c.irql === DISPATCH_LEVEL && c.t === 0)).toBe(true)
    expect(r.p.snapshot()).toMatchObject({ outstanding: 0, returned: 3 })
    const late = rx.make(3)
    r.api.NdisMIndicateReceivePacket(H, [late], 1)
    expect(isIndicated(r.rt, late)).toBe(false)
    r.p.afterHalt()
    expect(r.rules()).toEqual([])
    r.scheduler.runUntil(1e9)
    expect(calls).toHaveLength(3)
  })

  it('R23: packets still held after MiniportHalt are reported at the line that indicated them', () => {
    const { r, calls } = returning()
    const rx = receivePool(r)
    const [a, b, c] = [rx.make(0), rx.make(1), rx.make(2)]
    const s1 = r.site(100)
    r.api.NdisMIndicateReceivePacket(H, [a, b], 2)
    const s2 = r.site(120)
    r.api.NdisMIndicateReceivePacket(H, [c], 1)
    r.site(200)
    r.p.afterHalt()
    const f = r.k.verifier.findings.filter((x) => x.rule === 'R23')
    expect(f.map((x) => [x.site, x.params[1]])).toEqual([
      [s1, 2],
      [s2, 1],
    ])
    expect(isIndicated(r.rt, a)).toBe(false)
    r.scheduler.runUntil(1e9)
    expect(calls).toHaveLength(0)
  })
})

describe('who owns a packet when NdisMIndicateReceivePacket returns (ReactOS MiniIndicateReceivePacket, ndis5.md §3)', () => {
  it('deserialized, SUCCESS, copied by the protocol: MiniportReturnPacket runs at once, inside the indication', () => {
    const { r, calls } = returning({ deserialized: true, protocol: { keepFraction: 0 } })
    const rx = receivePool(r)
    const p = rx.make(0)
    r.api.NdisMIndicateReceivePacket(H, [p], 1)
    expect(calls).toEqual([{ t: 0, irql: DISPATCH_LEVEL, ctx: r.context, packet: p }])
    expect(isIndicated(r.rt, p)).toBe(false)
    expect(r.p.snapshot()).toMatchObject({ indicated: 1, copied: 1, outstanding: 0 })
    expect(r.rules()).toEqual([])
  })

  it('deserialized, SUCCESS, kept: MiniportReturnPacket only after the hold time', () => {
    const { r, calls } = returning({ deserialized: true })
    const rx = receivePool(r)
    const p = rx.make(0)
    r.api.NdisMIndicateReceivePacket(H, [p], 1)
    expect(calls).toHaveLength(0)
    r.scheduler.runUntil(1_000_000)
    expect(calls.map((c) => [c.t, c.packet])).toEqual([[50_000, p]])
  })

  it('deserialized, RESOURCES: the miniport owns the packet again, and MiniportReturnPacket is not called', () => {
    const { r, calls } = returning({ deserialized: true })
    const rx = receivePool(r)
    const p = rx.make(0)
    r.ndis.NDIS_SET_PACKET_STATUS(p, NDIS_STATUS_RESOURCES)
    r.api.NdisMIndicateReceivePacket(H, [p], 1)
    r.scheduler.runUntil(1_000_000)
    expect(calls).toHaveLength(0)
    expect(isIndicated(r.rt, p)).toBe(false)
    expect(r.p.snapshot()).toMatchObject({ copiedOnResources: 1 })
  })

  it('serialized, SUCCESS, copied: Status stays SUCCESS and MiniportReturnPacket is not called', () => {
    const { r, calls } = returning({ protocol: { keepFraction: 0 } })
    const rx = receivePool(r)
    const p = rx.make(0)
    r.api.NdisMIndicateReceivePacket(H, [p], 1)
    expect(r.ndis.NDIS_GET_PACKET_STATUS(p)).toBe(NDIS_STATUS_SUCCESS)
    r.scheduler.runUntil(1_000_000)
    expect(calls).toHaveLength(0)
    expect(isIndicated(r.rt, p)).toBe(false)
  })

  it('before the binding exists, a packet reaches no protocol; a deserialized miniport gets it back at once', () => {
    const serialized = returning({ bind: false })
    const rx = receivePool(serialized.r)
    const p = rx.make(0)
    serialized.r.api.NdisMIndicateReceivePacket(H, [p], 1)
    expect(serialized.r.p.snapshot().indicated).toBe(0)
    expect(serialized.r.ndis.NDIS_GET_PACKET_STATUS(p)).toBe(NDIS_STATUS_SUCCESS)
    expect(serialized.calls).toHaveLength(0)

    const deserialized = returning({ bind: false, deserialized: true })
    const q = receivePool(deserialized.r).make(0)
    deserialized.r.api.NdisMIndicateReceivePacket(H, [q], 1)
    expect(deserialized.r.p.snapshot().indicated).toBe(0)
    expect(deserialized.calls.map((c) => c.packet)).toEqual([q])
  })
})
