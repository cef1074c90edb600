// ../shared/reference/ndis5.md §1.8; §4 R11
import { defineRule } from '../rule'

export const R11 = defineRule({
  id: 'R11',
  title: 'NdisAcquireSpinLock above DISPATCH_LEVEL',
  severity: 'error',
  stops: true,
  class: 'irql',
  level: 'standard',
  forms: [{ code: 0xc4, p1: 0x42, params: ['0x42', 'current IRQL', 'spin lock', '0'], when: '' }],
  explanation:
    'Spin locks cannot be acquired at DIRQL; use NdisMSynchronizeWithInterrupt for data shared with MiniportISR.',
  reference: '§1.8; §4 R11 [WDD:bug-check-0xc4]',
})
