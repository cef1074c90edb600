// ../shared/reference/ndis5.md §1.10; §4 R26
import { defineRule } from '../rule'

export const R26 = defineRule({
  id: 'R26',
  title: 'Halt or failed initialisation with timers still queued',
  severity: 'error',
  stops: true,
  code: 0x7c,
  windowsCode: true,
  params: ['0x09', 'miniport block', 'timer queue', '0'],
  level: 'standard',
  explanation: 'Cancel every timer (NdisMCancelTimer) before MiniportHalt returns or MiniportInitialize fails.',
  reference: '§1.10; §4 R26 [WDD:bug-check-0x7c]',
  checkedBy: ['MiniportHalt', 'MiniportInitialize (on failure)'],
})
