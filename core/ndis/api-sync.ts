// Spin locks and the current IRQL by C name (ndis5.md §1.8; script-api.md: `new NDIS_SPIN_LOCK()`).
import { NDIS_SPIN_LOCK } from '../kernel/spin-lock'
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
  return {
    NDIS_SPIN_LOCK,
    NdisAllocateSpinLock: (SpinLock: NDIS_SPIN_LOCK): void => allocateSpinLock(k, SpinLock),
    NdisFreeSpinLock: (SpinLock: NDIS_SPIN_LOCK): void => freeSpinLock(k, SpinLock),
    NdisAcquireSpinLock: (SpinLock: NDIS_SPIN_LOCK): void => acquireSpinLock(k, SpinLock),
    NdisReleaseSpinLock: (SpinLock: NDIS_SPIN_LOCK): void => releaseSpinLock(k, SpinLock),
    NdisDprAcquireSpinLock: (SpinLock: NDIS_SPIN_LOCK): void => dprAcquireSpinLock(k, SpinLock),
    NdisDprReleaseSpinLock: (SpinLock: NDIS_SPIN_LOCK): void => dprReleaseSpinLock(k, SpinLock),
    KeGetCurrentIrql: (): number => k.cpu.irql,
  }
}
