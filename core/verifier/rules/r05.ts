// ../shared/reference/ndis5.md §1.2 NdisFreePacket; §2.3; §4 R5
import { defineRule, EMULATOR_CODE } from '../rule'

export const R5 = defineRule({
  id: 'R5',
  title: 'Freeing a packet that is not allocated (double free or foreign packet)',
  severity: 'error',
  stops: false,
  code: EMULATOR_CODE,
  windowsCode: false,
  params: ['0x1005', 'packet', 'pool handle (0 if none)', 'descriptor state'],
  level: 'standard',
  explanation:
    'The packet was already free, or does not come from an NDIS packet pool; free each packet exactly once, only packets your driver allocated.',
  reference: '§1.2 NdisFreePacket; §2.3; §4 R5 [ROS-buf]',
  checkedBy: ['NdisFreePacket', 'NdisDprFreePacket', 'NdisDprFreePacketNonInterlocked'],
})
