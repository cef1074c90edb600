import { Kernel, type KernelOptions } from '../../../core/kernel/kernel'
import { createNdisLibrary } from '../../../core/ndis/api'
import { ndisRuntime } from '../../../core/ndis/instance'
import { BugCheck } from '../../../core/verifier/bugcheck'

export function setup(options: KernelOptions = {}) {
  const k = new Kernel({ memoryBytes: 1 << 20, ...options })
  const ndis = createNdisLibrary(k)
  const rt = ndisRuntime(k)
  const out = () => ({ value: -1 })
  const rules = () => k.verifier.findings.map((f) => f.rule)
  return { k, ndis, rt, out, rules }
}

/** Makes a pool and returns its handle. */
export function pool(ndis: ReturnType<typeof setup>['ndis'], n = 4, prl = 16): number {
  const s = { value: -1 }
  const h = { value: -1 }
  ndis.NdisAllocatePacketPool(s, h, n, prl)
  if (s.value !== 0) throw new Error('pool failed')
  return h.value
}

export function packet(ndis: ReturnType<typeof setup>['ndis'], handle: number): number {
  const s = { value: -1 }
  const p = { value: -1 }
  ndis.NdisAllocatePacket(s, p, handle)
  if (s.value !== 0) throw new Error('packet failed')
  return p.value
}

/** Memory, a buffer pool and one buffer per length, filled with a byte pattern. */
export function buffers(s: ReturnType<typeof setup>, lengths: number[], fill = (i: number) => i & 0xff): number[] {
  const { ndis } = s
  const st = { value: -1 }
  const bp = { value: -1 }
  ndis.NdisAllocateBufferPool(st, bp, 32)
  const out: number[] = []
  for (const len of lengths) {
    const va = { value: 0 }
    ndis.NdisAllocateMemoryWithTag(va, len, 0x74736574)
    for (let i = 0; i < len; i++) ndis.MmWrite8(va.value + i, fill(out.length * 64 + i))
    const b = { value: 0 }
    ndis.NdisAllocateBuffer(st, b, bp.value, va.value, len)
    if (st.value !== 0) throw new Error('buffer failed')
    out.push(b.value)
  }
  return out
}

export function stopOf(fn: () => void): BugCheck {
  try {
    fn()
  } catch (e) {
    if (e instanceof BugCheck) return e
    throw e
  }
  throw new Error('no bug check')
}
