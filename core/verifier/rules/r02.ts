// ../shared/reference/ndis5.md §1.1 NdisAllocatePacketPoolEx; §4 R2
import { defineRule, EMULATOR_CODE } from '../rule'

export const R2 = defineRule({
  id: 'R2',
  title: 'Overflow descriptors clamped to a total of 0xFFFF',
  severity: 'warning',
  stops: false,
  code: EMULATOR_CODE,
  windowsCode: false,
  params: ['0x1002', 'NumberOfDescriptors', 'requested overflow', 'overflow granted'],
  level: 'standard',
  explanation:
    'NumberOfDescriptors + NumberOfOverflowDescriptors above 0xFFFF silently loses overflow descriptors; ask for fewer.',
  reference: '§1.1 NdisAllocatePacketPoolEx; §4 R2 [DDI:...poolex]',
  checkedBy: ['NdisAllocatePacketPoolEx'],
})
