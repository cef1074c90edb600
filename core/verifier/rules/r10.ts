// ../shared/reference/ndis5.md §1.2, §1.8; §4 R10
import { defineRule } from '../rule'

export const R10 = defineRule({
  id: 'R10',
  title: 'NdisDpr* call at an IRQL other than DISPATCH_LEVEL',
  severity: 'error',
  stops: true,
  class: 'irql',
  level: 'standard',
  forms: [
    {
      code: 0xc4,
      p1: 0x40,
      params: ['0x40', 'current IRQL', 'spin lock (the pool for packet calls)', '0'],
      when: 'an acquire (or a Dpr packet call)',
    },
    { code: 0xc4, p1: 0x41, params: ['0x41', 'current IRQL', 'spin lock', '0'], when: 'a release' },
  ],
  explanation:
    'NdisDprAllocatePacket, NdisDprFreePacket and NdisDprAcquire/ReleaseSpinLock run only at DISPATCH_LEVEL; use the non-Dpr form elsewhere.',
  reference: '§1.2, §1.8; §4 R10 [MSDN-ff551932; WDK-h]',
})
