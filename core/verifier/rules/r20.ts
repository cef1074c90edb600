// ../shared/reference/ndis5.md §4 R20
import { defineRule } from '../rule'

export const R20 = defineRule({
  id: 'R20',
  title: 'Allocations outstanding when the driver stops',
  severity: 'error',
  stops: false,
  code: 0xc4,
  windowsCode: true,
  params: ['0x60', 'paged bytes', 'non-paged bytes', 'number of allocations'],
  level: 'standard',
  explanation:
    'Free every pool, packet, buffer and memory block in MiniportHalt; the finding names the line that allocated it.',
  reference: '§4 R20 [WDD:bug-check-0xc4]',
  checkedBy: ['finish'],
})
