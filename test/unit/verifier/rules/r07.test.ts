// The rule's own test: NdisFreePacketPool with packets outstanding
import { describe } from 'vitest'
import { R7 } from '../../../../core/verifier/catalogue'
import { kernelRuleCase } from './rule-case'

describe('R7: NdisFreePacketPool with packets outstanding', () => {
  kernelRuleCase(R7, (c) => {
    const pool = c.pool()
    c.packet(pool)
    return { line: 17, params: [0x1007, pool, 1, 0], allocatedLine: 1, act: () => c.ndis.NdisFreePacketPool(pool) }
  })
})
