// Datasheet rule (issue 16): the driver's programming of the Intel 82540EM against the 8254x SDM. Checked at the register
// access that broke it, so the finding names the script line.
import { defineRule } from '../rule'

export const R78 = defineRule({
  id: 'R78',
  title: 'Register accessed while the device reset is in progress',
  severity: 'error',
  stops: false,
  class: 'datasheet',
  level: 'standard',
  emulatorParams: ['register offset', '1 write / 0 read', 'CTRL value that started the reset'],
  explanation:
    'After setting CTRL.RST wait at least 1 µs (NdisStallExecution) before touching any register: the device does not answer during its reset.',
  reference: '8254x SDM §13.4.1 CTRL.RST, §14.1 (wait after a global reset)',
})
