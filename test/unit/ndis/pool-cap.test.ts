// The pool-sizing advisor's grant (nicbench advise): NDIS gives each pool the driver creates at most N descriptors,
// and the pools NDIS and the protocol make for themselves keep what they ask for.
import { describe, expect, it } from 'vitest'
import { NDIS_STATUS_RESOURCES, NDIS_STATUS_SUCCESS } from '../../../core/ndis/status'
import { setup } from './helpers'

describe('a pool grant below what the driver asks for', () => {
  it('gives the driver a packet pool of the grant, so the next allocation is RESOURCES', () => {
    const s = setup()
    s.rt.packetPoolCap = 3
    s.k.sites.at('driver.ts', 10)
    const st = s.out()
    const h = s.out()
    s.ndis.NdisAllocatePacketPoolEx(st, h, 16, 8, 16)
    expect(st.value).toBe(NDIS_STATUS_SUCCESS)
    const p = s.out()
    for (let i = 0; i < 3; i++) {
      s.ndis.NdisAllocatePacket(st, p, h.value)
      expect(st.value).toBe(NDIS_STATUS_SUCCESS)
    }
    // The grant takes the overflow descriptors too.
    s.ndis.NdisAllocatePacket(st, p, h.value)
    expect(st.value).toBe(NDIS_STATUS_RESOURCES)
  })

  it("caps the driver's buffer pools, and leaves NDIS's and the protocol's own as asked", () => {
    const s = setup()
    s.rt.bufferPoolCap = 2
    const st = s.out()
    const mine = s.out()
    s.k.sites.at('driver.ts', 20)
    s.ndis.NdisAllocateBufferPool(st, mine, 8)
    s.k.sites.cell[0] = 0
    const protocols = s.out()
    s.ndis.NdisAllocateBufferPool(st, protocols, 8)
    const sizes = s.rt.bufferPools.map((p) => p.numberOfDescriptors)
    expect(sizes).toEqual([2, 8])
  })
})
