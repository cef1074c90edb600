// Workbench rule (issue 16): I/O port accesses reach only ranges the miniport registered. NDIS hands a miniport its
// port resources through NdisMQueryAdapterResources and maps them with NdisMRegisterIoPortRange before any
// NdisRaw*Port* call (DDK: NdisMRegisterIoPortRange; ndis5.md §1.10).
import { defineRule } from '../rule'

export const R83 = defineRule({
  id: 'R83',
  title: 'I/O port access outside a registered port range',
  severity: 'error',
  stops: false,
  class: 'arguments',
  level: 'standard',
  emulatorParams: ['port', 'access width', '1 write / 0 read'],
  explanation:
    'Register the port range NdisMQueryAdapterResources reports (CmResourceTypePort) with NdisMRegisterIoPortRange and use the port it returns; a read of an unclaimed port returns all ones and a write goes nowhere.',
  reference: 'DDK NdisMRegisterIoPortRange, NdisRawReadPortUlong; ndis5.md §1.10; workbench rule',
})
