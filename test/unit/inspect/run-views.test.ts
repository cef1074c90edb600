// Inspection queries on a real run of the reference miniport and on real NDIS library calls: pools, packets by
// owner (ndis5.md §3 ownership), descriptor fields at their x86 offsets (§2.1, §1.6), chains, controller, trace.
import { describe, expect, it } from 'vitest'
import { controllerSnapshot } from '../../../core/inspect/controller'
import { findingRows } from '../../../core/inspect/findings'
import { packetDetail } from '../../../core/inspect/packet-detail'
import { listPackets, walkChain } from '../../../core/inspect/packets'
import { PoolRates, poolRows } from '../../../core/inspect/pools'
import { traceRows } from '../../../core/inspect/trace'
import { KVA_BASE } from '../../../core/kernel/memory'
import { buffers, packet, pool, setup } from '../ndis/helpers'
import { startRun } from '../../support/real-run'

describe('inspection of a running reference miniport', () => {
  const run = startRun(undefined, { scenario: { name: 'one second', duration: '1s' } })
  run.advance(2_000)

  it('lists the pools the script made with their statistics', () => {
    const rows = poolRows(run.kernel)
    const packets = rows.find((r) => r.kind === 'packet')!
    expect(packets.createdAt.file).toBe('driver.ts')
    expect(packets.createdAt.line).toBeGreaterThan(0)
    expect(packets.allocations).toBeGreaterThan(0)
    expect(packets.inUse + packets.free).toBe(packets.numberOfDescriptors + packets.overflowDescriptors)
    expect(rows.some((r) => r.kind === 'buffer')).toBe(true)
  })

  it('gives allocation rates per second of virtual time between two calls', () => {
    const rates = new PoolRates()
    rates.rates(run.kernel, run.scheduler.nowNs)
    const before = poolRows(run.kernel).find((r) => r.kind === 'packet')!.allocations
    const t0 = run.scheduler.nowNs
    run.advance(5_000)
    const rate = rates.rates(run.kernel, run.scheduler.nowNs)
    const row = poolRows(run.kernel, rate).find((r) => r.kind === 'packet')!
    expect(row.allocationRate).toBeCloseTo(((row.allocations - before) * 1e9) / (run.scheduler.nowNs - t0), 6)
  })

  it('groups packets by owner and shows one with its chain, bytes and decoded Ethernet header', () => {
    const list = listPackets(run.kernel)
    const order = list.map((p) => ['miniport', 'protocol', 'free'].indexOf(p.owner))
    expect(order).toEqual([...order].sort((a, b) => a - b))
    const chained = list.find((p) => p.owner !== 'free' && p.bufferCount > 0)!
    expect(chained).toBeDefined()
    const detail = packetDetail(run.kernel, chained.address)!
    expect(detail.chain.length).toBe(chained.bufferCount)
    expect(detail.fields.find((f) => f.name === 'Private.Head')).toMatchObject({
      offset: 0x08,
      value: detail.chain[0]!.address,
      link: { kind: 'buffer', address: detail.chain[0]!.address },
    })
    expect(detail.fields.find((f) => f.name === 'Private.Pool')!.value).toBe(chained.pool)
    expect(detail.bytes.length).toBe(Math.min(chained.totalLength, 16384))
    expect(detail.decode[0]!.label).toMatch(/^Ethernet II/)
    expect(detail.decode[0]).toMatchObject({ start: 0, length: 14 })
    // Level full keeps the ownership history (ndis5.md §3): a packet the protocol holds was last indicated.
    if (chained.owner === 'protocol') expect(detail.history.at(-1)).toMatchObject({ event: 'indicated' })
    expect(detail.history.length).toBeGreaterThan(0)
    expect(detail.history.every((h, i) => i === 0 || h.timeNs >= detail.history[i - 1]!.timeNs)).toBe(true)
  })

  it('answers null for an address that is not a packet', () => {
    expect(packetDetail(run.kernel, 0)).toBeNull()
    expect(packetDetail(run.kernel, 0x80000001)).toBeNull()
    expect(packetDetail(run.kernel, NaN)).toBeNull()
  })

  it('snapshots the controller with its receive ring', () => {
    const c = controllerSnapshot(run.controller)
    expect(c.registers.find((r) => r.name === 'RDLEN')).toBeDefined()
    expect(c.rx.size).toBeGreaterThan(0)
    expect(c.rx.slots.length).toBe(c.rx.size)
    expect(c.totals['rxFrames']).toBe(run.receivedFrames)
    expect(c.linkUp).toBe(true)
  })

  it('pages the trace and filters by kind', () => {
    const all = traceRows(run.log, run.sites, 0, 50, [])
    expect(all.length).toBe(50)
    expect(all.map((r) => r.seq)).toEqual(all.map((_, i) => all[0]!.seq + i))
    const isr = traceRows(run.log, run.sites, 0, 20, ['isr'])
    expect(isr.length).toBeGreaterThan(0)
    expect(isr.every((r) => r.kind === 'isr')).toBe(true)
    expect(traceRows(run.log, run.sites, -5, NaN, [])).toEqual([])
  })
})

