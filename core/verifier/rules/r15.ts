// ../shared/reference/ndis5.md §1.8; §4 R15
import { defineRule } from '../rule'

export const R15 = defineRule({
  id: 'R15',
  title: 'Spin lock held longer than 25 µs',
  severity: 'warning',
  stops: false,
  class: 'spin-locks',
  level: 'standard',
  forms: [
    {
      code: 0x133,
      p1: 0x0,
      params: ['0 (one DPC or ISR ran too long)', 'time the lock was held (µs)', 'allotment (25 µs)', 'spin lock'],
      when: 'a spin lock held past 25 µs (a warning)',
    },
    {
      code: 0x133,
      p1: 0x0,
      params: [
        '0 (one DPC or ISR ran too long)',
        'time the handler ran (ms, wall clock)',
        'allotment (ms, the watchdog budget)',
        '0',
      ],
      when: 'a handler that does not return (the watchdog stops the run)',
    },
  ],
  withoutVerifier:
    "the DPC watchdog is the kernel's own: a handler that never returns is DPC_WATCHDOG_VIOLATION without Driver Verifier [WDD:bug-check-0x133-dpc-watchdog-violation]",
  explanation: 'Hold spin locks for a few instructions only; move work out of the locked region.',
  reference: '§1.8; §4 R15 [DDI:...acquirespinlock; WDD:bug-check-0x133]',
})
