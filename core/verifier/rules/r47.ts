// Driver Verifier's special pool (ndis5.md §4 R16 and its note on special pool): an access past the end of a block,
// or before its start, lands in a guard and stops the system at the access. Workbench rule: the guards are around
// every allocation of the emulated non-paged memory (core/kernel/memory.ts).
import { defineRule } from '../rule'

export const R47 = defineRule({
  id: 'R47',
  title: 'Access beyond the end (or before the start) of an allocation',
  severity: 'error',
  stops: true,
  class: 'memory',
  level: 'standard',
  forms: [
    {
      code: 0xd6,
      p1: null,
      params: ['address referenced', '0 read / 1 write', '0 (a script has no instruction address)', '0 (reserved)'],
      when: '',
    },
  ],
  explanation:
    'The access runs past the end of the block that holds it (or starts before it): check lengths and indexes against the size you allocated. The finding names the block and the line that allocated it.',
  reference: 'special pool [WDD:bug-check-0xd6--driver-page-fault-beyond-end-of-allocation]',
})
