// NDIS timers and time (ndis5.md; script-api.md "Synchronisation and time"): NdisMInitializeTimer, NdisMSetTimer,
// NdisMSetPeriodicTimer, NdisMCancelTimer as scheduler events whose callbacks run at DISPATCH_LEVEL;
// NdisStallExecution; NdisGetCurrentSystemTime.
import { isScriptInstance } from '../verifier/script-value'
import { DISPATCH_LEVEL, PASSIVE_LEVEL } from '../kernel/irql'
import { put, type Out } from '../ndis/runtime'
import { EXPECTED_FUNCTION, EXPECTED_HANDLE, EXPECTED_TIMER, notAnObject, notAUlong, R44 } from '../verifier/catalogue'
import { TRACE_TIMER } from '../trace/event-log'
import { MINIPORT_ADAPTER_HANDLE } from './handles'
import {
  NDIS_MINIPORT_TIMER,
  NDIS_TIMER,
  NDIS_WORK_ITEM,
  SIZEOF_NDIS_MINIPORT_TIMER,
  SIZEOF_NDIS_TIMER,
  SIZEOF_NDIS_WORK_ITEM,
  timerAddress,
} from './timer-object'
import { NDIS_STATUS_CODES } from '../ndis/status'
import { SCHED_TIMER, type MiniportRuntime } from './runtime'

/** 100-ns intervals from 1601-01-01 to 2026-01-01, the emulated system's boot time (a LARGE_INTEGER as Windows keeps it). */
export const BOOT_SYSTEM_TIME = 134117568000000000n
export const STALL_LIMIT_US = 50

export interface LARGE_INTEGER {
  QuadPart: bigint
  LowPart: number
  HighPart: number
}

