// ../shared/reference/ndis5.md §1.3 NdisAllocateBuffer; §4 R33
import { defineRule } from '../rule'

export const R33 = defineRule({
  id: 'R33',
  title: 'NdisAllocateBuffer with a NULL address or zero length',
  severity: 'error',
  stops: false,
  class: 'buffers',
  level: 'standard',
  emulatorParams: ['virtual address', 'length', '0'],
  explanation: 'Map a non-empty range of allocated non-paged memory.',
  reference: '§1.3 NdisAllocateBuffer; §4 R33 [ROS-buf]',
})
