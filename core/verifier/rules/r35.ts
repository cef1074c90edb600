// ../shared/reference/ndis5.md §1.2 NdisFreePacket obligations; workbench rule
import { defineRule } from '../rule'

export const R35 = defineRule({
  id: 'R35',
  title: 'NdisFreeBuffer of a buffer still chained to a packet',
  severity: 'error',
  stops: false,
  class: 'buffers',
  level: 'standard',
  emulatorParams: ['buffer', 'packet it is chained to', '0'],
  explanation:
    'Unchain the buffer (NdisUnchainBufferAtFront/Back) before NdisFreeBuffer; the packet now points at a freed descriptor.',
  reference: '§1.2 NdisFreePacket obligations; workbench rule',
})
