// The path the controller's interrupt line takes into the script (ndis5.md §1.10): MiniportISR at DIRQL, then
// MiniportHandleInterrupt queued as a DPC at DISPATCH_LEVEL (or, with RequestIsr FALSE, NDIS disables the interrupt
// itself with MiniportDisableInterrupt, queues the DPC, and re-enables it after the DPC ran).
import { writeOutCell } from '../verifier/script-value'
import { DISPATCH_LEVEL } from '../kernel/irql'
import type { Out } from '../ndis/runtime'
import { TRACE_DPC_BEGIN, TRACE_DPC_END, TRACE_INTERRUPT, TRACE_ISR_BEGIN, TRACE_ISR_END } from '../trace/event-log'
import { R43 } from '../verifier/catalogue'
import { interruptAddress } from './interrupt-object'
import { SCHED_DPC, SCHED_ISR, type MiniportRuntime } from './runtime'

/** ISRs in a row without the DPC running before the run stops as an interrupt storm (R43): 1 ms of interrupts. */
export const STORM_LIMIT = 1_000
/** Time an ISR takes to be entered again when the line stays asserted (the emulated CPU's interrupt latency). */
export const ISR_REENTRY_NS = 1_000
/** Delay between the ISR queuing the DPC and the DPC running. */
export const DPC_LATENCY_NS = 0

/** A C BOOLEAN as a script may write it: true or a non-zero number. */
function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'number' && value !== 0)
}

export class InterruptDispatch {
  private readonly recognized: Out<unknown> = { value: false }
  private readonly queueDpc: Out<unknown> = { value: false }
  private readonly names: { isr: number; dpc: number; interrupt: number }

  constructor(private readonly m: MiniportRuntime) {
    const env = m.env
    this.names = {
      isr: env.log.intern('MiniportISR'),
      dpc: env.log.intern('MiniportHandleInterrupt'),
      interrupt: env.log.intern('interrupt'),
    }
    env.scheduler.on(m.eventBase + SCHED_ISR, () => this.runIsr())
    env.scheduler.on(m.eventBase + SCHED_DPC, () => this.runDpc())
    env.controller.connectInterrupt((asserted) => this.lineChanged(asserted))
  }

  /** The controller's line changed (or a registration wants to know its level): an asserted line queues the ISR. */
  lineChanged(asserted: boolean): void {
    const i = this.m.adapter.interrupt
    if (!asserted || !i || !i.registered || i.isrPending) return
    i.isrPending = true
    const scheduler = this.m.env.scheduler
    scheduler.schedule(scheduler.nowNs, this.m.eventBase + SCHED_ISR, 0)
  }

  private runIsr(): void {
    const m = this.m
    const { env, adapter, kernel: k } = m
    const scheduler = env.scheduler
    const names = this.names
    const i = adapter.interrupt
    if (!i) return
    i.isrPending = false
    if (!i.registered || !env.controller.interruptAsserted) return
    i.isrCount++
    env.log.add(scheduler.nowNs, TRACE_INTERRUPT, names.interrupt, i.vector, 0)
    const h = adapter.handlers!
    let queue: boolean
    if (i.requestIsr && h.ISRHandler) {
      const recognized = this.recognized
      const queueDpc = this.queueDpc
      writeOutCell(recognized, false)
      writeOutCell(queueDpc, false)
      env.log.add(scheduler.nowNs, TRACE_ISR_BEGIN, names.isr, 0, 0)
      m.call('MiniportISR', k.dirql, h.ISRHandler, recognized, queueDpc, adapter.context)
      env.log.add(scheduler.nowNs, TRACE_ISR_END, names.isr, 0, 0)
      queue = isTrue(recognized.value) && isTrue(queueDpc.value)
    } else {
      // RequestIsr FALSE: NDIS acknowledges the interrupt by disabling it (MiniportDisableInterrupt) and queues the DPC.
      if (h.DisableInterruptHandler)
        m.call('MiniportDisableInterrupt', k.dirql, h.DisableInterruptHandler, adapter.context)
      queue = true
    }
    if (queue && !i.dpcQueued) {
      i.dpcQueued = true
      scheduler.schedule(scheduler.nowNs + DPC_LATENCY_NS, m.eventBase + SCHED_DPC, 0)
    }
    if (env.controller.interruptAsserted && i.registered) {
      if (++i.isrsWithoutDpc >= STORM_LIMIT) {
        k.verifier.stop(
          R43,
          i.isrsWithoutDpc,
          env.controller.pendingCauses(),
          interruptAddress(k, i),
          `the interrupt stayed asserted through ${i.isrsWithoutDpc} ISRs and MiniportHandleInterrupt never ran`,
        )
      }
      i.isrPending = true
      scheduler.schedule(scheduler.nowNs + ISR_REENTRY_NS, m.eventBase + SCHED_ISR, 0)
    }
  }

  private runDpc(): void {
    const m = this.m
    const { env, adapter, kernel: k } = m
    const scheduler = env.scheduler
    const i = adapter.interrupt
    if (!i) return
    if (i.isrPending && i.registered) {
      // The line is still asserted: the interrupt preempts the DPC (DIRQL > DISPATCH_LEVEL), which runs only after.
      scheduler.schedule(scheduler.nowNs + ISR_REENTRY_NS, m.eventBase + SCHED_DPC, 0)
      return
    }
    i.dpcQueued = false
    if (!i.registered) return
    i.isrsWithoutDpc = 0
    i.dpcCount++
    const h = adapter.handlers!
    env.log.add(scheduler.nowNs, TRACE_DPC_BEGIN, this.names.dpc, 0, 0)
    if (h.HandleInterruptHandler)
      m.call('MiniportHandleInterrupt', DISPATCH_LEVEL, h.HandleInterruptHandler, adapter.context)
    if (!i.requestIsr && h.EnableInterruptHandler) {
      m.call('MiniportEnableInterrupt', k.dirql, h.EnableInterruptHandler, adapter.context)
    }
    env.log.add(scheduler.nowNs, TRACE_DPC_END, this.names.dpc, 0, 0)
    if (env.controller.interruptAsserted && i.registered) this.lineChanged(true)
  }
}
