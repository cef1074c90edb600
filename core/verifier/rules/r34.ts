// ../shared/reference/ndis5.md §1.3, §1.5; §4 R34
import { defineRule, EMULATOR_CODE } from '../rule'

export const R34 = defineRule({
  id: 'R34',
  title: 'Non-Safe buffer or packet call when a mapping fails',
  severity: 'error',
  stops: true,
  code: EMULATOR_CODE,
  windowsCode: false,
  params: ['0x1022', 'buffer', '0', '0'],
  level: 'standard',
  explanation:
    'Use the Safe forms (NdisQueryBufferSafe, NdisGetFirstBufferFromPacketSafe, NdisCopyFromPacketToPacketSafe) and handle a NULL address.',
  reference: '§1.3, §1.5; §4 R34 [DDI:...copyfrompackettopacketsafe]',
  checkedBy: [],
})
