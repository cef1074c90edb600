// The rule's own test: Spin lock misuse (re-acquire, release without acquire, Dpr/non-Dpr mismatch, out-of-order release, use before NdisAllocateSpinLock)
import { describe } from 'vitest'
import { LOCK_NOT_HELD, LOCK_REACQUIRED } from '../../../../core/kernel/spin-locks'
import { R13 } from '../../../../core/verifier/catalogue'
import { kernelRuleCase } from './rule-case'

describe('R13: Spin lock misuse (re-acquire, release without acquire, Dpr/non-Dpr mismatch, out-of-order release, use before NdisAllocateSpinLock)', () => {
  kernelRuleCase(
    R13,
    (c) => {
      const lock = c.lock()
      c.k.raiseIrql(2)
      return {
        line: 26,
        params: [0x100d, lock.address, LOCK_NOT_HELD, 2],
        act: () => c.ndis.NdisDprReleaseSpinLock(lock),
      }
    },
    'a release of a lock that is not held',
  )
  kernelRuleCase(
    R13,
    (c) => {
      const lock = c.lock()
      c.ndis.NdisAcquireSpinLock(lock)
      return {
        line: 27,
        params: [0x100d, lock.address, LOCK_REACQUIRED, 2],
        act: () => c.ndis.NdisAcquireSpinLock(lock),
      }
    },
    'a re-acquire: a deadlock that stops the run',
    ['R15'],
  )
})
