// Datasheet rule (issue 16): the driver's programming of the Intel 82540EM against the 8254x SDM. Checked at the register
// access that broke it, so the finding names the script line.
import { defineRule } from '../rule'

export const R76 = defineRule({
  id: 'R76',
  title: 'Receiver or transmitter enabled before its ring is programmed',
  severity: 'error',
  stops: false,
  class: 'datasheet',
  level: 'standard',
  emulatorParams: ['register offset', 'value written', 'ring length (RDLEN/TDLEN)'],
  explanation:
    'Program RDBAL/RDBAH/RDLEN/RDH/RDT (TDBAL/TDBAH/TDLEN/TDH/TDT) before setting RCTL.EN (TCTL.EN): an enabled unit with no ring fetches descriptors from address 0.',
  reference: '8254x SDM §14.4 Receive Initialization, §14.5 Transmit Initialization',
})
