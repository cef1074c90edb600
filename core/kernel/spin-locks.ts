// Spin lock operations behind NdisAcquire/Release/DprAcquire/DprRelease/Allocate/FreeSpinLock (ndis5.md §1.8,
// §4 R10–R13, R15). The old IRQL lives in the lock; an out-of-order release restores it anyway, as Windows does.
import { R10, R11, R12, R13, R15 } from '../verifier/catalogue'
import { VERIFIER_OFF } from '../verifier/level'
import { emulatorSubcode } from '../verifier/rule'
import { DISPATCH_LEVEL } from './irql'
import type { Kernel } from './kernel'
import { NDIS_SPIN_LOCK } from './spin-lock'
import { isScriptInstance } from './script-value'

/** Hold time above which a lock is reported (ndis5.md §1.8: > 25 µs degrades the system). */
export const SPIN_LOCK_HOLD_LIMIT_NS = 25_000

const REACQUIRE = 1
const NOT_HELD = 2
const MISMATCH = 3
const OUT_OF_ORDER = 4
const NOT_ALLOCATED = 5
const FREED_WHILE_HELD = 6
const HELD_ELSEWHERE = 7
const HELD_ON_RETURN = 8

function isLock(lock: unknown): lock is NDIS_SPIN_LOCK {
  return isScriptInstance(lock, NDIS_SPIN_LOCK)
}

function misuse(k: Kernel, lock: NDIS_SPIN_LOCK, kind: number, message: string): void {
  k.verifier.report(R13, emulatorSubcode('R13'), lock.id, kind, k.cpu.irql, message)
}

/** False (after a finding) when `lock` is not an NDIS_SPIN_LOCK the driver allocated. */
function usable(k: Kernel, lock: unknown, call: string): lock is NDIS_SPIN_LOCK {
  if (!isLock(lock)) {
    if (k.verifier.level !== VERIFIER_OFF) {
      k.verifier.report(
        R13,
        emulatorSubcode('R13'),
        0,
        NOT_ALLOCATED,
        k.cpu.irql,
        call + ': argument is not an NDIS_SPIN_LOCK',
      )
    }
    return false
  }
  if (!lock.allocated && k.verifier.level !== VERIFIER_OFF) {
    misuse(k, lock, NOT_ALLOCATED, call + ' on a lock that NdisAllocateSpinLock has not initialised')
  }
  return true
}

export function allocateSpinLock(k: Kernel, lock: unknown): void {
  if (!isLock(lock)) {
    usable(k, lock, 'NdisAllocateSpinLock')
    return
  }
  lock.allocated = true
  lock.SpinLock = -1
  lock.dpr = false
}

export function freeSpinLock(k: Kernel, lock: unknown): void {
  if (!usable(k, lock, 'NdisFreeSpinLock')) return
  if (lock.SpinLock !== -1 && k.verifier.level !== VERIFIER_OFF) {
    misuse(k, lock, FREED_WHILE_HELD, 'NdisFreeSpinLock on a lock that is still held')
  }
  lock.allocated = false
}

function take(k: Kernel, lock: NDIS_SPIN_LOCK, dpr: boolean, call: string): boolean {
  if (lock.SpinLock === k.cpu.number) {
    if (k.verifier.level !== VERIFIER_OFF) {
      // A second acquire on the same processor spins for ever: the run cannot go on.
      k.verifier.stop(
        R13,
        emulatorSubcode('R13'),
        lock.id,
        REACQUIRE,
        k.cpu.irql,
        call + ' on a lock this processor already holds (deadlock)',
      )
    }
    return false
  }
  if (lock.SpinLock !== -1) {
    if (k.verifier.level !== VERIFIER_OFF) {
      // The processor would spin until the holder releases it; code that waits on itself this way never returns.
      k.verifier.stop(
        R13,
        emulatorSubcode('R13'),
        lock.id,
        HELD_ELSEWHERE,
        k.cpu.irql,
        call + ' on a lock processor ' + lock.SpinLock + ' holds',
      )
    }
    return false
  }
  lock.SpinLock = k.cpu.number
  lock.dpr = dpr
  lock.acquiredSite = k.sites.cell[0]
  lock.acquiredAtNs = k.clock.nowNs
  k.cpu.locks.push(lock)
  return true
}

