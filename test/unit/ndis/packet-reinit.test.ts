import { LENT, NOT_LENDABLE, STILL_LENT, markIndicated, markReturned } from '../../../core/ndis/ownership'
import { describe, expect, it } from 'vitest'
import { buffers, packet, pool, setup } from './helpers'

describe('NdisReinitializePacket (ndis5.md §1.2, §6)', () => {
  it('sets Head to NULL and ValidCounts to FALSE, leaves Tail stale (header macro)', () => {
    const s = setup()
    const { ndis, k } = s
    const p = packet(ndis, pool(ndis))
    const [b] = buffers(s, [10])
    ndis.NdisChainBufferAtBack(p, b)
    const held = { value: 0 }
    ndis.NdisUnchainBufferAtFront(p, held)
    ndis.NdisChainBufferAtFront(p, held.value)
    ndis.NdisQueryPacketLength(p, held)
    ndis.NdisUnchainBufferAtFront(p, held) // save the chain first, as the founding document requires
    ndis.NdisReinitializePacket(p)
    expect(k.read32(p + 0x08)).toBe(0)
    expect(k.read8(p + 0x1c)).toBe(0)
    expect(k.verifier.findings).toEqual([])
  })

  it('Windows CE (default) zeroes the reserved areas; the desktop setting keeps them; OOB untouched either way', () => {
    for (const platform of ['ce', 'desktop'] as const) {
      const { ndis, k } = setup({ platform })
      const p = packet(ndis, pool(ndis))
      k.write32(ndis.MINIPORT_RESERVED(p), 0x11111111)
      k.write32(ndis.PROTOCOL_RESERVED(p), 0x22222222)
      ndis.NDIS_SET_PACKET_HEADER_SIZE(p, 14)
      ndis.NdisReinitializePacket(p)
      const kept = platform === 'desktop'
      expect(k.read32(ndis.MINIPORT_RESERVED(p))).toBe(kept ? 0x11111111 : 0)
      expect(k.read32(ndis.PROTOCOL_RESERVED(p))).toBe(kept ? 0x22222222 : 0)
      expect(ndis.NDIS_GET_PACKET_HEADER_SIZE(p)).toBe(14)
    }
  })

  it('R6: a chain lost by NdisReinitializePacket is reported at the end with the line that lost it and the line that allocated it', () => {
    const s = setup()
    const { ndis, k } = s
    const p = packet(ndis, pool(ndis))
    const allocSite = k.sites.at('d.ts', 5)
    const [b1, b2] = buffers(s, [8, 8])
    ndis.NdisChainBufferAtBack(p, b1)
    ndis.NdisChainBufferAtBack(p, b2)
    const lostSite = k.sites.at('d.ts', 9)
    ndis.NdisReinitializePacket(p)
    ndis.NdisFreePacket(p)
    const r6 = k.finish().filter((f) => f.rule === 'R6')
    expect(r6).toHaveLength(1)
    expect(r6[0].site).toBe(lostSite)
    expect(r6[0].allocatedSite).toBe(allocSite)
    expect(r6[0].params[3]).toBe(2)
  })

  it('R6 is not reported when the driver kept the pointers and frees the buffers later', () => {
    const s = setup()
    const { ndis, k } = s
    const p = packet(ndis, pool(ndis))
    const [b1] = buffers(s, [8])
    ndis.NdisChainBufferAtBack(p, b1)
    ndis.NdisFreePacket(p)
    ndis.NdisFreeBuffer(b1)
    expect(k.finish().filter((f) => f.rule === 'R6')).toEqual([])
  })

  it('R22: touching a packet the protocol owns (indicated, pended) until it is returned (ndis5.md §3.4)', () => {
    const s = setup()
    const { ndis, k, rt } = s
    const p = packet(ndis, pool(ndis))
    const [b] = buffers(s, [60])
    ndis.NdisChainBufferAtBack(p, b)
    expect(markIndicated(rt, p)).toBe(LENT)
    ndis.NdisReinitializePacket(p)
    ndis.NdisFreePacket(p)
    ndis.NdisQueryBuffer(b, null, { value: 0 })
    expect(ndis.NDIS_GET_PACKET_STATUS(p)).toBe(0) // reading the status after the indication is allowed
    expect(k.verifier.findings.map((f) => f.rule)).toEqual(['R22', 'R22', 'R22'])
    markReturned(rt, p)
    ndis.NdisReinitializePacket(p)
    expect(k.verifier.count('R22')).toBe(3)
  })

  it('markIndicated: R31 with an empty chain, R3 from a pool with > 16 bytes of ProtocolReserved; a packet still lent says so', () => {
    const { ndis, k, rt } = setup()
    const p = packet(ndis, pool(ndis, 2, 24))
    expect(markIndicated(rt, p)).toBe(LENT)
    expect(k.verifier.findings.map((f) => f.rule)).toEqual(['R31', 'R3'])
    // Indicating it again is R21, which the indication reports (it knows the miniport block and the array).
    expect(markIndicated(rt, p)).toBe(STILL_LENT)
    expect(markIndicated(rt, 0x1234)).toBe(NOT_LENDABLE)
  })
})

describe('R6 found at once when the chain can no longer be recovered', () => {
  it('NdisFreeBufferPool with lost buffers reports R6 at once (then R8), not again at the end', () => {
    const s = setup()
    const { ndis, k } = s
    const p = packet(ndis, pool(ndis))
    const st = { value: 0 }
    const bp = { value: 0 }
    ndis.NdisAllocateBufferPool(st, bp, 2)
    const va = { value: 0 }
    ndis.NdisAllocateMemoryWithTag(va, 8, 0)
    const b = { value: 0 }
    ndis.NdisAllocateBuffer(st, b, bp.value, va.value, 8)
    ndis.NdisChainBufferAtBack(p, b.value)
    const lostAt = k.sites.at('d.ts', 12)
    ndis.NdisReinitializePacket(p)
    k.sites.at('d.ts', 13)
    ndis.NdisFreeBufferPool(bp.value)
    expect(k.verifier.findings.map((f) => [f.rule, k.sites.location(f.site).line])).toEqual([
      ['R6', 12],
      ['R8', 13],
    ])
    expect(k.verifier.findings[0].site).toBe(lostAt)
    ndis.NdisFreePacket(p)
    ndis.NdisFreeMemory(va.value, 8, 0)
    ndis.NdisFreePacketPool(ndis.NdisGetPoolFromPacket(p))
    expect(k.finish().map((f) => f.rule)).toEqual(['R6', 'R8'])
  })
})
