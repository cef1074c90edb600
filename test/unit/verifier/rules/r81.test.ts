// The rule's own test: Access to a register the 82540EM does not have (8254x SDM; the 82540EM model's datasheet check at the register access)
import { describe } from 'vitest'
import { R81 } from '../../../../core/verifier/catalogue'
import { e1000On } from './e1000-case'
import { kernelRuleCase } from './rule-case'

describe('R81: Access to a register the 82540EM does not have', () => {
  kernelRuleCase(
    R81,
    (c) => {
      const d = e1000On(c)
      return { line: 13, params: [0x1051, 0x0004, 4, 0], act: () => void d.e.readRegister(0x0004, 4) }
    },
    'a read at 0x0004, between CTRL and STATUS',
  )
})
