// Datasheet rule (issue 16): the driver's programming of the Intel 82540EM against the 8254x SDM. Checked at the register
// access that broke it, so the finding names the script line.
import { defineRule } from '../rule'

export const R81 = defineRule({
  id: 'R81',
  title: 'Access to a register the 82540EM does not have',
  severity: 'error',
  stops: false,
  class: 'datasheet',
  level: 'standard',
  emulatorParams: ['register offset', 'access width', '1 write / 0 read'],
  explanation:
    'The offset is inside BAR0 but names no register of the 82540EM (or one of another 8254x part): reads return 0 and writes are dropped.',
  reference: '8254x SDM table 13-2 (register summary)',
})
