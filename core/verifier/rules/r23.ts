// ../shared/reference/ndis5.md §3.7; §4 R23
import { defineRule } from '../rule'

export const R23 = defineRule({
  id: 'R23',
  title: 'MiniportHalt returns with receive packets outstanding',
  severity: 'error',
  stops: false,
  class: 'receive',
  level: 'standard',
  emulatorParams: ['number of packets', 'first packet', '0'],
  explanation: 'MiniportHalt must wait until every indicated packet has come back through MiniportReturnPacket.',
  reference: '§3.7; §4 R23 [MSDN-ff546521]',
})
