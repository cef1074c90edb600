// The rule's own test: Receive indication from a pool with more than 16 bytes of ProtocolReserved
import { markIndicated } from '../../../../core/ndis/ownership'
import { describe } from 'vitest'
import { R3 } from '../../../../core/verifier/catalogue'
import { kernelRuleCase } from './rule-case'

describe('R3: Receive indication from a pool with more than 16 bytes of ProtocolReserved', () => {
  kernelRuleCase(R3, (c) => {
    const pool = c.pool(2, 32)
    const p = c.packet(pool)
    c.ndis.NdisChainBufferAtBack(p, c.buffer())
    // The receive path lends the packet to the protocol (NdisMIndicateReceivePacket at line 12).
    return { line: 12, params: [0x1003, p, pool, 32], allocatedLine: 1, act: () => void markIndicated(c.rt, p) }
  })
})
