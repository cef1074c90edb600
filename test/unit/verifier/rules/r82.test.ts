// The rule's own test: Register access narrower than 32 bits (8254x SDM; the 82540EM model's datasheet check at the register access)
import { describe } from 'vitest'
import { R82 } from '../../../../core/verifier/catalogue'
import { e1000On } from './e1000-case'
import { kernelRuleCase } from './rule-case'

describe('R82: Register access narrower than 32 bits', () => {
  kernelRuleCase(
    R82,
    (c) => {
      const d = e1000On(c)
      return { line: 14, params: [0x1052, 0x00c8, 2, 1], act: () => d.e.writeRegister(0x00c8, 2, 4) }
    },
    'a 16-bit write of ICS',
  )
})
