// One test per rule: a minimal misuse that the rule must report, with its code and P1 (ndis5.md §4).
import { describe, expect, it } from 'vitest'
import { BugCheck } from '../../../core/kernel/bugcheck'
import { ManualClock } from '../../../core/kernel/clock'
import { DISPATCH_LEVEL } from '../../../core/kernel/irql'
import { Kernel } from '../../../core/kernel/kernel'
import { NDIS_SPIN_LOCK } from '../../../core/kernel/spin-lock'
import { createNdisLibrary, type NdisLibrary } from '../../../core/ndis/api'
import { ndisRuntime, type NdisRuntime } from '../../../core/ndis/runtime'
import { RULES, ruleById } from '../../../core/verifier/catalogue'
import { emulatorSubcode } from '../../../core/verifier/rule'

interface Ctx {
  k: Kernel
  ndis: NdisLibrary
  rt: NdisRuntime
  clock: ManualClock
  o: () => { value: number }
  pool: (n?: number, prl?: number) => number
  packet: (pool: number) => number
  buffer: (len?: number) => number
  lock: () => NDIS_SPIN_LOCK
}

function ctx(): Ctx {
  const clock = new ManualClock()
  const k = new Kernel({ memoryBytes: 1 << 20, clock })
  const ndis = createNdisLibrary(k)
  const o = () => ({ value: 0 })
  let bp = 0
  return {
    k,
    ndis,
    rt: ndisRuntime(k),
    clock,
    o,
    pool(n = 4, prl = 16) {
      const h = o()
      ndis.NdisAllocatePacketPool(o(), h, n, prl)
      return h.value
    },
    packet(pool) {
      const p = o()
      ndis.NdisAllocatePacket(o(), p, pool)
      return p.value
    },
    buffer(len = 32) {
      if (bp === 0) {
        const h = o()
        ndis.NdisAllocateBufferPool(o(), h, 16)
        bp = h.value
      }
      const va = o()
      ndis.NdisAllocateMemoryWithTag(va, len, 0)
      const b = o()
      ndis.NdisAllocateBuffer(o(), b, bp, va.value, len)
      return b.value
    },
    lock() {
      const l = new NDIS_SPIN_LOCK()
      ndis.NdisAllocateSpinLock(l)
      return l
    },
  }
}

