// The rule's own test: Non-Safe buffer or packet call when a mapping fails
import { describe, expect, it } from 'vitest'
import { installLowResources } from '../../../../core/verifier/low-resources'
import { R34 } from '../../../../core/verifier/catalogue'
import { kernelCtx, kernelRuleCase } from './rule-case'

describe('R34: Non-Safe buffer or packet call when a mapping fails', () => {
  kernelRuleCase(R34, (c) => {
    const b = c.buffer()
    installLowResources(c.k, [{ kind: 'nth', n: 1, calls: ['MmGetSystemAddressForMdlSafe'] }], 1)
    return { line: 40, params: [0x1022, b, 0, 0], act: () => c.ndis.NdisQueryBuffer(b, c.o(), c.o()) }
  })
  it('the Safe call gives NULL instead, and the driver goes on', () => {
    const c = kernelCtx()
    const b = c.buffer()
    installLowResources(c.k, [{ kind: 'nth', n: 1, calls: ['MmGetSystemAddressForMdlSafe'] }], 1)
    const va = c.o()
    c.ndis.NdisQueryBufferSafe(b, va, c.o(), 0)
    expect(va.value).toBe(0)
    c.ndis.NdisQueryBufferSafe(b, va, c.o(), 0)
    expect(va.value).not.toBe(0)
    expect(c.k.verifier.findings).toEqual([])
  })
})
