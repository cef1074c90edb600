// ../shared/reference/ndis5.md §1.2 NdisFreePacket, NdisReinitializePacket; §4 R6
import { defineRule, EMULATOR_CODE } from '../rule'

export const R6 = defineRule({
  id: 'R6',
  title: 'Buffer chain lost by NdisFreePacket or NdisReinitializePacket',
  severity: 'error',
  stops: false,
  code: EMULATOR_CODE,
  windowsCode: false,
  params: ['0x1006', 'packet', 'first lost buffer', 'number of buffers lost'],
  level: 'standard',
  explanation:
    'The packet still had buffers chained and no pointer to them was used again; unchain and save (or NdisFreeBuffer) every buffer before NdisFreePacket / NdisReinitializePacket.',
  reference: '§1.2 NdisFreePacket, NdisReinitializePacket; §4 R6 [MSDN-ff551993, ff554658]',
  checkedBy: ['NdisFreePacket', 'NdisReinitializePacket', 'finish'],
})
