// ../shared/reference/ndis5.md workbench rule (C would not compile or would truncate)
import { defineRule, EMULATOR_CODE } from '../rule'

export const R37 = defineRule({
  id: 'R37',
  title: 'Argument is not a valid unsigned integer',
  severity: 'error',
  stops: false,
  code: EMULATOR_CODE,
  windowsCode: false,
  params: ['0x1025', 'argument number (1-based)', '0', '0'],
  level: 'standard',
  explanation:
    'Counts, lengths and offsets are ULONGs: pass a whole number from 0 to 0xFFFFFFFF (not NaN, negative or fractional).',
  reference: 'workbench rule (C would not compile or would truncate)',
  checkedBy: ['calls with counts or lengths'],
})
