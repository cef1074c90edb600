// The rule's own test: NdisDpr* call at an IRQL other than DISPATCH_LEVEL
import { describe } from 'vitest'
import { R10 } from '../../../../core/verifier/catalogue'
import { kernelRuleCase } from './rule-case'

describe('R10: NdisDpr* call at an IRQL other than DISPATCH_LEVEL', () => {
  kernelRuleCase(
    R10,
    (c) => {
      const lock = c.lock()
      return { line: 21, params: [0x40, 0, lock.address, 0], act: () => c.ndis.NdisDprAcquireSpinLock(lock) }
    },
    'NdisDprAcquireSpinLock at PASSIVE_LEVEL',
  )
  kernelRuleCase(
    R10,
    (c) => {
      const lock = c.lock()
      c.k.raiseIrql(2)
      c.ndis.NdisDprAcquireSpinLock(lock)
      c.k.lowerIrql(0)
      return { line: 22, form: 1, params: [0x41, 0, lock.address, 0], act: () => c.ndis.NdisDprReleaseSpinLock(lock) }
    },
    'NdisDprReleaseSpinLock at PASSIVE_LEVEL',
  )
  kernelRuleCase(
    R10,
    (c) => {
      const pool = c.pool()
      return { line: 23, params: [0x40, 0, pool, 0], act: () => c.ndis.NdisDprAllocatePacket(c.o(), c.o(), pool) }
    },
    'NdisDprAllocatePacket at PASSIVE_LEVEL names the pool (its lock)',
  )
})
