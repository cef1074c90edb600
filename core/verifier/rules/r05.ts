// ../shared/reference/ndis5.md §1.2 NdisFreePacket; §2.3; §4 R5
import { defineRule } from '../rule'

export const R5 = defineRule({
  id: 'R5',
  title: 'Freeing a packet that is not allocated (double free or foreign packet)',
  severity: 'error',
  stops: false,
  class: 'packets',
  level: 'standard',
  emulatorParams: ['packet', 'pool handle (0 if none)', 'descriptor state (0 free, 1 allocated, 2 indicated)'],
  explanation:
    'The packet was already free, or does not come from an NDIS packet pool; free each packet exactly once, only packets your driver allocated.',
  reference: '§1.2 NdisFreePacket; §2.3; §4 R5 [ROS-buf]',
})
