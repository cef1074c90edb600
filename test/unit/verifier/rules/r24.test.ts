// The rule's own test: MiniportHalt without NdisMDeregisterInterrupt
import { describe } from 'vitest'
import { MINIPORT_ADAPTER_HANDLE } from '../../../../core/miniport/handles'
import { R24 } from '../../../../core/verifier/catalogue'
import { CONNECT_INTERRUPT, ISR, miniport, scriptRuleCase } from './script-case'

describe('R24: MiniportHalt without NdisMDeregisterInterrupt', () => {
  scriptRuleCase(R24, () => ({
    script: miniport({
      globals: 'let Registers = NULL\nconst Interrupt = new NDIS_MINIPORT_INTERRUPT()',
      init: CONNECT_INTERRUPT + ' // HERE',
      functions: ISR,
      characteristics: 'ISRHandler: MiniportISR, HandleInterruptHandler: MiniportHandleInterrupt,',
    }),
    allocatedMarker: '// HERE',
    params: (run) => [0x08, MINIPORT_ADAPTER_HANDLE, run.miniport.adapter.interrupt!.address, 0],
  }))
})
