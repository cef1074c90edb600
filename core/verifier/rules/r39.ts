// ../shared/reference/ndis5.md §1.3 NdisAllocateBuffer
import { defineRule, EMULATOR_CODE } from '../rule'

export const R39 = defineRule({
  id: 'R39',
  title: 'NdisAllocateBuffer over memory that is not allocated non-paged memory',
  severity: 'error',
  stops: false,
  code: EMULATOR_CODE,
  windowsCode: false,
  params: ['0x1027', 'virtual address', 'length', '0'],
  level: 'standard',
  explanation:
    'A buffer descriptor maps a sub-range of memory you allocated (NdisAllocateMemoryWithTag or shared memory); check address and length.',
  reference: '§1.3 NdisAllocateBuffer [DDI:nf-ndis-ndisallocatebuffer]',
  checkedBy: ['NdisAllocateBuffer', 'NdisCopyBuffer'],
})
