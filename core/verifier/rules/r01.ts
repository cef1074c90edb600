// ../shared/reference/ndis5.md §1.1 NdisAllocatePacketPoolEx; §4 R1
import { defineRule } from '../rule'

export const R1 = defineRule({
  id: 'R1',
  title: 'Packet pool of more than 0xFFFF descriptors',
  severity: 'warning',
  stops: false,
  class: 'pools',
  level: 'standard',
  emulatorParams: ['requested NumberOfDescriptors', '0', '0'],
  explanation: 'NumberOfDescriptors above 0xFFFF fails with NDIS_STATUS_RESOURCES; ask for at most 65,535 descriptors.',
  reference: '§1.1 NdisAllocatePacketPoolEx; §4 R1 [DDI:...poolex; ROS-buf]',
})
