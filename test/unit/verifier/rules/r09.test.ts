// The rule's own test: Pool, packet, buffer or memory call above DISPATCH_LEVEL
import { describe } from 'vitest'
import { R9 } from '../../../../core/verifier/catalogue'
import { kernelRuleCase } from './rule-case'

describe('R9: Pool, packet, buffer or memory call above DISPATCH_LEVEL', () => {
  kernelRuleCase(
    R9,
    (c) => {
      const pool = c.pool()
      c.k.raiseIrql(c.k.dirql)
      return { line: 19, params: [0x02, c.k.dirql, 0, 0], act: () => void c.packet(pool) }
    },
    'an allocation above DISPATCH_LEVEL',
  )
  kernelRuleCase(
    R9,
    (c) => {
      const p = c.packet(c.pool())
      c.k.raiseIrql(c.k.dirql)
      return { line: 20, form: 1, params: [0x12, c.k.dirql, 0, p], act: () => c.ndis.NdisFreePacket(p) }
    },
    'a free above DISPATCH_LEVEL',
  )
})
