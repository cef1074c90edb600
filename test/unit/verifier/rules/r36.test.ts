// The rule's own test: Not a live object of the expected kind
import { describe } from 'vitest'
import { EXPECTED_PACKET, R36 } from '../../../../core/verifier/catalogue'
import { kernelRuleCase } from './rule-case'

describe('R36: Not a live object of the expected kind', () => {
  kernelRuleCase(R36, (c) => ({
    line: 42,
    params: [0x1024, 0x4242, EXPECTED_PACKET, 0],
    act: () => c.ndis.NdisQueryPacket(0x4242, null, null, null, null),
  }))
})
