// ../shared/reference/ndis5.md §1.7 MiniportReturnPacket; §3.2
import { defineRule } from '../rule'

export const R45 = defineRule({
  id: 'R45',
  title: 'Receive packets indicated without MiniportReturnPacket',
  severity: 'error',
  stops: false,
  class: 'receive',
  level: 'standard',
  emulatorParams: ['packet', '0', '0'],
  explanation:
    'A miniport that indicates packets with Status SUCCESS lends them to the protocols: register ReturnPacketHandler so they can come back, or indicate with NDIS_STATUS_RESOURCES.',
  reference: '§1.7 MiniportReturnPacket [MSDN-ff550510]; §3.2',
})
