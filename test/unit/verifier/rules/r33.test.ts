// The rule's own test: NdisAllocateBuffer with a NULL address or zero length
import { describe } from 'vitest'
import { R33 } from '../../../../core/verifier/catalogue'
import { kernelRuleCase } from './rule-case'

describe('R33: NdisAllocateBuffer with a NULL address or zero length', () => {
  kernelRuleCase(R33, (c) => {
    const va = c.o()
    c.ndis.NdisAllocateMemoryWithTag(va, 16, 0)
    const pool = c.bufferPool()
    return {
      line: 39,
      params: [0x1021, va.value, 0, 0],
      act: () => c.ndis.NdisAllocateBuffer(c.o(), c.o(), pool, va.value, 0),
    }
  })
})