const triggers: Record<string, (c: Ctx) => void> = {
  R1: (c) => c.ndis.NdisAllocatePacketPool(c.o(), c.o(), 0x10000, 16),
  R2: (c) => c.ndis.NdisAllocatePacketPoolEx(c.o(), c.o(), 0xfffe, 5, 0),
  R3: (c) => {
    const p = c.packet(c.pool(2, 32))
    c.ndis.NdisChainBufferAtBack(p, c.buffer())
    c.rt.markIndicated(p)
  },
  R4: (c) => {
    const h = c.pool(1)
    c.packet(h)
    c.packet(h)
  },
  R5: (c) => {
    const p = c.packet(c.pool())
    c.ndis.NdisFreePacket(p)
    c.ndis.NdisFreePacket(p)
  },
  R6: (c) => {
    const p = c.packet(c.pool())
    c.ndis.NdisChainBufferAtBack(p, c.buffer())
    c.ndis.NdisFreePacket(p)
    c.k.finish()
  },
  R7: (c) => {
    const h = c.pool()
    c.packet(h)
    c.ndis.NdisFreePacketPool(h)
  },
  R8: (c) => {
    const b = c.buffer()
    c.ndis.NdisFreeBufferPool(c.rt.locateBuffer(b)!.handle)
  },
  R9: (c) => {
    const h = c.pool()
    c.k.raiseIrql(c.k.dirql)
    c.packet(h)
  },
  R10: (c) => c.ndis.NdisDprAcquireSpinLock(c.lock()),
  R11: (c) => {
    const l = c.lock()
    c.k.raiseIrql(c.k.dirql)
    c.ndis.NdisAcquireSpinLock(l)
  },
  R12: (c) => {
    const l = c.lock()
    c.ndis.NdisAcquireSpinLock(l)
    c.k.lowerIrql(0)
    c.ndis.NdisReleaseSpinLock(l)
  },
  R13: (c) => {
    const l = c.lock()
    c.k.raiseIrql(DISPATCH_LEVEL)
    c.ndis.NdisReleaseSpinLock(l)
  },
  R14: (c) => {
    const p = c.packet(c.pool())
    c.ndis.NdisAcquireSpinLock(c.lock())
    c.ndis.NdisFreePacket(p)
  },
  R15: (c) => {
    const l = c.lock()
    c.ndis.NdisAcquireSpinLock(l)
    c.clock.advance(26_000)
    c.ndis.NdisReleaseSpinLock(l)
  },
  R16: (c) => c.ndis.MmRead32(0x12345678),
  R17: (c) => c.ndis.NdisAllocateMemoryWithTag(c.o(), 0, 0),
  R18: (c) => c.ndis.NdisFreeMemory(0x80000100, 4, 0),
  R19: (c) => {
    const va = c.o()
    c.ndis.NdisAllocateMemory(va, 16, 0, -1)
    c.ndis.NdisFreeMemory(va.value, 16, 1)
  },
  R20: (c) => {
    c.ndis.NdisAllocateMemoryWithTag(c.o(), 16, 0)
    c.k.finish()
  },
  R21: (c) => {
    const p = c.packet(c.pool())
    c.ndis.NdisChainBufferAtBack(p, c.buffer())
    c.rt.markIndicated(p)
    c.rt.markIndicated(p)
  },
  R22: (c) => {
    const p = c.packet(c.pool())
    c.ndis.NdisChainBufferAtBack(p, c.buffer())
    c.rt.markIndicated(p)
    c.ndis.NdisFreePacket(p)
  },
  R31: (c) => c.rt.markIndicated(c.packet(c.pool())),
  R33: (c) => {
    const va = c.o()
    c.ndis.NdisAllocateMemoryWithTag(va, 16, 0)
    c.ndis.NdisAllocateBuffer(c.o(), c.o(), 0, va.value, 0)
  },
  R35: (c) => {
    const p = c.packet(c.pool())
    const b = c.buffer()
    c.ndis.NdisChainBufferAtBack(p, b)
    c.ndis.NdisFreeBuffer(b)
  },
  R36: (c) => c.ndis.NdisQueryPacket(0x4242, null, null, null, null),
  R37: (c) => c.ndis.NdisAllocatePacketPool(c.o(), c.o(), 1.5, 16),
  R39: (c) => c.ndis.NdisAllocateBuffer(c.o(), c.o(), 0, 0x80070000, 16),
  R40: (c) => {
    const p = c.packet(c.pool())
    const q = c.packet(c.pool())
    const b = c.buffer()
    c.ndis.NdisChainBufferAtBack(p, b)
    c.ndis.NdisChainBufferAtBack(q, b)
  },
}

describe.each(RULES.map((r) => [r.id, r] as const))('%s', (id, rule) => {
  const trigger = triggers[id]
  if (trigger === undefined) {
    it('is checked outside the NDIS packet library (its checks name none of the library calls)', () => {
      const library = new Set(Object.keys(createNdisLibrary(new Kernel({ memoryBytes: 4096 }))))
      expect(rule.checkedBy.filter((c) => library.has(c))).toEqual([])
    })
    return
  }
  it(`is reported with ${rule.code.toString(16)} and its P1 (${rule.reference})`, () => {
    const c = ctx()
    if (id === 'R10') c.k.lowerIrql(0)
    let stopped: BugCheck | null = null
    try {
      trigger(c)
    } catch (e) {
      if (!(e instanceof BugCheck)) throw e
      stopped = e
    }
    const f = c.k.verifier.findings.find((x) => x.rule === id)
    expect(f, 'finding ' + id).toBeDefined()
    expect(f!.code).toBe(rule.code)
    expect(f!.severity).toBe(rule.severity)
    if (!rule.windowsCode) expect(f!.params[0]).toBe(emulatorSubcode(id))
    if (rule.stops) expect(stopped?.rule).toBe(id)
    else expect(stopped === null || stopped.rule !== id).toBe(true)
  })
})

describe('verifier level off (issue: no checks beyond statuses)', () => {
  it('reports nothing for the same misuses, and nothing throws', () => {
    for (const [id, trigger] of Object.entries(triggers)) {
      const c = ctx()
      c.k.verifier.level = 0
      if (id === 'R20' || id === 'R6') continue // run-end scans report leaks at any level
      trigger(c)
      expect(c.k.verifier.findings, id).toEqual([])
    }
  })
})

it('R13 deadlock stops the run although R13 itself does not', () => {
  const c = ctx()
  const l = c.lock()
  c.k.raiseIrql(DISPATCH_LEVEL)
  c.ndis.NdisDprAcquireSpinLock(l)
  expect(() => c.ndis.NdisDprAcquireSpinLock(l)).toThrow(BugCheck)
  expect(ruleById('R13')!.stops).toBe(false)
})
