// Layout of the SharedArrayBuffer the pacer worker and its consumer share. Int32 cells are used with Atomics.

/** Int32 cells (byte offset 0). */
export const CTL_RUN = 0 // 1 while the pacer should run; the worker sleeps on this cell, so stop() wakes it at once
export const CTL_TICK = 1 // number of the latest deadline reached (ticks count from 1); consumers wait on this cell
export const CTL_MISSED = 2 // deadlines the worker passed without signalling them: the OS stalled the process
export const CTL_SAMPLES = 3 // lateness samples written so far (the ring wraps)
export const CTL_STATE = 4 // 0 starting, 1 running, 2 stopped
export const CTL_CELLS = 16

/** Float64 cells (byte offset CTL_CELLS * 4). */
export const F_PERIOD_NS = 0
export const F_MAX_LEAD_NS = 1 // how early the worker stops sleeping and starts spinning, at most
export const F_FIRST_DEADLINE_NS = 2 // wall time (process.hrtime, ns) of tick 1
export const F_LEAD_NS = 3 // the lead now in use (it adapts to how late the OS wakes the worker)
export const F_CELLS = 8

export const F_OFFSET = CTL_CELLS * 4
export const RING_OFFSET = F_OFFSET + F_CELLS * 8

export function pacerBufferBytes(samples: number): number {
  return RING_OFFSET + samples * 8
}
