// The rule's own test: Freeing a packet that is not allocated (double free or foreign packet)
import { describe } from 'vitest'
import { DESC_FREE } from '../../../../core/ndis/packet-pool'
import { R5 } from '../../../../core/verifier/catalogue'
import { kernelRuleCase } from './rule-case'

describe('R5: Freeing a packet that is not allocated (double free or foreign packet)', () => {
  kernelRuleCase(
    R5,
    (c) => {
      const pool = c.pool()
      const p = c.packet(pool)
      c.ndis.NdisFreePacket(p)
      return { line: 14, params: [0x1005, p, pool, DESC_FREE], act: () => c.ndis.NdisFreePacket(p) }
    },
    'a double free',
  )
  kernelRuleCase(
    R5,
    (c) => {
      const va = c.o()
      c.ndis.NdisAllocateMemoryWithTag(va, 64, 0)
      return { line: 15, params: [0x1005, va.value, 0, 0], act: () => c.ndis.NdisFreePacket(va.value) }
    },
    'memory that is no packet',
  )
})
