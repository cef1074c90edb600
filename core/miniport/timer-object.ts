// NDIS_MINIPORT_TIMER: storage the driver owns (script-api.md: `new NDIS_MINIPORT_TIMER()`), initialised by
// NdisMInitializeTimer and armed by NdisMSetTimer / NdisMSetPeriodicTimer (ndis5.md; timers are scheduler events).
/** sizeof(NDIS_MINIPORT_TIMER) on x86: KTIMER (0x28), KDPC (0x20), TimerFunction, Context, Miniport, Next. */
export const SIZEOF_NDIS_MINIPORT_TIMER = 0x58

export class NDIS_MINIPORT_TIMER {
  /** Its address (Kernel.objects gives it on first use), named in bug check parameters. */
  address = 0
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

/** The timer's address, given on first use. */
export function timerAddress(
  k: { objects: { addressOf(o: object, size: number): number } },
  t: NDIS_MINIPORT_TIMER,
): number {
  if (t.address === 0) t.address = k.objects.addressOf(t, SIZEOF_NDIS_MINIPORT_TIMER)
  return t.address
}

/** sizeof(NDIS_TIMER) on x86: KTIMER (0x28) and KDPC (0x20). */
export const SIZEOF_NDIS_TIMER = 0x48

/**
 * NDIS_TIMER: the timer of NdisInitializeTimer / NdisSetTimer / NdisCancelTimer (not tied to a miniport). It runs as
 * NDIS_MINIPORT_TIMER does, from the same timer table; only its initialisation differs.
 */
export class NDIS_TIMER extends NDIS_MINIPORT_TIMER {}

/** sizeof(NDIS_WORK_ITEM) on x86: Context, Routine and WrapperReserved[8 * sizeof(PVOID)]. */
export const SIZEOF_NDIS_WORK_ITEM = 0x28

/**
 * NDIS_WORK_ITEM (NdisInitializeWorkItem, NdisScheduleWorkItem): run once at PASSIVE_LEVEL by a system worker
 * thread, from the same timer table as a timer due now. `argument` is what the routine gets as its WorkItem.
 */
export class NDIS_WORK_ITEM extends NDIS_MINIPORT_TIMER {
  argument: unknown = null
}
