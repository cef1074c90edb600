// ../shared/reference/ndis5.md §1.10; §4 R24
import { defineRule } from '../rule'

export const R24 = defineRule({
  id: 'R24',
  title: 'MiniportHalt without NdisMDeregisterInterrupt',
  severity: 'error',
  stops: true,
  class: 'lifecycle',
  level: 'standard',
  forms: [
    {
      code: 0x7c,
      p1: 0x8,
      params: ['0x08', 'miniport block (MiniportAdapterHandle)', 'NDIS_MINIPORT_INTERRUPT', '0'],
      when: '',
    },
  ],
  withoutVerifier: 'NDIS raises it itself, without Driver Verifier [WDD:bug-check-0x7c]',
  explanation: 'Deregister the interrupt in MiniportHalt.',
  reference: '§1.10; §4 R24 [WDD:bug-check-0x7c]',
})
