// Datasheet rule (issue 16): the driver's programming of the Intel 82540EM against the 8254x SDM. Checked at the register
// access that broke it, so the finding names the script line.
import { defineRule } from '../rule'

export const R75 = defineRule({
  id: 'R75',
  title: 'Descriptor tail written outside the ring',
  severity: 'error',
  stops: false,
  class: 'datasheet',
  level: 'standard',
  emulatorParams: ['register offset', 'value written', 'descriptors in the ring'],
  explanation:
    'RDT and TDT index a descriptor of the ring (0 to RDLEN/16 − 1); a tail at or past the end makes the device stop or walk memory the driver never gave it.',
  reference: '8254x SDM §3.2.6, §3.3.1, §13.4.30 RDT, §13.4.38 TDT',
})
