// ../shared/reference/ndis5.md §1.8; §4 R13
import { defineRule } from '../rule'

export const R13 = defineRule({
  id: 'R13',
  title:
    'Spin lock misuse (re-acquire, release without acquire, Dpr/non-Dpr mismatch, out-of-order release, use before NdisAllocateSpinLock)',
  severity: 'error',
  stops: false,
  class: 'spin-locks',
  level: 'standard',
  emulatorParams: [
    'spin lock',
    'kind (1 re-acquire, 2 not held, 3 mismatch, 4 out of order, 5 not allocated, 6 freed while held, 7 held by another processor, 8 still held when the handler returned)',
    'current IRQL',
  ],
  explanation:
    'Pair NdisAcquireSpinLock with NdisReleaseSpinLock and the Dpr forms with each other, release nested locks in reverse order, and never re-acquire a lock you hold (deadlock).',
  reference: '§1.8; §4 R13 [DDI:nf-ndis-ndisallocatespinlock]',
})
