// ../shared/reference/ndis5.md §1.8; §4 R12
import { defineRule } from '../rule'

export const R12 = defineRule({
  id: 'R12',
  title: 'NdisReleaseSpinLock not at DISPATCH_LEVEL',
  severity: 'error',
  stops: true,
  class: 'irql',
  level: 'standard',
  forms: [{ code: 0xc4, p1: 0x32, params: ['0x32', 'current IRQL', 'spin lock', '0'], when: '' }],
  explanation:
    'A held lock runs at DISPATCH_LEVEL; an IRQL below it at release means a double release or a lock released out of order.',
  reference: '§1.8; §4 R12 [WDD:bug-check-0xc4]',
})
