// ../shared/reference/ndis5.md §1.10 (set-up calls run in MiniportInitialize/MiniportHalt at PASSIVE_LEVEL)
import { defineRule, EMULATOR_CODE } from '../rule'

export const R41 = defineRule({
  id: 'R41',
  title: 'Adapter set-up call outside PASSIVE_LEVEL',
  severity: 'error',
  stops: false,
  code: EMULATOR_CODE,
  windowsCode: false,
  params: ['0x1029', 'IRQL', 'required IRQL', '0'],
  level: 'standard',
  explanation:
    'NdisMRegisterInterrupt, NdisMMapIoSpace, NdisMAllocateSharedMemory, configuration and attribute calls belong in MiniportInitialize or MiniportHalt, at PASSIVE_LEVEL.',
  reference: '§1.10 [MSDN-ff553596; DDK98 203entry_14]',
  checkedBy: [
    'NdisMSetAttributesEx',
    'NdisMRegisterInterrupt',
    'NdisMDeregisterInterrupt',
    'NdisMMapIoSpace',
    'NdisMUnmapIoSpace',
    'NdisMAllocateSharedMemory',
    'NdisMFreeSharedMemory',
    'NdisOpenConfiguration',
    'NdisReadConfiguration',
    'NdisMQueryAdapterResources',
  ],
})
