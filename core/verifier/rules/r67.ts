// docs/controller.md §2: I/O ports are reached through a range registered with NdisMRegisterIoPortRange.
import { defineRule } from '../rule'

export const R67 = defineRule({
  id: 'R67',
  title: 'I/O port access outside a range registered with NdisMRegisterIoPortRange',
  severity: 'error',
  stops: false,
  class: 'arguments',
  level: 'standard',
  emulatorParams: ['port', 'width in bytes', '1 write, 0 read'],
  explanation:
    "Register the adapter's port range (from NdisMQueryAdapterResources) with NdisMRegisterIoPortRange at PASSIVE_LEVEL, and read and write only the ports inside it until NdisMDeregisterIoPortRange.",
  reference:
    'NdisMRegisterIoPortRange, NdisRawReadPortUlong [DDI]; on Windows the access reaches whatever device decodes the port',
})
