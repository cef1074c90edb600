// The rule's own test: Access beyond the end (or before the start) of an allocation
import { describe } from 'vitest'
import { R47 } from '../../../../core/verifier/catalogue'
import { kernelRuleCase } from './rule-case'

describe('R47: Access beyond the end (or before the start) of an allocation', () => {
  kernelRuleCase(
    R47,
    (c) => {
      const va = c.o()
      c.ndis.NdisAllocateMemoryWithTag(va, 60, 0)
      // Bytes 60..63 are past the 60-byte block (the granule's slack): the write's last byte is the overrun.
      return {
        line: 46,
        params: [va.value + 60, 1, 0, 0],
        allocatedLine: 1,
        act: () => c.ndis.MmWrite32(va.value + 60, 7),
      }
    },
    'a write one byte past the end of a block',
  )
  kernelRuleCase(
    R47,
    (c) => {
      const va = c.o()
      c.ndis.NdisAllocateMemoryWithTag(va, 64, 0)
      return {
        line: 47,
        params: [va.value - 1, 0, 0, 0],
        allocatedLine: 1,
        act: () => void c.ndis.MmRead8(va.value - 1),
      }
    },
    'a read one byte before the start of a block',
  )
})
