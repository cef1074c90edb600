// ../shared/reference/ndis5.md §1.9 NdisFreeMemory; §4 R19
import { defineRule } from '../rule'

export const R19 = defineRule({
  id: 'R19',
  title: 'Memory freed with flags, length or IRQL that do not match its allocation',
  severity: 'error',
  stops: false,
  class: 'memory',
  level: 'standard',
  emulatorParams: ['address', 'value passed (flags or length)', 'value at allocation'],
  explanation:
    'Pass the same MemoryFlags as at allocation; NONCACHED memory is freed below DISPATCH_LEVEL, CONTIGUOUS memory at PASSIVE_LEVEL.',
  reference: '§1.9 NdisFreeMemory; §4 R19 [DDI:nf-ndis-ndisfreememory]',
})
