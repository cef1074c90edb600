// The rule's own test: Buffer chained twice, or the chain has a cycle
import { describe } from 'vitest'
import { R40 } from '../../../../core/verifier/catalogue'
import { kernelRuleCase } from './rule-case'

describe('R40: Buffer chained twice, or the chain has a cycle', () => {
  kernelRuleCase(R40, (c) => {
    const p = c.packet(c.pool())
    const q = c.packet(c.pool())
    const b = c.buffer()
    c.ndis.NdisChainBufferAtBack(p, b)
    return { line: 45, params: [0x1028, q, b, 0], allocatedLine: 1, act: () => c.ndis.NdisChainBufferAtBack(q, b) }
  })
})