describe('packet detail from NDIS library calls', () => {
  it('places every descriptor field at its x86 offset and reads ProtocolReserved and the OOB block', () => {
    const s = setup()
    const p = packet(s.ndis, pool(s.ndis, 4, 8))
    const [a, b] = buffers(s, [6, 10])
    s.ndis.NdisChainBufferAtBack(p, a)
    s.ndis.NdisChainBufferAtBack(p, b)
    s.k.memory.u32[(p + 0x38 - KVA_BASE) >>> 2] = 0x11223344
    const detail = packetDetail(s.k, p)!
    const byName = new Map(detail.fields.map((f) => [f.name, f]))
    expect(byName.get('Private.Tail')).toMatchObject({ offset: 0x0c, value: b })
    expect(byName.get('MiniportReserved[0]')!.offset).toBe(0x20)
    expect(byName.get('ProtocolReserved[0]')).toMatchObject({ offset: 0x38, value: 0x11223344 })
    expect(byName.get('ProtocolReserved[4]')!.offset).toBe(0x3c)
    // OOB follows sizeof(NDIS_PACKET) + ProtocolReservedLength (ndis5.md §2.2): 0x3C + 8 = 0x44.
    expect(byName.get('Oob.TimeToSend')).toMatchObject({ offset: 0x44, size: 8 })
    expect(byName.get('Oob.Status')).toMatchObject({ offset: 0x44 + 0x1c })
    expect(byName.get('NdisPacketInfo[Ieee8021QInfo]')!.offset).toBe(0x44 + 0x20 + 6 * 4)
    expect(detail.chain.map((c) => [c.address, c.byteCount, c.frameOffset])).toEqual([
      [a, 6, 0],
      [b, 10, 6],
    ])
    expect(detail.bytes).toHaveLength(16)
    expect(detail.descriptorBytes.length).toBe(0x44 + 0x20 + 48)
    // The frame runs across both buffers: the source address starts in the first and ends in the second.
    expect(detail.decode[0]!.label).toBe('Ethernet II, 40:41:42:43:44:45 → 00:01:02:03:04:05')
  })

  it('walks a cyclic or wild chain without hanging and says where it broke', () => {
    const s = setup()
    const p = packet(s.ndis, pool(s.ndis))
    const [a, b] = buffers(s, [4, 4])
    s.ndis.NdisChainBufferAtBack(p, a)
    s.ndis.NdisChainBufferAtBack(p, b)
    // A driver scribble: b's Next points back at a.
    s.k.memory.u32[(b - KVA_BASE) >>> 2] = a
    const cyclic = walkChain(s.k, p)
    expect(cyclic.buffers.map((x) => x.address)).toEqual([a, b])
    expect(cyclic.broken).toMatch(/has a cycle at/)
    s.k.memory.u32[(b - KVA_BASE) >>> 2] = 0x1234
    expect(walkChain(s.k, p).broken).toMatch(/reaches a freed or foreign buffer descriptor at 0x00001234/)
    expect(packetDetail(s.k, p)!.chain).toHaveLength(2)
  })

  it('gives findings with the catalogue meaning of each parameter', () => {
    const s = setup()
    const h = pool(s.ndis)
    const p = packet(s.ndis, h)
    s.ndis.NdisFreePacket(p)
    s.ndis.NdisFreePacket(p)
    const rows = findingRows(s.k.sites, s.k.verifier.findings)
    const r5 = rows.find((r) => r.rule === 'R5')!
    expect(r5.title.length).toBeGreaterThan(0)
    expect(r5.paramMeanings.every((m) => typeof m === 'string')).toBe(true)
    expect(r5.params[1]).toBe('0x' + p.toString(16).toUpperCase().padStart(8, '0'))
  })
})
