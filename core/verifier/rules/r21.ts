// ../shared/reference/ndis5.md §3.8; §4 R21
import { defineRule } from '../rule'

export const R21 = defineRule({
  id: 'R21',
  title: 'Indicating a receive packet still owned by the stack',
  severity: 'error',
  stops: true,
  class: 'receive',
  level: 'standard',
  forms: [
    {
      code: 0x7c,
      p1: 0x5,
      params: ['0x05', 'miniport block (MiniportAdapterHandle)', 'packet', 'packet array'],
      when: '',
    },
  ],
  withoutVerifier: "NDIS checks an indicated packet's stack location itself [WDD:bug-check-0x7c]",
  explanation: 'Do not re-indicate a packet until MiniportReturnPacket has given it back.',
  reference: '§3.8; §4 R21 [WDD:bug-check-0x7c]',
})
