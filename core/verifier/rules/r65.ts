// docs/script-api.md "Kernel runtime": NdisMSleep and NdisWaitEvent block the thread; a wait no one can end.
import { defineRule } from '../rule'

/** R65's P2: what was wrong with the wait. */
export const WAIT_ABOVE_PASSIVE = 1
export const WAIT_NEVER_ENDS = 2

export const R65 = defineRule({
  id: 'R65',
  title: 'Blocking wait at an illegal IRQL, or one that can never end',
  severity: 'error',
  stops: true,
  class: 'irql',
  level: 'standard',
  emulatorParams: [
    'kind (1 NdisMSleep above PASSIVE_LEVEL, 2 a wait without timeout that nothing can end)',
    'current IRQL',
    'time to wait (µs or ms)',
  ],
  withoutVerifier:
    'a thread cannot block at DISPATCH_LEVEL or above, and a wait that never ends hangs the system [WDD:bug-check-0xa]',
  explanation:
    'NdisMSleep and NdisWaitEvent block: call them only at PASSIVE_LEVEL (MiniportInitialize, MiniportHalt), give NdisWaitEvent a timeout or make sure something sets the event; at DISPATCH_LEVEL use NdisStallExecution or a timer.',
  reference: 'NdisMSleep, NdisWaitEvent [DDI: "IRQL = PASSIVE_LEVEL"]',
})
