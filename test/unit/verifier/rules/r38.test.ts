// The rule's own test: Call not emulated
import { describe } from 'vitest'
import { R38 } from '../../../../core/verifier/catalogue'
import { miniport, scriptRuleCase } from './script-case'

describe('R38: Call not emulated', () => {
  scriptRuleCase(R38, () => ({
    script: miniport({ init: '  NdisMapFile(NULL, NULL, NULL) // HERE' }),
    params: () => [0x1026, 0, 0, 0],
  }))
})
