// The rule's own test: Write to a read-only register or to reserved bits (8254x SDM; the 82540EM model's datasheet check at the register access)
import { describe } from 'vitest'
import { R77 } from '../../../../core/verifier/catalogue'
import { e1000On } from './e1000-case'
import { kernelRuleCase } from './rule-case'

describe('R77: Write to a read-only register or to reserved bits', () => {
  kernelRuleCase(
    R77,
    (c) => {
      const d = e1000On(c)
      return { line: 9, params: [0x104d, 0x0008, 0x3, 0x3], act: () => d.write('STATUS', 0x3) }
    },
    'a write to STATUS',
  )
})
