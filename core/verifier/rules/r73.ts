// Datasheet rule (issue 16): the driver's programming of the Intel 82540EM against the 8254x SDM. Checked at the register
// access that broke it, so the finding names the script line.
import { defineRule } from '../rule'

export const R73 = defineRule({
  id: 'R73',
  title: 'Descriptor ring base not 16-byte aligned',
  severity: 'error',
  stops: false,
  class: 'datasheet',
  level: 'standard',
  emulatorParams: ['register offset', 'value written', '0'],
  explanation:
    'RDBAL and TDBAL must hold a 16-byte aligned physical address; the low four bits are ignored, so the device reads descriptors 1–15 bytes before the ones the driver wrote: allocate the ring with NdisMAllocateSharedMemory and align it.',
  reference: '8254x SDM §13.4.27 RDBAL, §13.4.35 TDBAL (low 4 bits ignored)',
})