export function acquireSpinLock(k: Kernel, lock: unknown): void {
  if (!usable(k, lock, 'NdisAcquireSpinLock')) return
  const irql = k.cpu.irql
  if (irql > DISPATCH_LEVEL && k.verifier.level !== VERIFIER_OFF) {
    k.verifier.report(R11, 0x42, irql, lock.id, 0, 'NdisAcquireSpinLock at IRQL ' + irql + ' (above DISPATCH_LEVEL)')
  }
  if (!take(k, lock, false, 'NdisAcquireSpinLock')) return
  lock.OldIrql = irql
  k.cpu.irql = DISPATCH_LEVEL
}

export function dprAcquireSpinLock(k: Kernel, lock: unknown): void {
  if (!usable(k, lock, 'NdisDprAcquireSpinLock')) return
  const irql = k.cpu.irql
  if (irql !== DISPATCH_LEVEL && k.verifier.level !== VERIFIER_OFF) {
    k.verifier.report(
      R10,
      0x40,
      irql,
      lock.id,
      0,
      'NdisDprAcquireSpinLock at IRQL ' + irql + ' (must be DISPATCH_LEVEL)',
    )
  }
  take(k, lock, true, 'NdisDprAcquireSpinLock')
}

function give(k: Kernel, lock: NDIS_SPIN_LOCK, dpr: boolean, call: string): boolean {
  const checking = k.verifier.level !== VERIFIER_OFF
  if (lock.SpinLock !== k.cpu.number) {
    if (checking) misuse(k, lock, NOT_HELD, call + ' on a lock that is not held')
    return false
  }
  if (checking && lock.dpr !== dpr) {
    misuse(
      k,
      lock,
      MISMATCH,
      call +
        ' on a lock taken with ' +
        (lock.dpr ? 'NdisDprAcquireSpinLock' : 'NdisAcquireSpinLock') +
        ' (pair Acquire/Release and DprAcquire/DprRelease)',
    )
  }
  const locks = k.cpu.locks
  const at = locks.lastIndexOf(lock)
  if (checking && at !== locks.length - 1) {
    misuse(
      k,
      lock,
      OUT_OF_ORDER,
      call + ' out of order: a lock acquired later is still held, so the IRQL restored is wrong',
    )
  }
  if (at >= 0) locks.splice(at, 1)
  lock.SpinLock = -1
  const held = k.clock.nowNs - lock.acquiredAtNs
  if (checking && held > SPIN_LOCK_HOLD_LIMIT_NS) {
    k.verifier.report(
      R15,
      0,
      held,
      SPIN_LOCK_HOLD_LIMIT_NS,
      lock.id,
      'spin lock held for ' + held + ' ns (limit 25 µs)',
      lock.acquiredSite,
    )
  }
  return true
}

export function releaseSpinLock(k: Kernel, lock: unknown): void {
  if (!usable(k, lock, 'NdisReleaseSpinLock')) return
  const irql = k.cpu.irql
  if (irql !== DISPATCH_LEVEL && k.verifier.level !== VERIFIER_OFF) {
    k.verifier.report(
      R12,
      0x32,
      irql,
      lock.id,
      0,
      'NdisReleaseSpinLock at IRQL ' + irql + ' (a held lock runs at DISPATCH_LEVEL)',
    )
  }
  if (!give(k, lock, false, 'NdisReleaseSpinLock')) return
  k.cpu.irql = lock.OldIrql
}

export function dprReleaseSpinLock(k: Kernel, lock: unknown): void {
  if (!usable(k, lock, 'NdisDprReleaseSpinLock')) return
  const irql = k.cpu.irql
  if (irql !== DISPATCH_LEVEL && k.verifier.level !== VERIFIER_OFF) {
    k.verifier.report(
      R10,
      0x41,
      irql,
      lock.id,
      0,
      'NdisDprReleaseSpinLock at IRQL ' + irql + ' (must be DISPATCH_LEVEL)',
    )
  }
  give(k, lock, true, 'NdisDprReleaseSpinLock')
}

/**
 * R13 for every spin lock still held on the current processor, naming the line that acquired it: a handler must
 * release its locks before it returns (SDV rules SpinLock / SpinLockDpr, ndis5.md §1.8). The script host calls this
 * when a handler returns; Kernel.finish calls it at the end of the run. Returns how many were held.
 */
export function checkLocksReleased(k: Kernel, where: string): number {
  const locks = k.cpu.locks
  const n = locks.length
  if (n !== 0 && k.verifier.level !== VERIFIER_OFF) {
    for (const lock of locks) {
      k.verifier.report(
        R13,
        emulatorSubcode('R13'),
        lock.id,
        HELD_ON_RETURN,
        k.cpu.irql,
        'spin lock still held ' + where,
        lock.acquiredSite,
      )
    }
  }
  return n
}
