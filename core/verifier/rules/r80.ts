// Datasheet rule (issue 16): the driver's programming of the Intel 82540EM against the 8254x SDM. Checked at the register
// access that broke it, so the finding names the script line.
import { defineRule } from '../rule'

export const R80 = defineRule({
  id: 'R80',
  title: 'Receive descriptor buffer not in shared memory or smaller than the buffer size',
  severity: 'error',
  stops: false,
  class: 'datasheet',
  level: 'standard',
  emulatorParams: ['descriptor index', 'buffer physical address', 'RCTL buffer size (BSIZE)'],
  explanation:
    'A descriptor handed to the device (by the RDT write) must point at shared memory from NdisMAllocateSharedMemory at least as long as the receive buffer size RCTL.BSIZE/BSEX selects: the device writes up to that many bytes.',
  reference: '8254x SDM §3.2.2 receive buffers, §13.4.22 RCTL.BSIZE',
})
