// The rule's own test: NdisMSynchronizeWithInterrupt after NdisMDeregisterInterrupt
import { describe } from 'vitest'
import { R32 } from '../../../../core/verifier/catalogue'
import { CONNECT_INTERRUPT, ISR, miniport, scriptRuleCase } from './script-case'

describe('R32: NdisMSynchronizeWithInterrupt after NdisMDeregisterInterrupt', () => {
  scriptRuleCase(R32, () => ({
    script: miniport({
      globals: 'let Registers = NULL\nconst Interrupt = new NDIS_MINIPORT_INTERRUPT()',
      init:
        CONNECT_INTERRUPT +
        '\n  NdisMDeregisterInterrupt(Interrupt)\n  NdisMSynchronizeWithInterrupt(Interrupt, () => TRUE, NULL) // HERE',
      functions: ISR,
      characteristics: 'ISRHandler: MiniportISR, HandleInterruptHandler: MiniportHandleInterrupt,',
    }),
    params: (run) => [0x1020, run.miniport.adapter.interrupt!.address, 0, 0],
  }))
})
