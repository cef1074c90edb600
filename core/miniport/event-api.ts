// NDIS_EVENT (ndis5.md §4 R28; NdisInitializeEvent, NdisSetEvent, NdisResetEvent, NdisWaitEvent) and NdisMSleep: a
// notification event the driver owns, made with `new NDIS_EVENT()` or a field of its own memory passed by address
// (docs/structures.md). A wait at PASSIVE_LEVEL lets virtual time and the rest of the system (timers, interrupts,
// DPCs, traffic) run, as they would on another processor, until the event is set or the timeout passes.
import { isScriptInstance } from '../verifier/script-value'
import { PASSIVE_LEVEL } from '../kernel/irql'
import { EXPECTED_EVENT, notAnObject, R28, R65, WAIT_ABOVE_PASSIVE, WAIT_NEVER_ENDS } from '../verifier/catalogue'
import type { MiniportRuntime } from './runtime'

/** sizeof(NDIS_EVENT) on x86: a KEVENT (a DISPATCHER_HEADER, 0x10 bytes). */
export const SIZEOF_NDIS_EVENT = 0x10

export class NDIS_EVENT {
  /** Its address (Kernel.objects gives it on first use, or the driver's memory holds it), named in bug checks. */
  address = 0
  initialized = false
  signaled = false
}

export function eventApi(m: MiniportRuntime) {
  const k = m.kernel
  const scheduler = m.env.scheduler
  const inMemory = (Event: unknown): unknown => k.embedded(Event, NDIS_EVENT, SIZEOF_NDIS_EVENT)

  function usable(call: string, event: unknown): event is NDIS_EVENT {
    if (isScriptInstance(event, NDIS_EVENT)) {
      if (event.address === 0) event.address = k.objects.addressOf(event, SIZEOF_NDIS_EVENT)
      if (event.initialized) return true
      notAnObject(k.verifier, call, event.address, EXPECTED_EVENT, 'was not initialised with NdisInitializeEvent')
      return false
    }
    notAnObject(k.verifier, call, event, EXPECTED_EVENT, 'is not an NDIS_EVENT (make one with new NDIS_EVENT())')
    return false
  }

  /**
   * Runs the rest of the system until `done()` or virtual time `deadlineNs` (Infinity: no timeout). False when the
   * deadline passed first; a wait without deadline that nothing can end is R65.
   */
  function runUntil(done: () => boolean, deadlineNs: number, what: string, amount: number): boolean {
    // The run's end bounds every wait: past it nothing more happens, so the wait returns there, unsatisfied.
    const endNs = m.env.endNs ?? Infinity
    const limit = Math.min(deadlineNs, endNs)
    while (!done()) {
      if (scheduler.pending === 0 || scheduler.peekTimeNs > limit) {
        if (deadlineNs === Infinity && scheduler.pending === 0) {
          k.verifier.report(R65, WAIT_NEVER_ENDS, k.cpu.irql, amount, `${what}: nothing left that could end the wait`)
          return false
        }
        if (limit !== Infinity && limit > scheduler.nowNs) scheduler.clock.advanceTo(limit)
        return done()
      }
      scheduler.step()
    }
    return true
  }

  return {
    NDIS_EVENT,

    NdisInitializeEvent(Event: NDIS_EVENT | number): void {
      const e = inMemory(Event)
      if (!isScriptInstance(e, NDIS_EVENT)) return void usable('NdisInitializeEvent', e)
      e.initialized = true
      e.signaled = false
      usable('NdisInitializeEvent', e)
    },

    NdisSetEvent(Event: NDIS_EVENT | number): void {
      const e = inMemory(Event)
      if (usable('NdisSetEvent', e)) e.signaled = true
    },

    NdisResetEvent(Event: NDIS_EVENT | number): void {
      const e = inMemory(Event)
      if (usable('NdisResetEvent', e)) e.signaled = false
    },

    /**
     * TRUE when the event is set within MsToWait ms (0: no timeout); only at PASSIVE_LEVEL (R28: 0x7C P1 0x14,
     * which NDIS checks itself). Meanwhile the system runs on.
     */
    NdisWaitEvent(Event: NDIS_EVENT | number, MsToWait: number): boolean {
      const e = inMemory(Event)
      const irql = k.cpu.irql
      const ms = typeof MsToWait === 'number' && MsToWait >>> 0 === MsToWait ? MsToWait : 0
      if (irql !== PASSIVE_LEVEL) {
        const va = isScriptInstance(e, NDIS_EVENT) ? k.objects.addressOf(e, SIZEOF_NDIS_EVENT) : 0
        k.verifier.report(R28, irql, va, ms, `NdisWaitEvent at IRQL ${irql}`)
        return false
      }
      if (!usable('NdisWaitEvent', e)) return false
      const deadline = ms === 0 ? Infinity : scheduler.nowNs + ms * 1_000_000
      return runUntil(() => e.signaled, deadline, 'NdisWaitEvent', ms)
    },

    /** Blocks for MicrosecondsToSleep (PASSIVE_LEVEL only); the system runs on meanwhile. */
    NdisMSleep(MicrosecondsToSleep: number): void {
      const us =
        typeof MicrosecondsToSleep === 'number' && MicrosecondsToSleep >>> 0 === MicrosecondsToSleep
          ? MicrosecondsToSleep
          : 0
      const irql = k.cpu.irql
      if (irql !== PASSIVE_LEVEL) {
        k.verifier.report(R65, WAIT_ABOVE_PASSIVE, irql, us, `NdisMSleep(${us}) at IRQL ${irql}`)
        return
      }
      runUntil(() => false, scheduler.nowNs + us * 1000, 'NdisMSleep', us)
    },
  }
}
