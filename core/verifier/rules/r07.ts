// ../shared/reference/ndis5.md §1.1 NdisFreePacketPool; §4 R7
import { defineRule, EMULATOR_CODE } from '../rule'

export const R7 = defineRule({
  id: 'R7',
  title: 'NdisFreePacketPool with packets outstanding',
  severity: 'error',
  stops: false,
  code: EMULATOR_CODE,
  windowsCode: false,
  params: ['0x1007', 'pool handle', 'packets in use', '0'],
  level: 'standard',
  explanation:
    'Every packet must be back in the pool before NdisFreePacketPool (check NdisPacketPoolUsage == 0); the outstanding descriptors are now dangling.',
  reference: '§1.1 NdisFreePacketPool; §4 R7 [DDI:nf-ndis-ndisfreepacketpool]',
  checkedBy: ['NdisFreePacketPool'],
})
