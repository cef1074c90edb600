// ../shared/reference/ndis5.md §4 R16
import { defineRule } from '../rule'

export const R16 = defineRule({
  id: 'R16',
  title: 'Touching freed or unallocated memory',
  severity: 'error',
  stops: true,
  class: 'memory',
  level: 'standard',
  forms: [
    {
      code: 0xd1,
      p1: null,
      params: ['address referenced', 'current IRQL', '0 read / 1 write', '0 (a script has no instruction address)'],
      when: 'at DISPATCH_LEVEL or above',
    },
    {
      code: 0x50,
      p1: null,
      params: ['address referenced', '0 read / 1 write', '0 (a script has no instruction address)', '0'],
      when: 'below DISPATCH_LEVEL',
    },
  ],
  withoutVerifier:
    "a page fault on memory that is not mapped (outside non-paged memory) is a bug check in any kernel; freed and never-allocated pool is caught only by the verifier, as Driver Verifier's special pool does [WDD:bug-check-0xd1, bug-check-0x50]",
  explanation:
    'The address is not live non-paged memory (freed, never allocated, or a packet of a freed pool); keep pointers only to objects you still own.',
  reference: '§4 R16 [WDD:bug-check-0xd1]',
})
