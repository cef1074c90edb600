// ../shared/reference/ndis5.md §1.9; §4 R18
import { defineRule } from '../rule'

export const R18 = defineRule({
  id: 'R18',
  title: 'NdisFreeMemory of an address not allocated (or already freed)',
  severity: 'error',
  stops: true,
  code: 0xc4,
  windowsCode: true,
  params: ['0x10 not allocated / 0x13 already freed', 'address', '0', '0'],
  level: 'standard',
  explanation: 'Free exactly the address NdisAllocateMemory(WithTag) returned, once.',
  reference: '§1.9; §4 R18 [WDD:bug-check-0xc4]',
  checkedBy: ['NdisFreeMemory'],
})
