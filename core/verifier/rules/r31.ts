// ../shared/reference/ndis5.md §1.2; §4 R31
import { defineRule, EMULATOR_CODE } from '../rule'

export const R31 = defineRule({
  id: 'R31',
  title: 'Sending or indicating a packet with an empty buffer chain',
  severity: 'error',
  stops: false,
  code: EMULATOR_CODE,
  windowsCode: false,
  params: ['0x101F', 'packet', '0', '0'],
  level: 'standard',
  explanation: 'Chain at least one buffer to a packet before indicating or sending it.',
  reference: '§1.2; §4 R31 [DDK98 103ndisx_11]',
  checkedBy: ['markIndicated'],
})
