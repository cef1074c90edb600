// ../shared/reference/ndis5.md §1.10; §4 R25
import { defineRule } from '../rule'

export const R25 = defineRule({
  id: 'R25',
  title: 'MiniportInitialize fails without deregistering the interrupt',
  severity: 'error',
  stops: true,
  code: 0x7c,
  windowsCode: true,
  params: ['0x0B', 'miniport block', 'interrupt', '0'],
  level: 'standard',
  explanation: 'Undo everything on the failure path of MiniportInitialize, including NdisMDeregisterInterrupt.',
  reference: '§1.10; §4 R25 [WDD:bug-check-0x7c]',
  checkedBy: ['MiniportInitialize (on failure)'],
})
