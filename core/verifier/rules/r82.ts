// Datasheet rule (issue 16): the driver's programming of the Intel 82540EM against the 8254x SDM. Checked at the register
// access that broke it, so the finding names the script line.
import { defineRule } from '../rule'

export const R82 = defineRule({
  id: 'R82',
  title: 'Register access narrower than 32 bits',
  severity: 'error',
  stops: false,
  class: 'datasheet',
  level: 'standard',
  emulatorParams: ['register offset', 'access width', '1 write / 0 read'],
  explanation:
    'The 8254x registers are accessed as 32-bit double words (NdisReadRegisterUlong/NdisWriteRegisterUlong); byte and word accesses are not supported.',
  reference: '8254x SDM §13.1 (register access)',
})
