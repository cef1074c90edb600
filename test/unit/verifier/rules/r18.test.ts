// The rule's own test: NdisFreeMemory of an address not allocated (or already freed)
import { describe } from 'vitest'
import { R18 } from '../../../../core/verifier/catalogue'
import { kernelRuleCase } from './rule-case'

describe('R18: NdisFreeMemory of an address not allocated (or already freed)', () => {
  kernelRuleCase(
    R18,
    (c) => ({
      line: 34,
      params: [0x10, 0x80000400, 0, 0],
      act: () => c.ndis.NdisFreeMemory(0x80000400, 16, 0),
    }),
    'an address never allocated',
  )
  kernelRuleCase(
    R18,
    (c) => {
      const va = c.o()
      c.ndis.NdisAllocateMemoryWithTag(va, 16, 0)
      c.ndis.NdisFreeMemory(va.value, 16, 0)
      return { line: 35, form: 1, params: [0x13, 0, va.value, 0], act: () => c.ndis.NdisFreeMemory(va.value, 16, 0) }
    },
    'an address already freed',
  )
})
