// ../shared/reference/ndis5.md §1.9; §4 R18
import { defineRule } from '../rule'

export const R18 = defineRule({
  id: 'R18',
  title: 'NdisFreeMemory of an address not allocated (or already freed)',
  severity: 'error',
  stops: true,
  class: 'memory',
  level: 'standard',
  forms: [
    { code: 0xc4, p1: 0x10, params: ['0x10', 'address', '0', '0'], when: 'an address never allocated' },
    { code: 0xc4, p1: 0x13, params: ['0x13', '0', 'address (already freed)', '0'], when: 'an address already freed' },
  ],
  explanation: 'Free exactly the address NdisAllocateMemory(WithTag) returned, once.',
  reference: '§1.9; §4 R18 [WDD:bug-check-0xc4]',
})
