// ../shared/reference/ndis5.md §4 R29
import { defineRule } from '../rule'

export const R29 = defineRule({
  id: 'R29',
  title: 'NDIS 5 call by an NDIS 6 miniport',
  severity: 'error',
  stops: true,
  code: 0x7c,
  windowsCode: true,
  params: ['0x15', 'miniport block', '0', '0'],
  level: 'standard',
  explanation: 'Register as an NDIS 5.x miniport to use the packet API.',
  reference: '§4 R29 [WDD:bug-check-0x7c]',
  checkedBy: [],
})
