// The rule's own test: Call made while holding a spin lock
import { describe } from 'vitest'
import { R14 } from '../../../../core/verifier/catalogue'
import { kernelRuleCase } from './rule-case'

describe('R14: Call made while holding a spin lock', () => {
  kernelRuleCase(R14, (c) => {
    const p = c.packet(c.pool())
    const lock = c.lock()
    c.at(5)
    c.ndis.NdisAcquireSpinLock(lock)
    return { line: 28, params: [0x100e, lock.address, 1, 0], allocatedLine: 5, act: () => c.ndis.NdisFreePacket(p) }
  })
})
