// Datasheet rule (issue 16): the driver's programming of the Intel 82540EM against the 8254x SDM. Checked at the register
// access that broke it, so the finding names the script line.
import { defineRule } from '../rule'

export const R79 = defineRule({
  id: 'R79',
  title: 'EEPROM read started before the previous one completed (EERD.DONE)',
  severity: 'error',
  stops: false,
  class: 'datasheet',
  level: 'standard',
  emulatorParams: ['EERD value written', 'word address of the read not yet seen', '0'],
  explanation:
    'Poll EERD until DONE (bit 4) is set and take DATA from that read before writing START again: DATA of an unfinished read is not the EEPROM word.',
  reference: '8254x SDM §13.4.4 EERD, §5.3.1',
})
