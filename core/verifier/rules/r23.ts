// ../shared/reference/ndis5.md §3.7; §4 R23
import { defineRule, EMULATOR_CODE } from '../rule'

export const R23 = defineRule({
  id: 'R23',
  title: 'MiniportHalt returns with receive packets outstanding',
  severity: 'error',
  stops: false,
  code: EMULATOR_CODE,
  windowsCode: false,
  params: ['0x1017', 'packets outstanding', '0', '0'],
  level: 'standard',
  explanation: 'MiniportHalt must wait until every indicated packet has come back through MiniportReturnPacket.',
  reference: '§3.7; §4 R23 [MSDN-ff546521]',
  checkedBy: ['MiniportHalt (after it returns)'],
})
