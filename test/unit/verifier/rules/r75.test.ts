// The rule's own test: Descriptor tail written outside the ring (8254x SDM; the 82540EM model's datasheet check at the register access)
import { describe } from 'vitest'
import { R75 } from '../../../../core/verifier/catalogue'
import { e1000On } from './e1000-case'
import { kernelRuleCase } from './rule-case'

describe('R75: Descriptor tail written outside the ring', () => {
  kernelRuleCase(
    R75,
    (c) => {
      const d = e1000On(c)
      d.write('RDLEN', 128)
      return { line: 7, params: [0x104b, 0x2818, 8, 8], act: () => d.write('RDT', 8) }
    },
    'RDT at the ring length',
  )
})
