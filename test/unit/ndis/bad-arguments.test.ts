// Issue: bad arguments (NaN, negative or fractional counts, huge lengths, random numbers as handles, handles of
// freed objects, values of the wrong type) give the documented status or a finding, never a host exception.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BugCheck } from '../../../core/verifier/bugcheck'
import { Kernel } from '../../../core/kernel/kernel'
import { createNdisLibrary } from '../../../core/ndis/api'

const garbage = fc.oneof(
  fc.constantFrom<unknown>(
    0,
    1,
    -1,
    NaN,
    Infinity,
    -Infinity,
    0.5,
    2 ** 32,
    2 ** 53,
    0x7fffffff,
    0x80000000,
    0xffffffff,
  ),
  fc.constantFrom<unknown>(null, undefined, 'x', '0x80000000', true, {}, [], { value: 1 }, 10n, Symbol('s')),
  fc.integer({ min: 0x80000000, max: 0x80010000 }),
  fc.double(),
)

function world() {
  const k = new Kernel({ memoryBytes: 1 << 18 })
  const ndis = createNdisLibrary(k)
  // some live objects so that random addresses can land on real ones
  const s = { value: 0 }
  const h = { value: 0 }
  ndis.NdisAllocatePacketPool(s, h, 4, 16)
  const p = { value: 0 }
  ndis.NdisAllocatePacket(s, p, h.value)
  const bp = { value: 0 }
  ndis.NdisAllocateBufferPool(s, bp, 4)
  const va = { value: 0 }
  ndis.NdisAllocateMemoryWithTag(va, 64, 0)
  const b = { value: 0 }
  ndis.NdisAllocateBuffer(s, b, bp.value, va.value, 64)
  ndis.NdisChainBufferAtBack(p.value, b.value)
  return { k, ndis }
}

const names = Object.keys(createNdisLibrary(new Kernel({ memoryBytes: 4096 }))).filter(
  (n) => n !== 'NDIS_SPIN_LOCK' && n !== 'NPAGED_LOOKASIDE_LIST',
)

describe('bad arguments never escape as host exceptions', () => {
  it.each(names)('%s', (name) => {
    fc.assert(
      fc.property(fc.array(garbage, { minLength: 7, maxLength: 7 }), fc.nat(3), (args, irql) => {
        const { k, ndis } = world()
        k.raiseIrql([0, 1, 2, k.dirql][irql])
        const fn = (ndis as unknown as Record<string, (...a: unknown[]) => unknown>)[name]
        try {
          fn(...args)
          fn(...args)
        } catch (e) {
          if (!(e instanceof BugCheck)) throw e
        }
        expect(() => k.finish()).not.toThrow()
      }),
      { numRuns: 40 },
    )
  })
})
