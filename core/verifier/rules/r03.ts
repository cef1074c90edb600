// ../shared/reference/ndis5.md §3.1; §4 R3
import { defineRule } from '../rule'

export const R3 = defineRule({
  id: 'R3',
  title: 'Receive indication from a pool with more than 16 bytes of ProtocolReserved',
  severity: 'error',
  stops: false,
  class: 'receive',
  level: 'standard',
  emulatorParams: ['packet', 'pool handle', 'ProtocolReservedLength'],
  explanation:
    'Descriptors indicated up must come from a pool with ProtocolReservedLength <= 16 (PROTOCOL_RESERVED_SIZE_IN_PACKET); allocate receive packets from such a pool.',
  reference: '§3.1; §4 R3 [CE-ms920741]',
})
