// The rule's own test: Touching a packet (or its buffers) while the protocol owns it
import { markIndicated } from '../../../../core/ndis/ownership'
import { describe } from 'vitest'
import { DESC_INDICATED } from '../../../../core/ndis/packet-pool'
import { R22 } from '../../../../core/verifier/catalogue'
import { kernelRuleCase } from './rule-case'

describe('R22: Touching a packet (or its buffers) while the protocol owns it', () => {
  kernelRuleCase(R22, (c) => {
    const p = c.packet(c.pool())
    c.ndis.NdisChainBufferAtBack(p, c.buffer())
    markIndicated(c.rt, p)
    return {
      line: 37,
      params: [0x1016, p, DESC_INDICATED, 0],
      allocatedLine: 1,
      act: () => c.ndis.NdisReinitializePacket(p),
    }
  })
})
