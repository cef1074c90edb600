// NDIS_EVENT (ndis5.md §4 R28; NdisInitializeEvent, NdisSetEvent, NdisResetEvent, NdisWaitEvent): a notification
// event the driver owns. NdisWaitEvent may be called only at PASSIVE_LEVEL; a wait that would let virtual time pass
// is not emulated yet (the run stops there with "not emulated"), a signalled event returns at once.
import { isScriptInstance } from '../verifier/script-value'
import { PASSIVE_LEVEL } from '../kernel/irql'
import { EXPECTED_EVENT, notAnObject, R28 } from '../verifier/catalogue'
import type { MiniportRuntime } from './runtime'

/** sizeof(NDIS_EVENT) on x86: a KEVENT (a DISPATCHER_HEADER, 0x10 bytes). */
export const SIZEOF_NDIS_EVENT = 0x10

export class NDIS_EVENT {
  /** Its address (Kernel.objects gives it on first use), named in bug check parameters. */
  address = 0
  initialized = false
  signaled = false
}

export function eventApi(m: MiniportRuntime) {
  const k = m.kernel

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

  return {
    NDIS_EVENT,

    NdisInitializeEvent(Event: NDIS_EVENT): void {
      if (!isScriptInstance(Event, NDIS_EVENT)) return void usable('NdisInitializeEvent', Event)
      Event.initialized = true
      Event.signaled = false
      usable('NdisInitializeEvent', Event)
    },

    NdisSetEvent(Event: NDIS_EVENT): void {
      if (usable('NdisSetEvent', Event)) Event.signaled = true
    },

    NdisResetEvent(Event: NDIS_EVENT): void {
      if (usable('NdisResetEvent', Event)) Event.signaled = false
    },

    /** TRUE when the event is signalled; only at PASSIVE_LEVEL (R28: 0x7C P1 0x14, which NDIS checks itself). */
    NdisWaitEvent(Event: NDIS_EVENT, MsToWait: number): boolean {
      const irql = k.cpu.irql
      if (irql !== PASSIVE_LEVEL) {
        const va = isScriptInstance(Event, NDIS_EVENT) ? k.objects.addressOf(Event, SIZEOF_NDIS_EVENT) : 0
        k.verifier.report(R28, irql, va, typeof MsToWait === 'number' ? MsToWait : 0, `NdisWaitEvent at IRQL ${irql}`)
        return false
      }
      if (!usable('NdisWaitEvent', Event)) return false
      if (Event.signaled) return true
      return m.notEmulated('NdisWaitEvent on an event that is not signalled (a wait that lets time pass)')
    },
  }
}
