// The rule's own test: Receiver or transmitter enabled before its ring is programmed (8254x SDM; the 82540EM model's datasheet check at the register access)
import { describe } from 'vitest'
import { R76 } from '../../../../core/verifier/catalogue'
import { e1000On } from './e1000-case'
import { kernelRuleCase } from './rule-case'

describe('R76: Receiver or transmitter enabled before its ring is programmed', () => {
  kernelRuleCase(
    R76,
    (c) => {
      const d = e1000On(c)
      return { line: 8, params: [0x104c, 0x0100, 0x2, 0], act: () => d.write('RCTL', 0x2) }
    },
    'RCTL.EN with no receive ring',
  )
})
