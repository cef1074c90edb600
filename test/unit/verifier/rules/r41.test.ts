// The rule's own test: Adapter set-up call outside PASSIVE_LEVEL
import { describe } from 'vitest'
import { R41 } from '../../../../core/verifier/catalogue'
import { miniport, scriptRuleCase } from './script-case'

describe('R41: Adapter set-up call outside PASSIVE_LEVEL', () => {
  scriptRuleCase(R41, () => ({
    script: miniport({
      globals: 'const Timer = new NDIS_MINIPORT_TIMER()',
      init: '  NdisMInitializeTimer(Timer, MiniportAdapterHandle, Tick, NULL)\n  NdisMSetTimer(Timer, 1)',
      functions: `function Tick(S1, Context, S2, S3) {
  NdisMAllocateSharedMemory(AdapterHandle, 64, FALSE, { value: 0 }, { value: 0 }) // HERE
}`,
    }),
    params: () => [0x1029, 2, 0, 0],
  }))
})
