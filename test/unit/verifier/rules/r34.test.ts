// The rule's own test: Non-Safe buffer or packet call when a mapping fails
import { describe, expect, it } from 'vitest'
import { installLowResources } from '../../../../core/verifier/low-resources'
import { R34 } from '../../../../core/verifier/catalogue'
import { kernelCtx, kernelRuleCase, type KernelCtx } from './rule-case'

/**
 * A buffer the protocol made (a send's locked pages): only such a buffer needs a system mapping that can fail; the
 * driver's own buffers describe its non-paged memory, whose mapping is always there.
 */
function protocolBuffer(c: KernelCtx): number {
  const cell = c.k.sites.cell
  const was = cell[0]!
  cell[0] = 0
  const pool = { value: 0 }
  c.ndis.NdisAllocateBufferPool({ value: 0 }, pool, 4)
  const va = { value: 0 }
  c.ndis.NdisAllocateMemoryWithTag(va, 32, 0)
  const b = { value: 0 }
  c.ndis.NdisAllocateBuffer({ value: 0 }, b, pool.value, va.value, 32)
  cell[0] = was
  return b.value
}

describe('R34: Non-Safe buffer or packet call when a mapping fails', () => {
  kernelRuleCase(R34, (c) => {
    const b = protocolBuffer(c)
    installLowResources(c.k, [{ kind: 'nth', n: 1, calls: ['MmGetSystemAddressForMdlSafe'] }], 1)
    return { line: 40, params: [0x1022, b, 0, 0], act: () => c.ndis.NdisQueryBuffer(b, c.o(), c.o()) }
  })
  it('the Safe call gives NULL instead, and the driver goes on', () => {
    const c = kernelCtx()
    const b = protocolBuffer(c)
    installLowResources(c.k, [{ kind: 'nth', n: 1, calls: ['MmGetSystemAddressForMdlSafe'] }], 1)
    const va = c.o()
    c.ndis.NdisQueryBufferSafe(b, va, c.o(), 0)
    expect(va.value).toBe(0)
    c.ndis.NdisQueryBufferSafe(b, va, c.o(), 0)
    expect(va.value).not.toBe(0)
    expect(c.k.verifier.findings).toEqual([])
  })
  it("never fails the mapping of the driver's own buffer: it describes non-paged memory", () => {
    const c = kernelCtx()
    const b = c.buffer()
    installLowResources(c.k, [{ kind: 'fraction', fraction: 1, calls: ['MmGetSystemAddressForMdlSafe'] }], 1)
    const va = c.o()
    c.ndis.NdisQueryBuffer(b, va, c.o())
    expect(va.value).not.toBe(0)
    expect(c.k.verifier.findings).toEqual([])
  })
})
