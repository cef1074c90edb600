// NDIS_SPIN_LOCK = { KSPIN_LOCK SpinLock; KIRQL OldIrql } (ndis5.md §1.8): the old IRQL is kept in the lock, so
// releasing nested locks out of order restores the wrong IRQL, exactly as on Windows.

let nextLockId = 1

export class NDIS_SPIN_LOCK {
  /** Processor number holding the lock, -1 when free (the KSPIN_LOCK word). */
  SpinLock = -1
  /** IRQL to restore on NdisReleaseSpinLock, saved by NdisAcquireSpinLock. */
  OldIrql = 0
  /** Set by NdisAllocateSpinLock, cleared by NdisFreeSpinLock. */
  allocated = false
  /** Held through NdisDprAcquireSpinLock (no IRQL change) rather than NdisAcquireSpinLock. */
  dpr = false
  acquiredSite = 0
  acquiredAtNs = 0
  /** Stands in for the lock's address in bug check parameters. */
  readonly id = nextLockId++
}
