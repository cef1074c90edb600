// The rule's own test: EEPROM read started before the previous one completed (EERD.DONE) (8254x SDM; the 82540EM model's datasheet check at the register access)
import { describe } from 'vitest'
import { R79 } from '../../../../core/verifier/catalogue'
import { e1000On } from './e1000-case'
import { kernelRuleCase } from './rule-case'

describe('R79: EEPROM read started before the previous one completed (EERD.DONE)', () => {
  kernelRuleCase(
    R79,
    (c) => {
      const d = e1000On(c)
      d.write('EERD', 0x0001)
      return { line: 11, params: [0x104f, 0x0101, 0, 0], act: () => d.write('EERD', 0x0101) }
    },
    'a second EERD START before DONE was seen',
  )
})
