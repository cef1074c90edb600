// ../shared/reference/ndis5.md §1.8; §4 R15
import { defineRule } from '../rule'

export const R15 = defineRule({
  id: 'R15',
  title: 'Spin lock held longer than 25 µs',
  severity: 'warning',
  stops: false,
  code: 0x133,
  windowsCode: true,
  params: ['0', 'time held (ns)', 'allotment (ns)', 'spin lock'],
  level: 'standard',
  explanation: 'Hold spin locks for a few instructions only; move work out of the locked region.',
  reference: '§1.8; §4 R15 [DDI:...acquirespinlock; WDD:bug-check-0x133]',
  checkedBy: ['NdisReleaseSpinLock', 'NdisDprReleaseSpinLock'],
})
