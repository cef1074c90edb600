// ../shared/reference/ndis5.md §1.10; §4 R25
import { defineRule } from '../rule'

export const R25 = defineRule({
  id: 'R25',
  title: 'MiniportInitialize fails without deregistering the interrupt',
  severity: 'error',
  stops: true,
  class: 'lifecycle',
  level: 'standard',
  forms: [
    {
      code: 0x7c,
      p1: 0xb,
      params: ['0x0B', 'miniport block (MiniportAdapterHandle)', 'NDIS_MINIPORT_INTERRUPT', '0'],
      when: '',
    },
  ],
  withoutVerifier: 'NDIS raises it itself, without Driver Verifier [WDD:bug-check-0x7c]',
  explanation: 'Undo everything on the failure path of MiniportInitialize, including NdisMDeregisterInterrupt.',
  reference: '§1.10; §4 R25 [WDD:bug-check-0x7c]',
})
