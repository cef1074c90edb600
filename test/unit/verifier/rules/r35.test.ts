// The rule's own test: NdisFreeBuffer of a buffer still chained to a packet
import { describe } from 'vitest'
import { R35 } from '../../../../core/verifier/catalogue'
import { kernelRuleCase } from './rule-case'

describe('R35: NdisFreeBuffer of a buffer still chained to a packet', () => {
  kernelRuleCase(R35, (c) => {
    const p = c.packet(c.pool())
    const b = c.buffer()
    c.ndis.NdisChainBufferAtBack(p, b)
    return { line: 41, params: [0x1023, b, p, 0], allocatedLine: 1, act: () => c.ndis.NdisFreeBuffer(b) }
  })
})
