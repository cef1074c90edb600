// The rule's own test: NdisAcquireSpinLock above DISPATCH_LEVEL
import { describe } from 'vitest'
import { R11 } from '../../../../core/verifier/catalogue'
import { kernelRuleCase } from './rule-case'

describe('R11: NdisAcquireSpinLock above DISPATCH_LEVEL', () => {
  kernelRuleCase(R11, (c) => {
    const lock = c.lock()
    c.k.raiseIrql(c.k.dirql)
    return { line: 24, params: [0x42, c.k.dirql, lock.address, 0], act: () => c.ndis.NdisAcquireSpinLock(lock) }
  })
})
