// The rule's own test: Descriptor ring base not 16-byte aligned (8254x SDM; the 82540EM model's datasheet check at the register access)
import { describe } from 'vitest'
import { R73 } from '../../../../core/verifier/catalogue'
import { e1000On } from './e1000-case'
import { kernelRuleCase } from './rule-case'

describe('R73: Descriptor ring base not 16-byte aligned', () => {
  kernelRuleCase(
    R73,
    (c) => {
      const d = e1000On(c)
      const pa = d.shared(256) + 8
      return { line: 5, params: [0x1049, 0x2800, pa, 0], act: () => d.write('RDBAL', pa) }
    },
    'a receive ring base 8 bytes off alignment',
  )
})
