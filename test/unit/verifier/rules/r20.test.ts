// The rule's own test: Allocations outstanding when the driver stops
import { describe } from 'vitest'
import { R20 } from '../../../../core/verifier/catalogue'
import { kernelRuleCase } from './rule-case'

describe('R20: Allocations outstanding when the driver stops', () => {
  kernelRuleCase(R20, (c) => {
    c.at(7)
    c.ndis.NdisAllocateMemoryWithTag(c.o(), 100, 0)
    c.ndis.NdisAllocateMemoryWithTag(c.o(), 28, 0)
    // Found when the driver stops, named at the line that allocated the blocks.
    return { line: 7, params: [0x60, 0, 128, 2], allocatedLine: 7, act: () => void c.k.finish() }
  })
})
