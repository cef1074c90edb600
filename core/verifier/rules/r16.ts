// ../shared/reference/ndis5.md §4 R16
import { defineRule } from '../rule'

export const R16 = defineRule({
  id: 'R16',
  title: 'Touching freed or unallocated memory',
  severity: 'error',
  stops: true,
  code: 0xd1,
  windowsCode: true,
  params: ['address', 'current IRQL', '0 read / 1 write', '0'],
  level: 'standard',
  explanation:
    'The address is not live non-paged memory (freed, never allocated, or a packet of a freed pool); keep pointers only to objects you still own.',
  reference: '§4 R16 [WDD:bug-check-0xd1]',
  checkedBy: [
    'MmRead8/16/32',
    'MmWrite8/16/32',
    'MmView',
    'NdisMoveMemory',
    'NdisZeroMemory',
    'packet and buffer calls',
  ],
})
