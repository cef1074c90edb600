// The rule's own test: Register accessed while the device reset is in progress (8254x SDM; the 82540EM model's datasheet check at the register access)
import { describe } from 'vitest'
import { R78 } from '../../../../core/verifier/catalogue'
import { e1000On } from './e1000-case'
import { kernelRuleCase } from './rule-case'

describe('R78: Register accessed while the device reset is in progress', () => {
  kernelRuleCase(
    R78,
    (c) => {
      const d = e1000On(c)
      d.write('CTRL', 1 << 26)
      return { line: 10, params: [0x104e, 0x0008, 0, 1 << 26], act: () => void d.read('STATUS') }
    },
    'a read of STATUS right after CTRL.RST',
  )
})
