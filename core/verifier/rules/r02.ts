// ../shared/reference/ndis5.md §1.1 NdisAllocatePacketPoolEx; §4 R2
import { defineRule } from '../rule'

export const R2 = defineRule({
  id: 'R2',
  title: 'Overflow descriptors clamped to a total of 0xFFFF',
  severity: 'warning',
  stops: false,
  class: 'pools',
  level: 'standard',
  emulatorParams: ['NumberOfDescriptors', 'overflow descriptors asked', 'overflow descriptors granted'],
  explanation:
    'NumberOfDescriptors + NumberOfOverflowDescriptors above 0xFFFF silently loses overflow descriptors; ask for fewer.',
  reference: '§1.1 NdisAllocatePacketPoolEx; §4 R2 [DDI:...poolex]',
})
