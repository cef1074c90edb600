// ../shared/reference/ndis5.md §1.3 NdisAllocateBuffer; §4 R33
import { defineRule, EMULATOR_CODE } from '../rule'

export const R33 = defineRule({
  id: 'R33',
  title: 'NdisAllocateBuffer with a NULL address or zero length',
  severity: 'error',
  stops: false,
  code: EMULATOR_CODE,
  windowsCode: false,
  params: ['0x1021', 'virtual address', 'length', '0'],
  level: 'standard',
  explanation: 'Map a non-empty range of allocated non-paged memory.',
  reference: '§1.3 NdisAllocateBuffer; §4 R33 [ROS-buf]',
  checkedBy: ['NdisAllocateBuffer'],
})
