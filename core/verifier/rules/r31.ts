// ../shared/reference/ndis5.md §1.2; §4 R31
import { defineRule } from '../rule'

export const R31 = defineRule({
  id: 'R31',
  title: 'Sending or indicating a packet with an empty buffer chain',
  severity: 'error',
  stops: false,
  class: 'packets',
  level: 'standard',
  emulatorParams: ['packet', '0', '0'],
  explanation: 'Chain at least one buffer to a packet before indicating or sending it.',
  reference: '§1.2; §4 R31 [DDK98 103ndisx_11]',
})
