// Pool rows and the report list every pool the run created, freed ones included, and count what the protocol holds.
import { markIndicated, markReturned } from '../../../core/ndis/ownership'
import { describe, expect, it } from 'vitest'
import { Kernel } from '../../../core/kernel/kernel'
import { createNdisLibrary } from '../../../core/ndis/api'
import { ndisRuntime } from '../../../core/ndis/instance'
import { poolRows } from '../../../core/inspect/pools'

describe('pool rows', () => {
  it('keep a freed pool, marked freed, and count packets lent to the protocol', () => {
    const k = new Kernel()
    const ndis = createNdisLibrary(k)
    const status = { value: 0 }
    const pool = { value: 0 }
    const packet = { value: 0 }
    k.sites.at('driver.ts', 10)
    ndis.NdisAllocatePacketPool(status, pool, 8, 16)
    const buffers = { value: 0 }
    ndis.NdisAllocateBufferPool(status, buffers, 8)
    const memory = { value: 0 }
    ndis.NdisAllocateMemoryWithTag(memory, 64, 0)
    const buffer = { value: 0 }
    ndis.NdisAllocateBuffer(status, buffer, buffers.value, memory.value, 64)
    ndis.NdisAllocatePacket(status, packet, pool.value)
    ndis.NdisChainBufferAtBack(packet.value, buffer.value)
    expect(markIndicated(ndisRuntime(k), packet.value)).toBe(0)
    const lent = poolRows(k)
    expect(lent.map((r) => [r.kind, r.inUse, r.heldByProtocol])).toEqual([
      ['packet', 1, 1],
      ['buffer', 1, 1],
    ])
    markReturned(ndisRuntime(k), packet.value)
    ndis.NdisUnchainBufferAtFront(packet.value, buffer)
    ndis.NdisFreePacket(packet.value)
    ndis.NdisFreePacketPool(pool.value)
    const rows = poolRows(k)
    expect(rows[0]).toMatchObject({ kind: 'packet', freed: true, inUse: 0, heldByProtocol: 0, allocations: 1 })
    expect(rows[0]!.createdAt).toMatchObject({ file: 'driver.ts', line: 10 })
  })
})
