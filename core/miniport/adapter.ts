// The NDIS_MINIPORT_BLOCK of the one adapter a run drives: the registered handlers, the context the miniport gave
// NdisMSetAttributesEx, its attributes, and what it claimed (interrupt, mapped registers, shared memory, timers), so
// that halt and failed initialisation can be checked against what was left behind (ndis5.md §1.10, R24–R26).
import type { Kernel } from '../kernel/kernel'
import type { Scheduler } from '../sim/scheduler'
import type { ControllerDevice } from '../controller/device'
import type { EventLog } from '../trace/event-log'
import type { MiniportHandlers } from './characteristics'
import type { HandlerWatch } from './handler-watch'
import type { NDIS_MINIPORT_INTERRUPT } from './interrupt-object'
import type { NDIS_MINIPORT_TIMER } from './timer-object'

export type AdapterState = 'loaded' | 'registered' | 'initializing' | 'running' | 'halting' | 'halted' | 'failed'

export interface IoMapping {
  va: number
  pa: number
  length: number
}

export interface SharedMemoryBlock {
  va: number
  pa: number
  length: number
  cached: boolean
}

export interface MiniportEnvironment {
  readonly kernel: Kernel
  readonly scheduler: Scheduler
  readonly controller: ControllerDevice
  readonly log: EventLog
  readonly watch: HandlerWatch
  /** Registry values NdisReadConfiguration answers from (the scenario's `registry`). */
  readonly registry: Readonly<Record<string, number | string>>
  /** Text DbgPrint wrote, with its virtual time. */
  readonly debugOutput: { timeNs: number; text: string }[]
  /** NdisMIndicateStatus calls (media connect/disconnect and others). */
  readonly statusIndications: { timeNs: number; status: number }[]
  /** Virtual time the run ends at: a blocking wait (NdisWaitEvent, NdisMSleep) never runs the system past it. */
  readonly endNs?: number
}

export class Adapter {
  state: AdapterState = 'loaded'
  handlers: MiniportHandlers | null = null
  /** MiniportAdapterContext given to NdisMSetAttributes(Ex); passed back to every handler. */
  context: unknown = null
  attributesSet = false
  attributeFlags = 0
  checkForHangSeconds = 2
  /** The interrupt registered with NdisMRegisterInterrupt, null when none is. */
  interrupt: NDIS_MINIPORT_INTERRUPT | null = null
  readonly ioMappings: IoMapping[] = []
  readonly sharedMemory = new Map<number, SharedMemoryBlock>()
  readonly timers = new Set<NDIS_MINIPORT_TIMER>()
  configurationOpen = false
  /** NDIS_STATUS MiniportInitialize returned (0 until it ran). */
  initializeStatus = 0
  selectedMediumIndex = -1
  /** A MiniportReset NDIS started has not completed yet (NdisMResetComplete ends it). */
  resetInProgress = false
  /** Resets NDIS started. */
  resets = 0
  /** The driver's unload routine (NdisMRegisterUnloadHandler), called after the last halt. */
  unloadHandler: ((...args: any[]) => any) | null = null
  /** NdisMRegisterAdapterShutdownHandler's routine and context (called at system shutdown only). */
  shutdownHandler: { handler: (...args: any[]) => any; context: unknown } | null = null
  /** MaximumPhysicalMapping of NdisMInitializeScatterGatherDma; 0 until it is called (docs/script-api.md "DMA"). */
  scatterGather = 0

  constructor(readonly env: MiniportEnvironment) {}

  get deserialized(): boolean {
    return (this.attributeFlags & 0x20) !== 0
  }
}
