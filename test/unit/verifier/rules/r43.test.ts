// The rule's own test: Interrupt storm: the interrupt stays asserted and the DPC never runs
import { describe } from 'vitest'
import { R43 } from '../../../../core/verifier/catalogue'
import { CONNECT_INTERRUPT, miniport, scriptRuleCase } from './script-case'

describe('R43: Interrupt storm: the interrupt stays asserted and the DPC never runs', () => {
  scriptRuleCase(R43, () => ({
    script: miniport({
      globals: 'let Registers = NULL\nconst Interrupt = new NDIS_MINIPORT_INTERRUPT()',
      // Interrupt on link change, and one link change now: the ISR never reads ICR, so the line stays asserted.
      init:
        CONNECT_INTERRUPT +
        '\n  NdisWriteRegisterUlong(Registers + 0x10, 0x4)\n  NdisWriteRegisterUlong(Registers + 0x0c, 0x4)',
      functions: `function MiniportISR(InterruptRecognized, QueueMiniportHandleInterrupt, Context) {
  InterruptRecognized.value = TRUE
  QueueMiniportHandleInterrupt.value = TRUE
}
function MiniportHandleInterrupt(Context) {}`,
      characteristics: 'ISRHandler: MiniportISR, HandleInterruptHandler: MiniportHandleInterrupt,',
    }),
    // Named at the ISR that claims the interrupt and never clears its causes.
    marker: 'function MiniportISR',
    params: (run) => [1, 1000, 0x4, run.miniport.adapter.interrupt!.address],
  }))
})
