// NDIS_MINIPORT_TIMER: storage the driver owns (script-api.md: `new NDIS_MINIPORT_TIMER()`), initialised by
// NdisMInitializeTimer and armed by NdisMSetTimer / NdisMSetPeriodicTimer (ndis5.md; timers are scheduler events).
export class NDIS_MINIPORT_TIMER {
  initialized = false
  /** Index in the run's timer table (the scheduler event's argument). */
  index = -1
  function: ((...args: unknown[]) => unknown) | null = null
  functionContext: unknown = null
  /** Scheduler event id while armed, 0 otherwise. */
  event = 0
  periodNs = 0
  dueNs = 0
  /** Call site of NdisMSetTimer / NdisMSetPeriodicTimer (for R26 reports). */
  setSite = 0
  fired = 0
}
