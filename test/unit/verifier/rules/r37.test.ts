// The rule's own test: Argument is not a valid unsigned integer
import { describe } from 'vitest'
import { R37 } from '../../../../core/verifier/catalogue'
import { kernelRuleCase } from './rule-case'

describe('R37: Argument is not a valid unsigned integer', () => {
  kernelRuleCase(R37, (c) => ({
    line: 43,
    params: [0x1025, 3, 0, 0],
    act: () => c.ndis.NdisAllocatePacketPool(c.o(), c.o(), 1.5, 16),
  }))
})
