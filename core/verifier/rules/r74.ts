// Datasheet rule (issue 16): the driver's programming of the Intel 82540EM against the 8254x SDM. Checked at the register
// access that broke it, so the finding names the script line.
import { defineRule } from '../rule'

export const R74 = defineRule({
  id: 'R74',
  title: 'Descriptor ring length not a multiple of 128 bytes',
  severity: 'error',
  stops: false,
  class: 'datasheet',
  level: 'standard',
  emulatorParams: ['register offset', 'value written', '0'],
  explanation:
    'RDLEN and TDLEN must be a multiple of 128 (eight descriptors); the low seven bits are ignored, so the device uses a shorter ring than the driver thinks.',
  reference: '8254x SDM §13.4.28 RDLEN, §13.4.36 TDLEN',
})
