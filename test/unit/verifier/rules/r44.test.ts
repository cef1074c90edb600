// The rule's own test: NdisStallExecution longer than 50 µs
import { describe } from 'vitest'
import { R44 } from '../../../../core/verifier/catalogue'
import { miniport, scriptRuleCase } from './script-case'

describe('R44: NdisStallExecution longer than 50 µs', () => {
  scriptRuleCase(R44, () => ({
    script: miniport({ init: '  NdisStallExecution(100) // HERE' }),
    params: () => [0x102c, 100, 50, 0],
  }))
})
