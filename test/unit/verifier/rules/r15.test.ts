// The rule's own test: Spin lock held longer than 25 µs
import { describe } from 'vitest'
import { R15 } from '../../../../core/verifier/catalogue'
import { kernelRuleCase } from './rule-case'

describe('R15: Spin lock held longer than 25 µs', () => {
  kernelRuleCase(
    R15,
    (c) => {
      const lock = c.lock()
      c.at(6)
      c.ndis.NdisAcquireSpinLock(lock)
      c.clock.advance(26_000)
      return {
        line: 29,
        params: [0, 26, 25, lock.address],
        allocatedLine: 6,
        act: () => c.ndis.NdisReleaseSpinLock(lock),
      }
    },
    "a spin lock held past 25 µs (a warning; the watchdog form is the host's, tested with the engine)",
    [],
  )
})
