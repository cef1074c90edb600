// Everything a miniport script has in scope by its C name (script-api.md "What must be in scope"): the NDIS
// library, the adapter calls, interrupts, timers, the receive/send calls, the structures it allocates with `new`,
// and the constants. A name the SDK declares that the workbench does not emulate yet stops the run with
// "not emulated: NdisXxx" at the calling line (never a ReferenceError).
import { createNdisLibrary } from '../ndis/api'
import { NDIS_CONSTANTS } from '../ndis/constants'
import { adapterApi } from '../miniport/adapter-api'
import { MINIPORT_CONSTANTS } from '../miniport/constants'
import { NDIS_MINIPORT_INTERRUPT } from '../miniport/interrupt-object'
import { interruptApi } from '../miniport/interrupt-api'
import type { InterruptDispatch } from '../miniport/interrupt-dispatch'
import { ioApi } from '../miniport/io-api'
import type { MiniportRuntime } from '../miniport/runtime'
import { NDIS_MINIPORT_TIMER } from '../miniport/timer-object'
import { timerApi } from '../miniport/timer-api'
import { eventApi } from '../miniport/event-api'
import { structApi } from '../miniport/struct-api'
import { systemApi } from '../miniport/system-api'
import { busApi } from '../miniport/bus-api'
import { dmaApi } from '../miniport/dma-api'
import { NDIS_TIMER, NDIS_WORK_ITEM } from '../miniport/timer-object'
import { resetApi } from '../miniport/reset-api'
import type { Kernel } from '../kernel/kernel'
import type { Clock } from '../sim/clock'
import type { CallSites } from '../verifier/call-site'
import { TRACE_API, type EventLog } from '../trace/event-log'

export type ScriptScope = Record<string, unknown>

export function buildScriptScope(
  kernel: Kernel,
  miniport: MiniportRuntime,
  interrupts: InterruptDispatch,
  extra: ScriptScope,
): ScriptScope {
  return {
    ...NDIS_CONSTANTS,
    ...MINIPORT_CONSTANTS,
    ...createNdisLibrary(kernel),
    ...adapterApi(miniport),
    ...ioApi(miniport),
    ...interruptApi(miniport, interrupts),
    ...timerApi(miniport),
    ...eventApi(miniport),
    ...resetApi(miniport),
    ...structApi(kernel),
    ...systemApi(miniport),
    ...busApi(miniport),
    ...dmaApi(miniport),
    NDIS_MINIPORT_INTERRUPT,
    NDIS_MINIPORT_TIMER,
    NDIS_TIMER,
    NDIS_WORK_ITEM,
    // BOOLEAN in scripts is a JavaScript boolean; comparisons with TRUE/FALSE read as in C.
    TRUE: true,
    FALSE: false,
    ...extra,
  }
}

/** Adds a stopping stub for each declared name the scope lacks; returns the names that got one. */
export function addNotEmulated(scope: ScriptScope, declared: readonly string[], miniport: MiniportRuntime): string[] {
  const added: string[] = []
  for (const name of declared) {
    if (name in scope) continue
    scope[name] = () => miniport.notEmulated(name)
    added.push(name)
  }
  return added
}

function isClass(value: unknown): boolean {
  return typeof value === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(value))
}

/**
 * Logs every NDIS call the script makes as an instant event of the trace (name and call site). Only for runs that
 * keep a trace (`--trace`, the workbench's Trace view): the wrapper costs an arguments array per call.
 */
export function traceApiCalls(scope: ScriptScope, log: EventLog, sites: CallSites, clock: Clock): void {
  for (const [name, value] of Object.entries(scope)) {
    if (typeof value !== 'function' || isClass(value)) continue
    const fn = value as (...args: unknown[]) => unknown
    const id = log.intern(name)
    scope[name] = (...args: unknown[]) => {
      log.add(clock.nowNs, TRACE_API, id, 0, sites.cell[0]!)
      return fn(...args)
    }
  }
}
