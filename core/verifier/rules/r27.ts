// ../shared/reference/ndis5.md §4 R27
import { defineRule } from '../rule'

export const R27 = defineRule({
  id: 'R27',
  title: 'NdisMResetComplete with no reset pending',
  severity: 'error',
  stops: true,
  code: 0x7c,
  windowsCode: true,
  params: ['0x0F', 'miniport block', 'reset status', 'AddressingReset'],
  level: 'standard',
  explanation: 'Call NdisMResetComplete only for a reset that MiniportReset pended.',
  reference: '§4 R27 [WDD:bug-check-0x7c]',
  checkedBy: [],
})
