// ../shared/reference/ndis5.md §3.4; §4 R22
import { defineRule } from '../rule'

export const R22 = defineRule({
  id: 'R22',
  title: 'Touching a packet (or its buffers) while the protocol owns it',
  severity: 'error',
  stops: false,
  class: 'receive',
  level: 'standard',
  emulatorParams: ['packet', 'descriptor state (0 free, 1 allocated, 2 indicated)', '0'],
  explanation:
    'After an indication left the packet PENDING, do not read, chain, reinitialise or free it until MiniportReturnPacket.',
  reference: '§3.4; §4 R22 [CE-aa447976]',
})
