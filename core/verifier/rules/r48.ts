// Workbench rule: the controller's bus-master DMA reaches only what the driver programmed into its rings and
// descriptors. A transfer outside live non-paged memory, or past the end of the block that holds it, means the driver
// gave the device a wrong address or a buffer too small for what the device writes (controller.md §6.1).
import { defineRule } from '../rule'

export const R48 = defineRule({
  id: 'R48',
  title: 'Device DMA outside the memory the driver gave it',
  severity: 'error',
  stops: false,
  class: 'memory',
  level: 'standard',
  emulatorParams: ['physical address', 'length', '1 the device wrote / 0 it read'],
  explanation:
    'A DMA transfer the controller made from a descriptor the driver wrote reached memory that is not a live allocation, or ran past the end of one: give the device buffers as long as the frames it may write (shared memory from NdisMAllocateSharedMemory).',
  reference: 'controller.md §6.1 (DMA); workbench rule',
})
