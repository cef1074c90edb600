// ../shared/reference/ndis5.md §1.10 (MiniportISR / MiniportHandleInterrupt) and §4 R15 (0x133)
import { defineRule } from '../rule'

export const R43 = defineRule({
  id: 'R43',
  title: 'Interrupt storm: the interrupt stays asserted and the DPC never runs',
  severity: 'error',
  stops: true,
  class: 'interrupts',
  level: 'standard',
  forms: [
    {
      code: 0x133,
      p1: 0x1,
      params: [
        '1 (time at DISPATCH_LEVEL or above ran out)',
        'ISRs run without the DPC',
        'interrupt causes pending',
        'NDIS_MINIPORT_INTERRUPT',
      ],
      when: '',
    },
  ],
  withoutVerifier:
    "an interrupt that never deasserts keeps the processor at DIRQL; Windows' DPC watchdog stops it without Driver Verifier [WDD:bug-check-0x133-dpc-watchdog-violation]",
  explanation:
    'A level-triggered interrupt fires again as soon as the ISR returns: in MiniportISR mask the controller (IMC) or clear its causes (read ICR), then queue MiniportHandleInterrupt.',
  reference: '§1.10 MiniportISR [MSDN-ff550478]; §4 R15 [WDD:bug-check-0x133]',
})
