import { describe, expect, it } from 'vitest'
import { BugCheck } from '../../../core/verifier/bugcheck'
import { APC_LEVEL, DISPATCH_LEVEL, PASSIVE_LEVEL } from '../../../core/kernel/irql'
import { Kernel } from '../../../core/kernel/kernel'
import { NDIS_SPIN_LOCK } from '../../../core/kernel/spin-lock'
import {
  acquireSpinLock,
  allocateSpinLock,
  checkLocksReleased,
  dprAcquireSpinLock,
  dprReleaseSpinLock,
  freeSpinLock,
  releaseSpinLock,
} from '../../../core/kernel/spin-locks'
import { ManualClock } from '../../../core/sim/manual-clock'

function setup() {
  const clock = new ManualClock()
  const k = new Kernel({ memoryBytes: 1024, clock })
  const a = new NDIS_SPIN_LOCK()
  const b = new NDIS_SPIN_LOCK()
  allocateSpinLock(k, a)
  allocateSpinLock(k, b)
  return { k, a, b, clock }
}

function stopOf(fn: () => void): BugCheck {
  try {
    fn()
  } catch (e) {
    if (e instanceof BugCheck) return e
    throw e
  }
  throw new Error('no bug check')
}

describe('spin locks (ndis5.md §1.8)', () => {
  it('NdisAcquireSpinLock raises to DISPATCH_LEVEL and keeps the old IRQL in the lock; release restores it', () => {
    const { k, a } = setup()
    k.raiseIrql(APC_LEVEL)
    acquireSpinLock(k, a)
    expect(k.irql).toBe(DISPATCH_LEVEL)
    expect(a.OldIrql).toBe(APC_LEVEL)
    expect(k.locksHeld).toBe(1)
    releaseSpinLock(k, a)
    expect(k.irql).toBe(APC_LEVEL)
    expect(k.locksHeld).toBe(0)
    expect(k.verifier.findings).toHaveLength(0)
  })

  it('Dpr variants change no IRQL and run only at DISPATCH_LEVEL', () => {
    const { k, a } = setup()
    k.raiseIrql(DISPATCH_LEVEL)
    dprAcquireSpinLock(k, a)
    expect(k.irql).toBe(DISPATCH_LEVEL)
    dprReleaseSpinLock(k, a)
    expect(k.irql).toBe(DISPATCH_LEVEL)
    expect(k.verifier.findings).toHaveLength(0)
  })

  it('R10: NdisDprAcquireSpinLock at PASSIVE_LEVEL is 0xC4 with P1 0x40, P2 the IRQL, P3 the lock', () => {
    const { k, a } = setup()
    const s = stopOf(() => dprAcquireSpinLock(k, a))
    expect(s.code).toBe(0xc4)
    expect(s.params).toEqual([0x40, PASSIVE_LEVEL, a.address, 0])
    expect(a.address).toBe(0xf0000000)
    expect(s.rule).toBe('R10')
  })

  it('R11: NdisAcquireSpinLock at DIRQL is 0xC4 / 0x42', () => {
    const { k, a } = setup()
    k.raiseIrql(k.dirql)
    expect(stopOf(() => acquireSpinLock(k, a)).params[0]).toBe(0x42)
  })

  it('R12: a double release finds the IRQL below DISPATCH_LEVEL: 0xC4 / 0x32', () => {
    const { k, a } = setup()
    acquireSpinLock(k, a)
    releaseSpinLock(k, a)
    const s = stopOf(() => releaseSpinLock(k, a))
    expect(s.params.slice(0, 2)).toEqual([0x32, PASSIVE_LEVEL])
  })

  it('R13: out-of-order release restores the wrong IRQL, as the old IRQL is kept in each lock', () => {
    const { k, a, b } = setup()
    acquireSpinLock(k, a) // a.OldIrql = PASSIVE
    acquireSpinLock(k, b) // b.OldIrql = DISPATCH
    releaseSpinLock(k, a) // restores PASSIVE while b is still held
    expect(k.irql).toBe(PASSIVE_LEVEL)
    expect(k.verifier.findings.map((f) => [f.rule, f.params[2]])).toEqual([['R13', 4]])
    expect(k.locksHeld).toBe(1)
  })

  it('R13: re-acquiring a held lock is a deadlock that stops the run', () => {
    const { k, a } = setup()
    acquireSpinLock(k, a)
    const s = stopOf(() => acquireSpinLock(k, a))
    expect(s.rule).toBe('R13')
    expect(s.params[2]).toBe(1)
  })

  it('R13: Acquire paired with DprRelease, and use before NdisAllocateSpinLock', () => {
    const { k, a } = setup()
    acquireSpinLock(k, a)
    dprReleaseSpinLock(k, a)
    expect(k.verifier.findings.map((f) => f.params[2])).toEqual([3])
    const c = new NDIS_SPIN_LOCK()
    k.lowerIrql(PASSIVE_LEVEL)
    acquireSpinLock(k, c)
    expect(k.verifier.findings.map((f) => f.params[2])).toEqual([3, 5])
    releaseSpinLock(k, c)
    freeSpinLock(k, c)
  })

  it('R13: a value that is not an NDIS_SPIN_LOCK is a finding, not a host exception', () => {
    const { k } = setup()
    for (const bad of [undefined, null, 42, {}, 'lock']) acquireSpinLock(k, bad)
    expect(k.verifier.count('R13')).toBe(5)
    expect(k.irql).toBe(PASSIVE_LEVEL)
  })

  it('R15: a lock held longer than 25 µs of virtual time is a warning naming where it was acquired', () => {
    const { k, a, clock } = setup()
    const site = k.sites.at('d.ts', 20)
    acquireSpinLock(k, a)
    clock.advance(30_000)
    k.sites.at('d.ts', 30)
    releaseSpinLock(k, a)
    const f = k.verifier.findings[0]
    expect(f.rule).toBe('R15')
    expect(f.severity).toBe('warning')
    expect(f.code).toBe(0x133)
    expect(f.params.slice(0, 3)).toEqual([0, 30, 25])
    expect(f.allocatedSite).toBe(site)
  })
})

describe('spin locks across processors and handler returns (ndis5.md §1.8, SDV SpinLock rules)', () => {
  it('a lock held by another processor cannot be taken: R13 stops the run', () => {
    const clock = new ManualClock()
    const k = new Kernel({ memoryBytes: 1024, clock, processors: 2 })
    const a = new NDIS_SPIN_LOCK()
    allocateSpinLock(k, a)
    acquireSpinLock(k, a)
    k.selectProcessor(1)
    const s = stopOf(() => acquireSpinLock(k, a))
    expect([s.rule, s.params[2]]).toEqual(['R13', 7])
  })

  it('checkLocksReleased reports each lock still held with the line that acquired it and lets it go; finish() does it too', () => {
    const { k, a } = setup()
    const site = k.sites.at('d.ts', 41)
    acquireSpinLock(k, a)
    expect(checkLocksReleased(k, 'when MiniportHandleInterrupt returned')).toBe(1)
    const f = k.verifier.findings[0]
    expect([f.rule, f.params[2], f.allocatedSite]).toEqual(['R13', 8, site])
    expect(k.cpu.locks).toEqual([])
    acquireSpinLock(k, a)
    k.finish()
    expect(k.verifier.count('R13')).toBe(2)
  })
})
