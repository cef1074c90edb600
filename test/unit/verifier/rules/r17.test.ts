// The rule's own test: Zero-byte memory allocation
import { describe } from 'vitest'
import { R17 } from '../../../../core/verifier/catalogue'
import { kernelRuleCase } from './rule-case'

describe('R17: Zero-byte memory allocation', () => {
  kernelRuleCase(R17, (c) => ({
    line: 33,
    params: [0x00, 0, 0, 0],
    act: () => void c.ndis.NdisAllocateMemoryWithTag(c.o(), 0, 0),
  }))
})
