// ../shared/reference/ndis5.md §4 R20
import { defineRule } from '../rule'

export const R20 = defineRule({
  id: 'R20',
  title: 'Allocations outstanding when the driver stops',
  severity: 'error',
  stops: false,
  class: 'memory',
  level: 'standard',
  forms: [
    { code: 0xc4, p1: 0x60, params: ['0x60', 'paged bytes (0)', 'non-paged bytes', 'number of allocations'], when: '' },
  ],
  explanation:
    'Free every pool, packet, buffer and memory block in MiniportHalt; the finding names the line that allocated it.',
  reference: '§4 R20 [WDD:bug-check-0xc4]',
})
