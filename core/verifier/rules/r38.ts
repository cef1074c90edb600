// ../shared/reference/ndis5.md ../shared/product/script-api.md
import { defineRule, EMULATOR_CODE } from '../rule'

export const R38 = defineRule({
  id: 'R38',
  title: 'Call not emulated',
  severity: 'error',
  stops: true,
  code: EMULATOR_CODE,
  windowsCode: false,
  params: ['0x1026', '0', '0', '0'],
  level: 'standard',
  explanation: 'The workbench declares this NDIS name but does not emulate it yet; the run stops at the call.',
  reference: '../shared/product/script-api.md',
  checkedBy: ['script host'],
})
