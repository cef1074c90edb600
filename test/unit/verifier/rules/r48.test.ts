// The rule's own test: Device DMA outside the memory the driver gave it
import { describe } from 'vitest'
import { vaToPa } from '../../../../core/kernel/physical'
import { R48 } from '../../../../core/verifier/catalogue'
import { kernelRuleCase } from './rule-case'

describe('R48: Device DMA outside the memory the driver gave it', () => {
  kernelRuleCase(
    R48,
    (c) => {
      const va = c.o()
      c.ndis.NdisAllocateMemoryWithTag(va, 256, 0)
      // The device writes a 1514-byte frame into a 256-byte buffer (what the controller's receive DMA reports).
      // Device context: no script line is making the transfer, so the finding names the block's allocating line.
      c.k.sites.cell[0] = 0
      return {
        line: 0,
        params: [0x1030, vaToPa(va.value), 1514, 1],
        allocatedLine: 1,
        act: () => c.k.checkDma(va.value, 1514, 1, vaToPa(va.value)),
      }
    },
    'a receive DMA longer than the buffer',
  )
})
