// Driver Verifier's special pool in the emulated kernel: guards around every allocation and byte-exact block ends,
// so an overrun is a finding at the access that made it, naming the block and the line that allocated it, for the
// script's accesses (MmWrite, MmView, NdisMoveMemory) and for the controller's DMA.
import { describe, expect, it } from 'vitest'
import { RCTL_BSIZE_SHIFT, RCTL_EN, DESCRIPTOR_SIZE } from '../../../core/controller'
import { Kernel } from '../../../core/kernel/kernel'
import { GUARD_PAGE_BYTES, SHADOW_GUARD } from '../../../core/kernel/memory'
import { vaToPa } from '../../../core/kernel/physical'
import { createNdisLibrary } from '../../../core/ndis/api'
import { BugCheck } from '../../../core/verifier/bugcheck'
import { makeFrame, makeRig } from '../controller/rig'

function setup(options: ConstructorParameters<typeof Kernel>[0] = {}) {
  const k = new Kernel({ memoryBytes: 1 << 20, ...options })
  const ndis = createNdisLibrary(k)
  const site = k.sites.at('driver.ts', 12)
  const va = { value: 0 }
  ndis.NdisAllocateMemoryWithTag(va, 60, 0)
  return { k, ndis, site, block: va.value }
}

function stop(fn: () => void): BugCheck {
  try {
    fn()
  } catch (e) {
    if (e instanceof BugCheck) return e
    throw e
  }
  throw new Error('no bug check')
}

describe('special pool (guards around every allocation)', () => {
  it('names the block, how far past its end the access went, and the line that allocated it', () => {
    const { k, ndis, site, block } = setup()
    k.sites.at('driver.ts', 30)
    const s = stop(() => ndis.MmWrite8(block + 62, 1))
    expect([s.rule, s.code]).toEqual(['R47', 0xd6])
    const f = k.verifier.findings[0]!
    expect(f.message).toBe(
      `write to 0x${(block + 62).toString(16).toUpperCase()}: 3 byte(s) past the end of the 60-byte block at 0x${block.toString(16).toUpperCase()}`,
    )
    expect(f.allocatedSite).toBe(site)
    expect(k.sites.location(f.site).line).toBe(30)
  })

  it('every byte of the block is usable, and nothing beyond it', () => {
    const { ndis, block } = setup()
    for (let i = 0; i < 60; i++) ndis.MmWrite8(block + i, i)
    expect(ndis.MmRead32(block + 56)).toBe(0x3b3a3938)
    expect(stop(() => ndis.MmRead32(block + 57)).rule).toBe('R47')
  })

  it('a view or a copy that runs into the guard is caught when it is made, not silently clipped', () => {
    const a = setup()
    expect(a.ndis.MmView(a.block, 60)).toHaveLength(60)
    expect(stop(() => a.ndis.MmView(a.block, 61)).rule).toBe('R47')
    const b = setup()
    const other = { value: 0 }
    b.ndis.NdisAllocateMemoryWithTag(other, 200, 0)
    expect(stop(() => b.ndis.NdisMoveMemory(b.block, other.value, 100)).rule).toBe('R47')
  })

  it('a long access that skips the guard into the next block is caught by the guard between them', () => {
    const { k, ndis, block } = setup()
    const next = { value: 0 }
    ndis.NdisAllocateMemoryWithTag(next, 64, 0)
    expect(k.memory.shadowOf(block + 64)).toBe(SHADOW_GUARD)
    // Starts live in the first block and ends live in the next: the guard between them is what stops it.
    expect(stop(() => ndis.NdisZeroMemory(block, next.value - block + 8)).rule).toBe('R47')
  })

  it('a page guard after each block (verify end) catches a wild write far past the end', () => {
    const zones = setup()
    const far = { value: 0 }
    zones.ndis.NdisAllocateMemoryWithTag(far, 4096, 0)
    // With 16-byte zones, 200 bytes past the end lands in the next block: live memory, nothing to see.
    zones.ndis.MmWrite8(zones.block + 260, 1)
    expect(zones.k.verifier.findings).toEqual([])
    const page = setup({ specialPool: 'page-after' })
    expect(stop(() => page.ndis.MmWrite8(page.block + 260, 1)).rule).toBe('R47')
    expect(page.k.memory.live.get(page.block)!.guardAfter).toBe(GUARD_PAGE_BYTES)
  })

  it('a page guard before each block (verify start) catches an underrun far before the start', () => {
    const { k, ndis, block } = setup({ specialPool: 'page-before' })
    expect(stop(() => ndis.MmRead8(block - 2000)).rule).toBe('R47')
    expect(k.verifier.findings[0]!.message).toContain('2000 byte(s) before the start of the 60-byte block')
  })

  it('freed memory stays a use after free (R16), not an overrun', () => {
    const { ndis, block } = setup()
    ndis.NdisFreeMemory(block, 60, 0)
    expect(stop(() => ndis.MmRead8(block)).rule).toBe('R16')
  })

  it('with the verifier off the guards are there but nothing is checked', () => {
    const { k, ndis, block } = setup({ verifier: 'off' })
    ndis.MmWrite8(block + 62, 1)
    expect(k.verifier.findings).toEqual([])
  })
})

describe('special pool and the controller DMA (R48)', () => {
  it('a receive buffer smaller than the buffer size the driver programmed: the DMA past its end is a finding naming the block', () => {
    const k = new Kernel({ memoryBytes: 1 << 20 })
    const rig = makeRig({ memory: k.memory, dmaCheck: (va, length, write, pa) => k.checkDma(va, length, write, pa) })
    const allocSite = k.sites.at('driver.ts', 40)
    const ring = k.memory.allocate(4 * DESCRIPTOR_SIZE, 0, 0, allocSite, 'shared')
    const buffers = [0, 1, 2, 3].map(() => k.memory.allocate(256, 0, 0, allocSite, 'shared'))
    k.memory.u8.fill(0, ring - 0x80000000, ring - 0x80000000 + 4 * DESCRIPTOR_SIZE)
    // The descriptors' buffer addresses (the rig's own memory is not the kernel's here: write the kernel's).
    buffers.forEach((b, i) => k.memory.view.setUint32(ring - 0x80000000 + i * DESCRIPTOR_SIZE, vaToPa(b), true))
    rig.write('RDBA', vaToPa(ring))
    rig.write('RDLEN', 4 * DESCRIPTOR_SIZE)
    rig.write('RDH', 0)
    rig.write('RDT', 3)
    // 2048-byte buffers (BSIZE 0) promised, 256-byte buffers given.
    rig.write('RCTL', RCTL_EN | (0 << RCTL_BSIZE_SHIFT))
    k.sites.cell[0] = 0
    expect(rig.c.testControl.injectFrame(makeFrame(1000, 1))).toBe(true)
    rig.run()
    const f = k.verifier.findings.find((x) => x.rule === 'R48')
    expect(f, JSON.stringify(k.verifier.findings)).toBeDefined()
    expect(f!.params.slice(1)).toEqual([vaToPa(buffers[0]!), 1000, 1])
    expect(f!.site).toBe(0)
    expect(f!.allocatedSite).toBe(allocSite)
    expect(f!.message).toContain('past the end of the 256-byte block')
  })
})
