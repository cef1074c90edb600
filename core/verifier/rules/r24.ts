// ../shared/reference/ndis5.md §1.10; §4 R24
import { defineRule } from '../rule'

export const R24 = defineRule({
  id: 'R24',
  title: 'MiniportHalt without NdisMDeregisterInterrupt',
  severity: 'error',
  stops: true,
  code: 0x7c,
  windowsCode: true,
  params: ['0x08', 'miniport block', 'NDIS_MINIPORT_INTERRUPT', '0'],
  level: 'standard',
  explanation: 'Deregister the interrupt in MiniportHalt.',
  reference: '§1.10; §4 R24 [WDD:bug-check-0x7c]',
  checkedBy: ['MiniportHalt'],
})
