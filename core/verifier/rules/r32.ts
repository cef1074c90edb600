// ../shared/reference/ndis5.md §1.10; §4 R32
import { defineRule, EMULATOR_CODE } from '../rule'

export const R32 = defineRule({
  id: 'R32',
  title: 'NdisMSynchronizeWithInterrupt after NdisMDeregisterInterrupt',
  severity: 'error',
  stops: false,
  code: EMULATOR_CODE,
  windowsCode: false,
  params: ['0x1020', 'interrupt', '0', '0'],
  level: 'standard',
  explanation: 'Do not synchronise with an interrupt you have deregistered.',
  reference: '§1.10; §4 R32 [MSDN-ff553501]',
  checkedBy: ['NdisMSynchronizeWithInterrupt'],
})
