// The rule's own test: NdisReleaseSpinLock not at DISPATCH_LEVEL
import { describe } from 'vitest'
import { R12 } from '../../../../core/verifier/catalogue'
import { kernelRuleCase } from './rule-case'

describe('R12: NdisReleaseSpinLock not at DISPATCH_LEVEL', () => {
  kernelRuleCase(R12, (c) => {
    const lock = c.lock()
    c.ndis.NdisAcquireSpinLock(lock)
    c.k.lowerIrql(0)
    return { line: 25, params: [0x32, 0, lock.address, 0], act: () => c.ndis.NdisReleaseSpinLock(lock) }
  })
})
