// The rule's own test: Overflow descriptors clamped to a total of 0xFFFF
import { describe } from 'vitest'
import { R2 } from '../../../../core/verifier/catalogue'
import { kernelRuleCase } from './rule-case'

describe('R2: Overflow descriptors clamped to a total of 0xFFFF', () => {
  kernelRuleCase(R2, (c) => ({
    line: 11,
    params: [0x1002, 0xfffe, 5, 1],
    act: () => c.ndis.NdisAllocatePacketPoolEx(c.o(), c.o(), 0xfffe, 5, 0),
  }))
})
