// NDIS_MINIPORT_INTERRUPT: storage the driver owns and passes by address (script-api.md: `new NDIS_MINIPORT_INTERRUPT()`).
export class NDIS_MINIPORT_INTERRUPT {
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
