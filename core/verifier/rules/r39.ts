// ../shared/reference/ndis5.md §1.3 NdisAllocateBuffer
import { defineRule } from '../rule'

export const R39 = defineRule({
  id: 'R39',
  title: 'NdisAllocateBuffer over memory that is not allocated non-paged memory',
  severity: 'error',
  stops: false,
  class: 'buffers',
  level: 'standard',
  emulatorParams: ['virtual address', 'length', '0'],
  explanation:
    'A buffer descriptor maps a sub-range of memory you allocated (NdisAllocateMemoryWithTag or shared memory); check address and length.',
  reference: '§1.3 NdisAllocateBuffer [DDI:nf-ndis-ndisallocatebuffer]',
})
