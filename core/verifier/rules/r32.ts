// ../shared/reference/ndis5.md §1.10; §4 R32
import { defineRule } from '../rule'

export const R32 = defineRule({
  id: 'R32',
  title: 'NdisMSynchronizeWithInterrupt after NdisMDeregisterInterrupt',
  severity: 'error',
  stops: false,
  class: 'interrupts',
  level: 'standard',
  emulatorParams: ['NDIS_MINIPORT_INTERRUPT', '0', '0'],
  explanation: 'Do not synchronise with an interrupt you have deregistered.',
  reference: '§1.10; §4 R32 [MSDN-ff553501]',
})
