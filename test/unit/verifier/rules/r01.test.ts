// The rule's own test: Packet pool of more than 0xFFFF descriptors
import { describe } from 'vitest'
import { R1 } from '../../../../core/verifier/catalogue'
import { kernelRuleCase } from './rule-case'

describe('R1: Packet pool of more than 0xFFFF descriptors', () => {
  kernelRuleCase(R1, (c) => ({
    line: 10,
    params: [0x1001, 0x10000, 0, 0],
    act: () => c.ndis.NdisAllocatePacketPool(c.o(), c.o(), 0x10000, 16),
  }))
})
