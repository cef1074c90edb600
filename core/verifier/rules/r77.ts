// Datasheet rule (issue 16): the driver's programming of the Intel 82540EM against the 8254x SDM. Checked at the register
// access that broke it, so the finding names the script line.
import { defineRule } from '../rule'

export const R77 = defineRule({
  id: 'R77',
  title: 'Write to a read-only register or to reserved bits',
  severity: 'error',
  stops: false,
  class: 'datasheet',
  level: 'standard',
  emulatorParams: ['register offset', 'value written', 'read-only or reserved bits written'],
  explanation:
    'The SDM says reserved bits are written 0 and read-only registers are not written; the write is ignored and may set a bit a later stepping gives a meaning.',
  reference: '8254x SDM §13 (register conventions), table 13-2',
})
