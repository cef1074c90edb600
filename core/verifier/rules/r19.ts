// ../shared/reference/ndis5.md §1.9 NdisFreeMemory; §4 R19
import { defineRule, EMULATOR_CODE } from '../rule'

export const R19 = defineRule({
  id: 'R19',
  title: 'NdisFreeMemory flags or IRQL do not match the allocation',
  severity: 'error',
  stops: false,
  code: EMULATOR_CODE,
  windowsCode: false,
  params: ['0x1013', 'address', 'flags passed', 'flags at allocation'],
  level: 'standard',
  explanation:
    'Pass the same MemoryFlags as at allocation; NONCACHED memory is freed below DISPATCH_LEVEL, CONTIGUOUS memory at PASSIVE_LEVEL.',
  reference: '§1.9 NdisFreeMemory; §4 R19 [DDI:nf-ndis-ndisfreememory]',
  checkedBy: ['NdisFreeMemory'],
})
