// ../shared/reference/ndis5.md §1.1–§1.3, §1.9; §4 R9
import { defineRule } from '../rule'

export const R9 = defineRule({
  id: 'R9',
  title: 'Pool, packet, buffer or memory call above DISPATCH_LEVEL',
  severity: 'error',
  stops: true,
  code: 0xc4,
  windowsCode: true,
  params: ['0x02 allocate / 0x12 free', 'current IRQL', 'pool type (0 = NonPagedPool)', 'size in bytes (0 if unknown)'],
  level: 'standard',
  explanation:
    'These calls run at IRQL <= DISPATCH_LEVEL; move the call out of the ISR (DIRQL) into MiniportHandleInterrupt or later.',
  reference: '§1.1–§1.3, §1.9; §4 R9 [WDD:bug-check-0xc4]',
  checkedBy: ['every pool, packet, buffer and memory allocate and free call'],
})
