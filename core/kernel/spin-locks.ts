// Spin lock operations behind NdisAcquire/Release/DprAcquire/DprRelease/Allocate/FreeSpinLock (ndis5.md §1.8,
// §4 R10–R13, R15). The old IRQL lives in the lock; an out-of-order release restores it anyway, as Windows does.
import { isScriptInstance } from '../verifier/script-value'
import { R10, R11, R12, R13, R15 } from '../verifier/catalogue'
import { VERIFIER_OFF } from '../verifier/level'
import { DISPATCH_LEVEL } from './irql'
import type { Clock } from '../sim/clock'
import type { CallSites } from '../verifier/call-site'
import type { Verifier } from '../verifier/verifier'
import type { DriverObjects } from './driver-objects'
import type { Processor } from './irql'

/** What the lock operations need of the kernel (Kernel has it). */
export interface LockingKernel {
  readonly verifier: Verifier
  readonly cpu: Processor
  readonly sites: CallSites
  readonly clock: Clock
  readonly objects: DriverObjects
}
import { NDIS_SPIN_LOCK, SIZEOF_NDIS_SPIN_LOCK } from './spin-lock'

/** Hold time above which a lock is reported (ndis5.md §1.8: > 25 µs degrades the system). */
export const SPIN_LOCK_HOLD_LIMIT_NS = 25_000

// R13's P3: what went wrong.
export const LOCK_REACQUIRED = 1
export const LOCK_NOT_HELD = 2
export const LOCK_MISMATCH = 3
export const LOCK_OUT_OF_ORDER = 4
export const LOCK_NOT_ALLOCATED = 5
export const LOCK_FREED_WHILE_HELD = 6
export const LOCK_HELD_ELSEWHERE = 7
export const LOCK_HELD_ON_RETURN = 8

function isLock(lock: unknown): lock is NDIS_SPIN_LOCK {
  return isScriptInstance(lock, NDIS_SPIN_LOCK)
}

/** The lock's address, given on first use. */
export function lockAddress(k: LockingKernel, lock: NDIS_SPIN_LOCK): number {
  if (lock.address === 0) lock.address = k.objects.addressOf(lock, SIZEOF_NDIS_SPIN_LOCK)
  return lock.address
}

function misuse(k: LockingKernel, lock: NDIS_SPIN_LOCK, kind: number, message: string, allocatedSite = 0): void {
  k.verifier.report(R13, lockAddress(k, lock), kind, k.cpu.irql, message, allocatedSite)
}

/** False (after a finding) when `lock` is not an NDIS_SPIN_LOCK the driver allocated. */
function usable(k: LockingKernel, lock: unknown, call: string): lock is NDIS_SPIN_LOCK {
  if (!isLock(lock)) {
    k.verifier.report(R13, 0, LOCK_NOT_ALLOCATED, k.cpu.irql, call + ': argument is not an NDIS_SPIN_LOCK')
    return false
  }
  if (!lock.allocated)
    misuse(k, lock, LOCK_NOT_ALLOCATED, call + ' on a lock that NdisAllocateSpinLock has not initialised')
  return true
}

export function allocateSpinLock(k: LockingKernel, lock: unknown): void {
  if (!isLock(lock)) {
    usable(k, lock, 'NdisAllocateSpinLock')
    return
  }
  lockAddress(k, lock)
  lock.allocated = true
  lock.SpinLock = -1
  lock.dpr = false
}

export function freeSpinLock(k: LockingKernel, lock: unknown): void {
  if (!usable(k, lock, 'NdisFreeSpinLock')) return
  if (lock.SpinLock !== -1) misuse(k, lock, LOCK_FREED_WHILE_HELD, 'NdisFreeSpinLock on a lock that is still held')
  lock.allocated = false
}

/**
 * A processor spinning on a lock that can never be released (its own, or one it waits for from itself): with the
 * verifier a finding that stops the run (R13), without it the hang it is, which the DPC watchdog ends (R15).
 */
function deadlock(k: LockingKernel, lock: NDIS_SPIN_LOCK, kind: number, message: string): void {
  const v = k.verifier
  if (v.checks(R13)) v.stop(R13, lockAddress(k, lock), kind, k.cpu.irql, message)
  else v.stop(R15, 0, 0, 0, message + ': the processor spins for ever', 0, 1)
}

function take(k: LockingKernel, lock: NDIS_SPIN_LOCK, dpr: boolean, call: string): boolean {
  if (lock.SpinLock === k.cpu.number) {
    deadlock(k, lock, LOCK_REACQUIRED, call + ' on a lock this processor already holds (deadlock)')
    return false
  }
  if (lock.SpinLock !== -1) {
    // The processor would spin until the holder releases it; code that waits on itself this way never returns.
    deadlock(k, lock, LOCK_HELD_ELSEWHERE, call + ' on a lock processor ' + lock.SpinLock + ' holds')
    return false
  }
  lock.SpinLock = k.cpu.number
  lock.dpr = dpr
  lock.acquiredSite = k.sites.cell[0]
  lock.acquiredAtNs = k.clock.nowNs
  k.cpu.locks.push(lock)
  return true
}

