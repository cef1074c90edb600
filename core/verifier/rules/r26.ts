// ../shared/reference/ndis5.md §1.10; §4 R26
import { defineRule } from '../rule'

export const R26 = defineRule({
  id: 'R26',
  title: 'Halt or failed initialisation with timers still queued',
  severity: 'error',
  stops: true,
  class: 'timers',
  level: 'standard',
  forms: [
    {
      code: 0x7c,
      p1: 0x9,
      params: [
        '0x09',
        'miniport block (MiniportAdapterHandle)',
        'NDIS_MINIPORT_TIMER still queued (the first)',
        'timers still queued',
      ],
      when: 'after MiniportHalt',
    },
    {
      code: 0x7c,
      p1: 0xc,
      params: [
        '0x0C',
        'miniport block (MiniportAdapterHandle)',
        'NDIS_MINIPORT_TIMER still queued (the first)',
        'timers still queued',
      ],
      when: 'after a failed MiniportInitialize',
    },
  ],
  withoutVerifier: 'NDIS raises it itself, without Driver Verifier [WDD:bug-check-0x7c]',
  explanation: 'Cancel every timer (NdisMCancelTimer) before MiniportHalt returns or MiniportInitialize fails.',
  reference: '§1.10; §4 R26 [WDD:bug-check-0x7c]',
})
