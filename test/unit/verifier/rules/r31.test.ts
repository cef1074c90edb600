// The rule's own test: Sending or indicating a packet with an empty buffer chain
import { markIndicated } from '../../../../core/ndis/ownership'
import { describe } from 'vitest'
import { R31 } from '../../../../core/verifier/catalogue'
import { kernelRuleCase } from './rule-case'

describe('R31: Sending or indicating a packet with an empty buffer chain', () => {
  kernelRuleCase(R31, (c) => {
    const p = c.packet(c.pool())
    return { line: 38, params: [0x101f, p, 0, 0], allocatedLine: 1, act: () => void markIndicated(c.rt, p) }
  })
})
