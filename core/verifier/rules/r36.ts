// ../shared/reference/ndis5.md workbench rule (bad handles must never crash the host)
import { defineRule, EMULATOR_CODE } from '../rule'

export const R36 = defineRule({
  id: 'R36',
  title: 'Not a live object of the expected kind',
  severity: 'error',
  stops: false,
  code: EMULATOR_CODE,
  windowsCode: false,
  params: [
    '0x1024',
    'value passed',
    'expected kind (1 packet pool, 2 packet, 3 buffer pool, 4 buffer, 5 spin lock)',
    '0',
  ],
  level: 'standard',
  explanation:
    'The handle or pointer is not one NDIS gave you, or its object was freed; pass the value the allocating call returned.',
  reference: 'workbench rule (bad handles must never crash the host)',
  checkedBy: ['every call taking a handle'],
})
