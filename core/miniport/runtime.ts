// The miniport's side of a run: the adapter, the scheduler events that call into the script (ISR, DPC, timers,
// CheckForHang), and the handler calls at their IRQL (script-api.md "Handlers the workbench calls").
import { DISPATCH_LEVEL, PASSIVE_LEVEL } from '../kernel/irql'
import type { Kernel } from '../kernel/kernel'
import { checkLocksReleased } from '../kernel/spin-locks'
import { R38 } from '../verifier/catalogue'
import { TRACE_HANDLER_BEGIN, TRACE_HANDLER_END, TRACE_LOG } from '../trace/event-log'
import { Adapter, type MiniportEnvironment } from './adapter'
import type { NDIS_MINIPORT_TIMER } from './timer-object'

/** Scheduler event kinds of the miniport side (offsets from the base the run gives). */
export const SCHED_ISR = 0
export const SCHED_DPC = 1
export const SCHED_TIMER = 2
export const SCHED_CHECK_FOR_HANG = 3
/** NDIS hands the next queued OID request to the miniport (core/miniport/request.ts). */
export const SCHED_REQUEST = 4
export const SCHED_REQUEST_TIMEOUT = 5
export const MINIPORT_SCHED_KINDS = 6

export type HandlerFn = (...args: any[]) => any

/** A handler's interned names: its event-log name and its watchdog id. */
interface HandlerIds {
  readonly logId: number
  readonly watchId: number
}

export class MiniportRuntime {
  readonly adapter: Adapter
  readonly kernel: Kernel
  /** Timers by index (the scheduler event's argument). */
  readonly timerTable: NDIS_MINIPORT_TIMER[] = []
  readonly eventBase: number
  private readonly handlerIds = new Map<string, HandlerIds>()
  /** NdisMResetComplete ended a pended reset (core/miniport/lifecycle.ts ends it). */
  onResetComplete: ((status: number, addressing: boolean) => void) | null = null

  constructor(
    readonly env: MiniportEnvironment,
    eventBase: number,
  ) {
    this.adapter = new Adapter(env)
    this.kernel = env.kernel
    this.eventBase = eventBase
  }

  /** Interned names of a handler for the event log and the watchdog (done once per name, not per call). */
  private ids(name: string): HandlerIds {
    let ids = this.handlerIds.get(name)
    if (ids === undefined) {
      ids = { logId: this.env.log.intern(name), watchId: this.env.watch.id(name) }
      this.handlerIds.set(name, ids)
    }
    return ids
  }

  /**
   * Calls a script handler at `irql` with up to six arguments (no rest arguments: no garbage per call), logging
   * the span and marking it for the watchdog. Exceptions (a bug check, or the script's own) propagate to the run,
   * and the watch is left either way (else an ended run would look like a handler that never returned).
   */
  call(
    name: string,
    irql: number,
    fn: HandlerFn,
    a?: unknown,
    b?: unknown,
    c?: unknown,
    d?: unknown,
    e?: unknown,
    f?: unknown,
  ): unknown {
    const { logId, watchId } = this.ids(name)
    const k = this.kernel
    const log = this.env.log
    const old = k.raiseIrql(irql)
    const watch = this.env.watch
    watch.enter(watchId, k.sites.current)
    log.add(this.env.scheduler.nowNs, TRACE_HANDLER_BEGIN, logId, irql, 0)
    try {
      const result = fn(a, b, c, d, e, f)
      log.add(this.env.scheduler.nowNs, TRACE_HANDLER_END, logId, irql, 0)
      // A handler must return with every spin lock it took released (ndis5.md §1.8, SDV SpinLock rule; R13).
      if (k.cpu.locks.length !== 0)
        checkLocksReleased(k, `when ${name} returned: release every lock before the handler returns`)
      return result
    } finally {
      // Also when the handler threw (a bug check, the script's own exception): the watch must not stay active.
      watch.leave()
      k.lowerIrql(old)
    }
  }

  dbgPrint(text: string): void {
    const now = this.env.scheduler.nowNs
    this.env.debugOutput.push({ timeNs: now, text })
    this.env.log.add(
      now,
      TRACE_LOG,
      this.env.log.intern(text.length > 80 ? text.slice(0, 77) + '...' : text),
      0,
      this.kernel.sites.current,
    )
  }

  /** Stops the run at a call the workbench declares but does not emulate (script-api.md). */
  notEmulated(name: string): never {
    this.kernel.verifier.stop(R38, 0, 0, 0, `not emulated: ${name}`)
    throw new Error('unreachable: R38 stops the run')
  }

  get passive(): boolean {
    return this.kernel.cpu.irql === PASSIVE_LEVEL
  }

  get atDispatch(): boolean {
    return this.kernel.cpu.irql === DISPATCH_LEVEL
  }
}
