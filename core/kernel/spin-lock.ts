// NDIS_SPIN_LOCK = { KSPIN_LOCK SpinLock; KIRQL OldIrql } (ndis5.md §1.8): the old IRQL is kept in the lock, so
// releasing nested locks out of order restores the wrong IRQL, exactly as on Windows.

/** sizeof(NDIS_SPIN_LOCK) on x86: KSPIN_LOCK (4) and KIRQL OldIrql, padded to 8. */
export const SIZEOF_NDIS_SPIN_LOCK = 8

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
  /** The lock's address (Kernel.objects gives it on first use), named in bug check parameters. */
  address = 0
}
