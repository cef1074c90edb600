// ../shared/reference/ndis5.md §4 R27
import { defineRule } from '../rule'

export const R27 = defineRule({
  id: 'R27',
  title: 'NdisMResetComplete with no reset pending',
  severity: 'error',
  stops: true,
  class: 'lifecycle',
  level: 'standard',
  forms: [
    {
      code: 0x7c,
      p1: 0xf,
      params: ['0x0F', 'miniport block (MiniportAdapterHandle)', 'reset status', 'AddressingReset'],
      when: '',
    },
  ],
  withoutVerifier: 'NDIS raises it itself, without Driver Verifier [WDD:bug-check-0x7c]',
  explanation: 'Call NdisMResetComplete only for a reset that MiniportReset pended.',
  reference: '§4 R27 [WDD:bug-check-0x7c]',
})
