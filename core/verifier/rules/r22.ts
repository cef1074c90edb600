// ../shared/reference/ndis5.md §3.4; §4 R22
import { defineRule, EMULATOR_CODE } from '../rule'

export const R22 = defineRule({
  id: 'R22',
  title: 'Touching a packet (or its buffers) while the protocol owns it',
  severity: 'error',
  stops: false,
  code: EMULATOR_CODE,
  windowsCode: false,
  params: ['0x1016', 'packet', 'descriptor state', '0'],
  level: 'standard',
  explanation:
    'After an indication left the packet PENDING, do not read, chain, reinitialise or free it until MiniportReturnPacket.',
  reference: '§3.4; §4 R22 [CE-aa447976]',
  checkedBy: ['packet, chain and buffer calls'],
})
