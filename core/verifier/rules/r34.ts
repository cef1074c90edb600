// ../shared/reference/ndis5.md §1.3, §1.5; §4 R34
import { defineRule } from '../rule'

export const R34 = defineRule({
  id: 'R34',
  title: 'Non-Safe buffer or packet call when a mapping fails',
  severity: 'error',
  stops: true,
  class: 'buffers',
  level: 'standard',
  emulatorParams: ['buffer', '0', '0'],
  explanation:
    'Use the Safe forms (NdisQueryBufferSafe, NdisGetFirstBufferFromPacketSafe, NdisCopyFromPacketToPacketSafe) and handle a NULL address.',
  reference: '§1.3, §1.5; §4 R34 [DDI:...copyfrompackettopacketsafe]',
})
