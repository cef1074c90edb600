// ../shared/reference/ndis5.md §1.2 NdisFreePacket, NdisReinitializePacket; §4 R6
import { defineRule } from '../rule'

export const R6 = defineRule({
  id: 'R6',
  title: 'Buffer chain lost by NdisFreePacket or NdisReinitializePacket',
  severity: 'error',
  stops: false,
  class: 'packets',
  level: 'standard',
  emulatorParams: ['packet that lost its chain', 'first lost buffer', 'number of buffers lost'],
  explanation:
    'The packet still had buffers chained and no pointer to them was used again; unchain and save (or NdisFreeBuffer) every buffer before NdisFreePacket / NdisReinitializePacket.',
  reference: '§1.2 NdisFreePacket, NdisReinitializePacket; §4 R6 [MSDN-ff551993, ff554658]',
})
