// ../shared/reference/ndis5.md §1.9; §4 R17
import { defineRule } from '../rule'

export const R17 = defineRule({
  id: 'R17',
  title: 'Zero-byte memory allocation',
  severity: 'error',
  stops: true,
  class: 'memory',
  level: 'standard',
  forms: [
    {
      code: 0xc4,
      p1: 0x0,
      params: ['0x00', 'current IRQL', 'pool type (0 = NonPagedPool)', 'size in bytes (0)'],
      when: '',
    },
  ],
  explanation: 'NdisAllocateMemoryWithTag with Length 0 is a driver bug; check the length before allocating.',
  reference: '§1.9; §4 R17 [WDD:bug-check-0xc4]',
})