export function acquireSpinLock(k: LockingKernel, lock: unknown): void {
  if (!usable(k, lock, 'NdisAcquireSpinLock')) return
  const irql = k.cpu.irql
  if (irql > DISPATCH_LEVEL)
    k.verifier.report(R11, irql, lockAddress(k, lock), 0, `NdisAcquireSpinLock at IRQL ${irql} (above DISPATCH_LEVEL)`)
  if (!take(k, lock, false, 'NdisAcquireSpinLock')) return
  lock.OldIrql = irql
  k.cpu.irql = DISPATCH_LEVEL
}

export function dprAcquireSpinLock(k: LockingKernel, lock: unknown): void {
  if (!usable(k, lock, 'NdisDprAcquireSpinLock')) return
  const irql = k.cpu.irql
  if (irql !== DISPATCH_LEVEL)
    k.verifier.report(
      R10,
      irql,
      lockAddress(k, lock),
      0,
      `NdisDprAcquireSpinLock at IRQL ${irql} (must be DISPATCH_LEVEL)`,
    )
  take(k, lock, true, 'NdisDprAcquireSpinLock')
}

function give(k: LockingKernel, lock: NDIS_SPIN_LOCK, dpr: boolean, call: string): boolean {
  if (lock.SpinLock !== k.cpu.number) {
    misuse(k, lock, LOCK_NOT_HELD, call + ' on a lock that is not held')
    return false
  }
  if (lock.dpr !== dpr) {
    misuse(
      k,
      lock,
      LOCK_MISMATCH,
      call +
        ' on a lock taken with ' +
        (lock.dpr ? 'NdisDprAcquireSpinLock' : 'NdisAcquireSpinLock') +
        ' (pair Acquire/Release and DprAcquire/DprRelease)',
    )
  }
  const locks = k.cpu.locks
  const at = locks.lastIndexOf(lock)
  if (at !== locks.length - 1) {
    misuse(
      k,
      lock,
      LOCK_OUT_OF_ORDER,
      call + ' out of order: a lock acquired later is still held, so the IRQL restored is wrong',
    )
  }
  if (at >= 0) locks.splice(at, 1)
  lock.SpinLock = -1
  const held = k.clock.nowNs - lock.acquiredAtNs
  if (held > SPIN_LOCK_HOLD_LIMIT_NS && k.verifier.level !== VERIFIER_OFF) {
    // Form 0 of R15 is the verifier's warning; only the watchdog form (a handler that never returns) is the kernel's.
    k.verifier.report(
      R15,
      Math.round(held / 1000),
      SPIN_LOCK_HOLD_LIMIT_NS / 1000,
      lockAddress(k, lock),
      'spin lock held for ' + held + ' ns (limit 25 µs)',
      lock.acquiredSite,
    )
  }
  return true
}

export function releaseSpinLock(k: LockingKernel, lock: unknown): void {
  if (!usable(k, lock, 'NdisReleaseSpinLock')) return
  const irql = k.cpu.irql
  if (irql !== DISPATCH_LEVEL)
    k.verifier.report(
      R12,
      irql,
      lockAddress(k, lock),
      0,
      `NdisReleaseSpinLock at IRQL ${irql} (a held lock runs at DISPATCH_LEVEL)`,
    )
  if (!give(k, lock, false, 'NdisReleaseSpinLock')) return
  k.cpu.irql = lock.OldIrql
}

export function dprReleaseSpinLock(k: LockingKernel, lock: unknown): void {
  if (!usable(k, lock, 'NdisDprReleaseSpinLock')) return
  const irql = k.cpu.irql
  if (irql !== DISPATCH_LEVEL)
    k.verifier.report(
      R10,
      irql,
      lockAddress(k, lock),
      0,
      `NdisDprReleaseSpinLock at IRQL ${irql} (must be DISPATCH_LEVEL)`,
      0,
      1,
    )
  give(k, lock, true, 'NdisDprReleaseSpinLock')
}

/**
 * R13 for every spin lock still held on the current processor, naming the line that acquired it: a handler must
 * release its locks before it returns (SDV rules SpinLock / SpinLockDpr, ndis5.md §1.8). The miniport runtime calls
 * this when a handler returns, Kernel.finish at the end of the run. The locks are let go. Returns how many were held.
 */
export function checkLocksReleased(k: LockingKernel, where: string): number {
  const locks = k.cpu.locks
  const n = locks.length
  for (const lock of locks) {
    misuse(k, lock, LOCK_HELD_ON_RETURN, `spin lock still held ${where}`, lock.acquiredSite)
    lock.SpinLock = -1
  }
  locks.length = 0
  return n
}
