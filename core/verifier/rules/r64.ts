// docs/structures.md: the list functions check both neighbours of the entry they link or unlink, as Windows 8's
// InsertHeadList / RemoveEntryList do with __fastfail(FAST_FAIL_CORRUPT_LIST_ENTRY), bug check 0x139 with P1 3.
import { defineRule } from '../rule'

export const R64 = defineRule({
  id: 'R64',
  title: 'Corrupt LIST_ENTRY (a neighbour does not point back)',
  severity: 'error',
  stops: true,
  class: 'memory',
  level: 'standard',
  forms: [
    {
      code: 0x139,
      p1: 3,
      params: ['3 (a LIST_ENTRY was corrupt)', 'the list entry or head', 'its Flink', 'its Blink'],
      when: '',
    },
  ],
  withoutVerifier: null,
  explanation:
    'A list entry was linked twice, freed while on a list, or never initialised: InitializeListHead every head, remove an entry before reusing or freeing it.',
  reference: 'KERNEL_SECURITY_CHECK_FAILURE 0x139 P1 3 [WDD:bug-check-0x139]; RemoveEntryList, InsertTailList (wdm.h)',
})
