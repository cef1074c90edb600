// The rule's own test: Touching freed or unallocated memory
import { describe, expect, it } from 'vitest'
import { KVA_BASE } from '../../../../core/kernel/memory'
import { R16 } from '../../../../core/verifier/catalogue'
import { attempt, kernelCtx, kernelRuleCase } from './rule-case'

describe('R16: Touching freed or unallocated memory', () => {
  kernelRuleCase(
    R16,
    (c) => ({
      line: 30,
      form: 1,
      params: [0x12345678, 0, 0, 0],
      act: () => void c.ndis.MmRead32(0x12345678),
    }),
    'a read of unmapped memory below DISPATCH_LEVEL: 0x50',
  )
  kernelRuleCase(
    R16,
    (c) => {
      c.k.raiseIrql(2)
      return { line: 31, params: [KVA_BASE - 4, 2, 1, 0], act: () => c.ndis.MmWrite32(KVA_BASE - 4, 1) }
    },
    'a write of unmapped memory at DISPATCH_LEVEL: 0xD1',
  )
  it('freed memory is caught only with the verifier (special pool), as 0xD1 / 0x50', () => {
    for (const level of ['standard', 'off'] as const) {
      const c = kernelCtx(level)
      const va = c.o()
      c.ndis.NdisAllocateMemoryWithTag(va, 16, 0)
      c.ndis.NdisFreeMemory(va.value, 16, 0)
      c.at(32)
      const stopped = attempt(() => void c.ndis.MmRead8(va.value))
      expect(stopped?.rule ?? null).toBe(level === 'off' ? null : 'R16')
    }
  })
})
