// ../shared/reference/ndis5.md §3.8; §4 R21
import { defineRule } from '../rule'

export const R21 = defineRule({
  id: 'R21',
  title: 'Indicating a receive packet still owned by the stack',
  severity: 'error',
  stops: true,
  code: 0x7c,
  windowsCode: true,
  params: ['0x05', 'miniport block', 'packet', 'packet array'],
  level: 'standard',
  explanation: 'Do not re-indicate a packet until MiniportReturnPacket has given it back.',
  reference: '§3.8; §4 R21 [WDD:bug-check-0x7c]',
  checkedBy: ['markIndicated'],
})
