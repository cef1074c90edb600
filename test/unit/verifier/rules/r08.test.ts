// The rule's own test: NdisFreeBufferPool with buffers outstanding
import { describe } from 'vitest'
import { R8 } from '../../../../core/verifier/catalogue'
import { kernelRuleCase } from './rule-case'

describe('R8: NdisFreeBufferPool with buffers outstanding', () => {
  kernelRuleCase(R8, (c) => {
    c.buffer()
    const pool = c.bufferPool()
    return { line: 18, params: [0x1008, pool, 1, 0], allocatedLine: 1, act: () => c.ndis.NdisFreeBufferPool(pool) }
  })
})
