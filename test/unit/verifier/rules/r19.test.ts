// The rule's own test: NdisFreeMemory flags or IRQL do not match the allocation
import { describe } from 'vitest'
import { R19 } from '../../../../core/verifier/catalogue'
import { kernelRuleCase } from './rule-case'

describe('R19: NdisFreeMemory flags or IRQL do not match the allocation', () => {
  kernelRuleCase(R19, (c) => {
    const va = c.o()
    c.ndis.NdisAllocateMemory(va, 16, 0, -1)
    return {
      line: 36,
      params: [0x1013, va.value, 1, 0],
      allocatedLine: 1,
      act: () => c.ndis.NdisFreeMemory(va.value, 16, 1),
    }
  })
})
