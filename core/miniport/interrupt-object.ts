// NDIS_MINIPORT_INTERRUPT: storage the driver owns and passes by address (script-api.md: `new NDIS_MINIPORT_INTERRUPT()`).
/**
 * sizeof(NDIS_MINIPORT_INTERRUPT) on x86 (ReactOS ndis.h: InterruptObject, DpcCountLock, Reserved, MiniportIsr,
 * MiniportDpc, KDPC InterruptDpc, Miniport, DpcCount, Filler1, KEVENT DpcsCompletedEvent, SharedInterrupt, IsrRequested).
 */
export const SIZEOF_NDIS_MINIPORT_INTERRUPT = 0x50

export class NDIS_MINIPORT_INTERRUPT {
  /** Its address (Kernel.objects gives it on first use), named in bug check parameters. */
  address = 0
  /** Set by NdisMRegisterInterrupt, cleared by NdisMDeregisterInterrupt. */
  registered = false
  everRegistered = false
  vector = 0
  level = 0
  requestIsr = true
  shared = false
  /** The DPC (MiniportHandleInterrupt) is queued and has not run yet. */
  dpcQueued = false
  /** An ISR event is pending on the scheduler. */
  isrPending = false
  /** ISRs run since the DPC last ran: an interrupt that is never cleared starves the DPC (a storm). */
  isrsWithoutDpc = 0
  isrCount = 0
  /** Call site of NdisMRegisterInterrupt. */
  registerSite = 0
  dpcCount = 0
}

/** The interrupt object's address, given on first use. */
export function interruptAddress(
  k: { objects: { addressOf(o: object, size: number): number } },
  i: NDIS_MINIPORT_INTERRUPT,
): number {
  if (i.address === 0) i.address = k.objects.addressOf(i, SIZEOF_NDIS_MINIPORT_INTERRUPT)
  return i.address
}
