// ../shared/reference/ndis5.md §1.7 NdisMSendComplete; §4 R30
import { defineRule } from '../rule'

export const R30 = defineRule({
  id: 'R30',
  title: 'NdisMSendComplete for a packet not pended, or twice',
  severity: 'error',
  stops: false,
  class: 'send',
  level: 'standard',
  emulatorParams: ['packet', 'status', '0'],
  explanation: 'Complete each pended send exactly once, with the original packet.',
  reference: '§1.7 NdisMSendComplete; §4 R30 [CE-ms892746]',
})
