// ../shared/reference/ndis5.md §1.10 (NdisMSetAttributes(Ex) before claiming resources)
import { defineRule, EMULATOR_CODE } from '../rule'

export const R42 = defineRule({
  id: 'R42',
  title: 'Resources claimed before NdisMSetAttributesEx',
  severity: 'warning',
  stops: false,
  code: EMULATOR_CODE,
  windowsCode: false,
  params: ['0x102A', '0', '0', '0'],
  level: 'standard',
  explanation:
    'Call NdisMSetAttributesEx first in MiniportInitialize: NDIS needs the adapter context and attributes before the interrupt, registers or shared memory are claimed.',
  reference: '§1.10 [DDK98 203entry_14]',
  checkedBy: ['NdisMRegisterInterrupt', 'NdisMMapIoSpace', 'NdisMAllocateSharedMemory'],
})
