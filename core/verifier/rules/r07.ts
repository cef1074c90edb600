// ../shared/reference/ndis5.md §1.1 NdisFreePacketPool; §4 R7
import { defineRule } from '../rule'

export const R7 = defineRule({
  id: 'R7',
  title: 'NdisFreePacketPool with packets outstanding',
  severity: 'error',
  stops: false,
  class: 'pools',
  level: 'standard',
  emulatorParams: ['pool handle', 'packets in use', '0'],
  explanation:
    'Every packet must be back in the pool before NdisFreePacketPool (check NdisPacketPoolUsage == 0); the outstanding descriptors are now dangling.',
  reference: '§1.1 NdisFreePacketPool; §4 R7 [DDI:nf-ndis-ndisfreepacketpool]',
})
