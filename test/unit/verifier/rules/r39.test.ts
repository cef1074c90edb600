// The rule's own test: NdisAllocateBuffer over memory that is not allocated non-paged memory
import { describe } from 'vitest'
import { R39 } from '../../../../core/verifier/catalogue'
import { kernelRuleCase } from './rule-case'

describe('R39: NdisAllocateBuffer over memory that is not allocated non-paged memory', () => {
  kernelRuleCase(R39, (c) => {
    const pool = c.bufferPool()
    return {
      line: 44,
      params: [0x1027, 0x80070000, 16, 0],
      act: () => c.ndis.NdisAllocateBuffer(c.o(), c.o(), pool, 0x80070000, 16),
    }
  })
})
