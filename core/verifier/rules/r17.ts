// ../shared/reference/ndis5.md §1.9; §4 R17
import { defineRule } from '../rule'

export const R17 = defineRule({
  id: 'R17',
  title: 'Zero-byte memory allocation',
  severity: 'error',
  stops: true,
  code: 0xc4,
  windowsCode: true,
  params: ['0x00', 'current IRQL', 'pool type (0 = NonPagedPool)', '0'],
  level: 'standard',
  explanation: 'NdisAllocateMemoryWithTag with Length 0 is a driver bug; check the length before allocating.',
  reference: '§1.9; §4 R17 [WDD:bug-check-0xc4]',
  checkedBy: ['NdisAllocateMemoryWithTag', 'NdisAllocateMemory'],
})
