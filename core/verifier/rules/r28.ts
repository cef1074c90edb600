// ../shared/reference/ndis5.md §4 R28
import { defineRule } from '../rule'

export const R28 = defineRule({
  id: 'R28',
  title: 'NdisWaitEvent at an illegal IRQL',
  severity: 'error',
  stops: true,
  code: 0x7c,
  windowsCode: true,
  params: ['0x14', 'current IRQL', '0', '0'],
  level: 'standard',
  explanation: 'Wait only at PASSIVE_LEVEL.',
  reference: '§4 R28 [WDD:bug-check-0x7c]',
  checkedBy: [],
})
