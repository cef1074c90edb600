// The rule's own test: Packet pool exhausted
import { describe } from 'vitest'
import { R4 } from '../../../../core/verifier/catalogue'
import { kernelRuleCase } from './rule-case'

describe('R4: Packet pool exhausted', () => {
  kernelRuleCase(R4, (c) => {
    const pool = c.pool(1)
    c.packet(pool)
    return { line: 13, params: [0x1004, pool, 1, 1], allocatedLine: 1, act: () => void c.packet(pool) }
  })
})