export function timerApi(m: MiniportRuntime) {
  const k = m.kernel
  const env = m.env
  const scheduler = env.scheduler
  const adapter = m.adapter
  const timerName = env.log.intern('timer')

  function fire(index: number): void {
    const t = m.timerTable[index]
    if (!t || t.event === 0) return
    t.event = 0
    t.fired++
    if (t.periodNs > 0) {
      t.dueNs = scheduler.nowNs + t.periodNs
      t.event = scheduler.schedule(t.dueNs, m.eventBase + SCHED_TIMER, index)
    } else {
      adapter.timers.delete(t)
    }
    env.log.add(scheduler.nowNs, TRACE_TIMER, timerName, index, t.setSite)
    if (t instanceof NDIS_WORK_ITEM) {
      // A system worker thread runs the routine at PASSIVE_LEVEL: Routine(WorkItem, Context).
      if (t.function) m.call('work item', PASSIVE_LEVEL, t.function, t.argument, t.functionContext)
    } else if (t.function) m.call('timer function', DISPATCH_LEVEL, t.function, null, t.functionContext, null, null)
  }
  scheduler.on(m.eventBase + SCHED_TIMER, fire)

  /** A timer inside the driver's memory is passed by its address (docs/structures.md). */
  const inMemory = (Timer: NDIS_MINIPORT_TIMER | number): NDIS_MINIPORT_TIMER =>
    k.embedded(Timer, NDIS_MINIPORT_TIMER, SIZEOF_NDIS_MINIPORT_TIMER) as NDIS_MINIPORT_TIMER
  const ndisTimer = (Timer: NDIS_TIMER | number): NDIS_TIMER =>
    k.embedded(Timer, NDIS_TIMER, SIZEOF_NDIS_TIMER) as NDIS_TIMER
  const workItem = (WorkItem: unknown): unknown => k.embedded(WorkItem, NDIS_WORK_ITEM, SIZEOF_NDIS_WORK_ITEM)

  function checkWorkItem(call: string, value: unknown, mustBeInitialized: boolean): value is NDIS_WORK_ITEM {
    if (!isScriptInstance(value, NDIS_WORK_ITEM)) {
      notAnObject(
        k.verifier,
        call,
        value,
        EXPECTED_TIMER,
        'is not an NDIS_WORK_ITEM (make one with new NDIS_WORK_ITEM())',
      )
      return false
    }
    if (value.address === 0) value.address = k.objects.addressOf(value, SIZEOF_NDIS_WORK_ITEM)
    if (mustBeInitialized && !value.initialized) {
      notAnObject(k.verifier, call, value.address, EXPECTED_TIMER, 'was not initialised with NdisInitializeWorkItem')
      return false
    }
    return true
  }

  /** Puts an initialised timer in the run's table with its function. */
  function initialize(Timer: NDIS_MINIPORT_TIMER, TimerFunction: (...args: unknown[]) => unknown, ctx: unknown): void {
    if (Timer.index < 0) {
      Timer.index = m.timerTable.length
      m.timerTable.push(Timer)
    }
    Timer.initialized = true
    Timer.function = TimerFunction
    Timer.functionContext = ctx
  }

  function cancel(call: string, Timer: NDIS_MINIPORT_TIMER, TimerCancelled: Out<boolean> | null): void {
    if (!checkTimer(call, Timer, true)) {
      put(TimerCancelled, false)
      return
    }
    const wasQueued = Timer.event !== 0 && scheduler.cancel(Timer.event)
    Timer.event = 0
    Timer.periodNs = 0
    adapter.timers.delete(Timer)
    put(TimerCancelled, wasQueued)
  }

  function checkTimer(call: string, value: unknown, mustBeInitialized: boolean): value is NDIS_MINIPORT_TIMER {
    if (!isScriptInstance(value, NDIS_MINIPORT_TIMER)) {
      notAnObject(
        k.verifier,
        call,
        value,
        EXPECTED_TIMER,
        'is not an NDIS_MINIPORT_TIMER (make one with new NDIS_MINIPORT_TIMER())',
      )
      return false
    }
    const va = timerAddress(k, value)
    if (mustBeInitialized && !value.initialized) {
      notAnObject(k.verifier, call, va, EXPECTED_TIMER, 'was not initialised with NdisMInitializeTimer')
      return false
    }
    return true
  }

  function arm(call: string, Timer: NDIS_MINIPORT_TIMER | number, ms: number, periodic: boolean): void {
    Timer = inMemory(Timer)
    if (!checkTimer(call, Timer, true)) return
    if (typeof ms !== 'number' || ms >>> 0 !== ms) {
      notAUlong(k.verifier, call, 2, ms, 'a number of milliseconds')
      return
    }
    if (Timer.event !== 0) scheduler.cancel(Timer.event)
    const delayNs = ms * 1_000_000
    Timer.periodNs = periodic ? Math.max(delayNs, 1_000_000) : 0
    Timer.dueNs = scheduler.nowNs + (periodic ? Timer.periodNs : delayNs)
    Timer.setSite = k.sites.current
    Timer.event = scheduler.schedule(Timer.dueNs, m.eventBase + SCHED_TIMER, Timer.index)
    adapter.timers.add(Timer)
  }

  return {
    NdisMInitializeTimer(
      Timer: NDIS_MINIPORT_TIMER | number,
      MiniportAdapterHandle: number,
      TimerFunction: (...args: unknown[]) => unknown,
      FunctionContext: unknown,
    ): void {
      Timer = inMemory(Timer)
      if (!checkTimer('NdisMInitializeTimer', Timer, false)) return
      if (MiniportAdapterHandle !== MINIPORT_ADAPTER_HANDLE) {
        notAnObject(
          k.verifier,
          'NdisMInitializeTimer',
          MiniportAdapterHandle,
          EXPECTED_HANDLE,
          'is not the MiniportAdapterHandle NDIS gave MiniportInitialize',
        )
        return
      }
      if (typeof TimerFunction !== 'function') {
        notAnObject(
          k.verifier,
          'NdisMInitializeTimer',
          TimerFunction,
          EXPECTED_FUNCTION,
          'is not a function (TimerFunction)',
        )
        return
      }
      initialize(Timer, TimerFunction, FunctionContext)
    },

    /** NdisInitializeTimer (IRQL <= DISPATCH_LEVEL): an NDIS_TIMER whose function runs at DISPATCH_LEVEL. */
    NdisInitializeTimer(
      Timer: NDIS_TIMER | number,
      TimerFunction: (...args: unknown[]) => unknown,
      FunctionContext: unknown,
    ): void {
      Timer = ndisTimer(Timer)
      if (!checkTimer('NdisInitializeTimer', Timer, false)) return
      if (typeof TimerFunction !== 'function') {
        notAnObject(
          k.verifier,
          'NdisInitializeTimer',
          TimerFunction,
          EXPECTED_FUNCTION,
          'is not a function (TimerFunction)',
        )
        return
      }
      initialize(Timer, TimerFunction, FunctionContext)
    },

    /** Any IRQL. Routine(WorkItem, Context) will run at PASSIVE_LEVEL once NdisScheduleWorkItem queues it. */
    NdisInitializeWorkItem(
      WorkItem: NDIS_WORK_ITEM | number,
      Routine: (...args: unknown[]) => unknown,
      Context: unknown,
    ): void {
      const w = workItem(WorkItem)
      if (!checkWorkItem('NdisInitializeWorkItem', w, false)) return
      if (typeof Routine !== 'function') {
        notAnObject(k.verifier, 'NdisInitializeWorkItem', Routine, EXPECTED_FUNCTION, 'is not a function (Routine)')
        return
      }
      initialize(w, Routine, Context)
      w.argument = WorkItem
    },

    /** IRQL <= DISPATCH_LEVEL. Queues the work item; it runs at PASSIVE_LEVEL as soon as the processor is free. */
    NdisScheduleWorkItem(WorkItem: NDIS_WORK_ITEM | number): number {
      const w = workItem(WorkItem)
      if (!checkWorkItem('NdisScheduleWorkItem', w, true)) return NDIS_STATUS_CODES.NDIS_STATUS_FAILURE
      if (w.event === 0) w.event = scheduler.schedule(scheduler.nowNs, m.eventBase + SCHED_TIMER, w.index)
      return NDIS_STATUS_CODES.NDIS_STATUS_SUCCESS
    },

    NdisSetTimer(Timer: NDIS_TIMER | number, MillisecondsToDelay: number): void {
      arm('NdisSetTimer', ndisTimer(Timer), MillisecondsToDelay, false)
    },

    NdisCancelTimer(Timer: NDIS_TIMER | number, TimerCancelled: Out<boolean> | null): void {
      cancel('NdisCancelTimer', ndisTimer(Timer), TimerCancelled)
    },

    NdisMSetTimer(Timer: NDIS_MINIPORT_TIMER | number, MillisecondsToDelay: number): void {
      arm('NdisMSetTimer', Timer, MillisecondsToDelay, false)
    },

    NdisMSetPeriodicTimer(Timer: NDIS_MINIPORT_TIMER | number, MillisecondPeriod: number): void {
      arm('NdisMSetPeriodicTimer', Timer, MillisecondPeriod, true)
    },

    NdisMCancelTimer(Timer: NDIS_MINIPORT_TIMER | number, TimerCancelled: Out<boolean> | null): void {
      cancel('NdisMCancelTimer', inMemory(Timer), TimerCancelled)
    },

    /** Busy-waits: virtual time moves on by the stall, but never past the next pending event. */
    NdisStallExecution(MicrosecondsToStall: number): void {
      if (typeof MicrosecondsToStall !== 'number' || MicrosecondsToStall >>> 0 !== MicrosecondsToStall) {
        notAUlong(k.verifier, 'NdisStallExecution', 1, MicrosecondsToStall, 'a number of microseconds')
        return
      }
      if (MicrosecondsToStall > STALL_LIMIT_US) {
        k.verifier.report(
          R44,
          MicrosecondsToStall,
          STALL_LIMIT_US,
          k.cpu.irql,
          `NdisStallExecution(${MicrosecondsToStall}) stalls longer than ${STALL_LIMIT_US} µs`,
        )
      }
      const target = Math.min(scheduler.nowNs + MicrosecondsToStall * 1000, scheduler.peekTimeNs)
      if (target > scheduler.nowNs) scheduler.clock.advanceTo(target)
    },

    NdisGetCurrentSystemTime(SystemTime: Out<LARGE_INTEGER> | null): void {
      const quad = BOOT_SYSTEM_TIME + BigInt(Math.floor(scheduler.nowNs / 100))
      put(SystemTime, {
        QuadPart: quad,
        LowPart: Number(quad & 0xffffffffn),
        HighPart: Number(quad >> 32n),
      })
    },
  }
}
