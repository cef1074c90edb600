// ../shared/reference/ndis5.md §1.8 (list of calls); founding document; §4 R14
import { defineRule, EMULATOR_CODE } from '../rule'

export const R14 = defineRule({
  id: 'R14',
  title: 'Call made while holding a spin lock',
  severity: 'error',
  stops: false,
  code: EMULATOR_CODE,
  windowsCode: false,
  params: ['0x100E', 'spin lock held', 'number of locks held', '0'],
  level: 'standard',
  explanation:
    'Release any spin lock you hold before this call (its documentation requires it, e.g. NdisAllocatePacketPool).',
  reference: '§1.8 (list of calls); founding document; §4 R14',
  checkedBy: [
    'NdisAllocatePacketPool',
    'NdisAllocatePacketPoolEx',
    'NdisFreePacketPool',
    'NdisFreePacket',
    'NdisAllocateBufferPool',
    'NdisFreeBufferPool',
    'NdisFreeBuffer',
    'NdisCopyFromPacketToPacket',
  ],
})
