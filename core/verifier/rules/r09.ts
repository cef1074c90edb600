// ../shared/reference/ndis5.md §1.1–§1.3, §1.9; §4 R9
import type { Verifier } from '../verifier'
import { defineRule } from '../rule'

export const R9 = defineRule({
  id: 'R9',
  title: 'Pool, packet, buffer or memory call above DISPATCH_LEVEL',
  severity: 'error',
  stops: true,
  class: 'irql',
  level: 'standard',
  forms: [
    {
      code: 0xc4,
      p1: 0x2,
      params: ['0x02', 'current IRQL', 'pool type (0 = NonPagedPool)', 'size in bytes (0 if unknown)'],
      when: 'an allocation',
    },
    {
      code: 0xc4,
      p1: 0x12,
      params: ['0x12', 'current IRQL', 'pool type (0 = NonPagedPool)', 'address being freed (0 if unknown)'],
      when: 'a free',
    },
  ],
  explanation:
    'These calls run at IRQL <= DISPATCH_LEVEL; move the call out of the ISR (DIRQL) into MiniportHandleInterrupt or later.',
  reference: '§1.1–§1.3, §1.9; §4 R9 [WDD:bug-check-0xc4]',
})

/** An allocation (`free` false) or a free above DISPATCH_LEVEL: 0xC4 P1 0x02 / 0x12. */
export function requireAtMostDispatch(v: Verifier, irql: number, call: string, free: boolean, size: number): void {
  if (irql > 2) v.report(R9, irql, 0, size, `${call} at IRQL ${irql} (must be <= DISPATCH_LEVEL)`, 0, free ? 1 : 0)
}
