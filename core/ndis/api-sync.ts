// Spin locks and the current IRQL by C name (ndis5.md §1.8; script-api.md: `new NDIS_SPIN_LOCK()`).
import { NDIS_SPIN_LOCK, SIZEOF_NDIS_SPIN_LOCK } from '../kernel/spin-lock'
import {
  acquireSpinLock,
  allocateSpinLock,
  dprAcquireSpinLock,
  dprReleaseSpinLock,
  freeSpinLock,
  releaseSpinLock,
} from '../kernel/spin-locks'
import type { NdisRuntime } from './runtime'

export function syncApi(rt: NdisRuntime) {
  const k = rt.kernel
  // A lock inside the driver's memory is passed by its address (docs/structures.md).
  const lock = (SpinLock: unknown): unknown => k.embedded(SpinLock, NDIS_SPIN_LOCK, SIZEOF_NDIS_SPIN_LOCK)
  return {
    NDIS_SPIN_LOCK,
    NdisAllocateSpinLock: (SpinLock: NDIS_SPIN_LOCK | number): void => allocateSpinLock(k, lock(SpinLock)),
    NdisFreeSpinLock: (SpinLock: NDIS_SPIN_LOCK | number): void => freeSpinLock(k, lock(SpinLock)),
    NdisAcquireSpinLock: (SpinLock: NDIS_SPIN_LOCK | number): void => acquireSpinLock(k, lock(SpinLock)),
    NdisReleaseSpinLock: (SpinLock: NDIS_SPIN_LOCK | number): void => releaseSpinLock(k, lock(SpinLock)),
    NdisDprAcquireSpinLock: (SpinLock: NDIS_SPIN_LOCK | number): void => dprAcquireSpinLock(k, lock(SpinLock)),
    NdisDprReleaseSpinLock: (SpinLock: NDIS_SPIN_LOCK | number): void => dprReleaseSpinLock(k, lock(SpinLock)),
    KeGetCurrentIrql: (): number => k.cpu.irql,
  }
}
