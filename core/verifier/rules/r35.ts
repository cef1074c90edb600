// ../shared/reference/ndis5.md §1.2 NdisFreePacket obligations; workbench rule
import { defineRule, EMULATOR_CODE } from '../rule'

export const R35 = defineRule({
  id: 'R35',
  title: 'NdisFreeBuffer of a buffer still chained to a packet',
  severity: 'error',
  stops: false,
  code: EMULATOR_CODE,
  windowsCode: false,
  params: ['0x1023', 'buffer', 'packet it is chained to', '0'],
  level: 'standard',
  explanation:
    'Unchain the buffer (NdisUnchainBufferAtFront/Back) before NdisFreeBuffer; the packet now points at a freed descriptor.',
  reference: '§1.2 NdisFreePacket obligations; workbench rule',
  checkedBy: ['NdisFreeBuffer'],
})
