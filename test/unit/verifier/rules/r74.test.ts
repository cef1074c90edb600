// The rule's own test: Descriptor ring length not a multiple of 128 bytes (8254x SDM; the 82540EM model's datasheet check at the register access)
import { describe } from 'vitest'
import { R74 } from '../../../../core/verifier/catalogue'
import { e1000On } from './e1000-case'
import { kernelRuleCase } from './rule-case'

describe('R74: Descriptor ring length not a multiple of 128 bytes', () => {
  kernelRuleCase(
    R74,
    (c) => {
      const d = e1000On(c)
      return { line: 6, params: [0x104a, 0x3808, 100, 0], act: () => d.write('TDLEN', 100) }
    },
    'a transmit ring of 100 bytes',
  )
})
