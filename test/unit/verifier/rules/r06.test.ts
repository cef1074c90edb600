// The rule's own test: Buffer chain lost by NdisFreePacket or NdisReinitializePacket
import { describe } from 'vitest'
import { R6 } from '../../../../core/verifier/catalogue'
import { kernelRuleCase } from './rule-case'

describe('R6: Buffer chain lost by NdisFreePacket or NdisReinitializePacket', () => {
  kernelRuleCase(R6, (c) => {
    const p = c.packet(c.pool())
    const b = c.buffer()
    c.ndis.NdisChainBufferAtBack(p, b)
    // Lost at line 16 by the free; found at the end of the run, named at the line that lost it.
    return {
      line: 16,
      params: [0x1006, p, b, 1],
      allocatedLine: 1,
      act: () => {
        c.ndis.NdisFreePacket(p)
        c.at(99)
        c.k.finish()
      },
    }
  })
})
