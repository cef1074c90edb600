// The rule's own test: MiniportInitialize fails without deregistering the interrupt
import { describe } from 'vitest'
import { MINIPORT_ADAPTER_HANDLE } from '../../../../core/miniport/handles'
import { R25 } from '../../../../core/verifier/catalogue'
import { CONNECT_INTERRUPT, ISR, miniport, scriptRuleCase } from './script-case'

describe('R25: MiniportInitialize fails without deregistering the interrupt', () => {
  scriptRuleCase(R25, () => ({
    script: miniport({
      globals: 'let Registers = NULL\nconst Interrupt = new NDIS_MINIPORT_INTERRUPT()',
      init: CONNECT_INTERRUPT + ' // HERE\n  return NDIS_STATUS_FAILURE',
      functions: ISR,
      characteristics: 'ISRHandler: MiniportISR, HandleInterruptHandler: MiniportHandleInterrupt,',
    }),
    allocatedMarker: '// HERE',
    params: (run) => [0x0b, MINIPORT_ADAPTER_HANDLE, run.miniport.adapter.interrupt!.address, 0],
  }))
})
