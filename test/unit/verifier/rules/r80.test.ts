// The rule's own test: Receive descriptor buffer not in shared memory or smaller than the buffer size (8254x SDM; the 82540EM model's datasheet check at the register access)
import { describe } from 'vitest'
import { KVA_BASE } from '../../../../core/kernel/memory'
import { paToVa } from '../../../../core/kernel/physical'
import { R80 } from '../../../../core/verifier/catalogue'
import { e1000On } from './e1000-case'
import { kernelRuleCase } from './rule-case'

describe('R80: Receive descriptor buffer not in shared memory or smaller than the buffer size', () => {
  kernelRuleCase(
    R80,
    (c) => {
      const d = e1000On(c)
      const ring = d.shared(128)
      const small = d.shared(256)
      c.k.memory.view.setUint32(paToVa(ring) - KVA_BASE, small, true)
      d.write('RDBAL', ring)
      d.write('RDLEN', 128)
      return { line: 12, params: [0x1050, 0, small, 2048], act: () => d.write('RDT', 1) }
    },
    'a receive descriptor pointing at a 256-byte buffer with 2048-byte BSIZE',
  )
})
