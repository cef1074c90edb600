// Interrupts (ndis5.md §1.10): NdisMRegisterInterrupt / NdisMDeregisterInterrupt / NdisMSynchronizeWithInterrupt,
// and the path the controller's interrupt line takes into the script: MiniportISR at DIRQL, then
// MiniportHandleInterrupt queued as a DPC at DISPATCH_LEVEL (or, with RequestIsr FALSE, NDIS disables the
// interrupt itself and queues the DPC, re-enabling after it).
import { DISPATCH_LEVEL, PASSIVE_LEVEL } from '../kernel/irql'
import type { Out } from '../ndis/runtime'
import { NDIS_STATUS_INT32 } from '../ndis/status'
import { R32, R36 } from '../verifier/catalogue'
import { emulatorSubcode } from '../verifier/rule'
import { R41 } from '../verifier/rules/r41'
import { R42 } from '../verifier/rules/r42'
import { R43 } from '../verifier/rules/r43'
import { EV_DPC_BEGIN, EV_DPC_END, EV_INTERRUPT, EV_ISR_BEGIN, EV_ISR_END } from '../trace/event-log'
import { MINIPORT_ADAPTER_HANDLE } from './handles'
import { NDIS_MINIPORT_INTERRUPT } from './interrupt-object'
import { EVENT_DPC, EVENT_ISR, type MiniportRuntime } from './runtime'
import { isScriptInstance, writeOutCell } from '../kernel/script-value'

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

export function interruptApi(m: MiniportRuntime) {
  const k = m.kernel
  const env = m.env
  const scheduler = env.scheduler
  const adapter = m.adapter
  const recognized: Out<unknown> = { value: false }
  const queueDpc: Out<unknown> = { value: false }
  const names = {
    isr: env.log.intern('MiniportISR'),
    dpc: env.log.intern('MiniportHandleInterrupt'),
    interrupt: env.log.intern('interrupt'),
  }

  function lineChanged(asserted: boolean): void {
    const i = adapter.interrupt
    if (!asserted || !i || !i.registered || i.isrPending) return
    i.isrPending = true
    scheduler.schedule(scheduler.nowNs, m.eventBase + EVENT_ISR, 0)
  }

  function runIsr(): void {
    const i = adapter.interrupt
    if (!i) return
    i.isrPending = false
    if (!i.registered || !env.controller.interruptAsserted) return
    i.isrCount++
    env.log.add(scheduler.nowNs, EV_INTERRUPT, names.interrupt, i.vector, 0)
    const h = adapter.handlers!
    let queue: boolean
    if (i.requestIsr && h.ISRHandler) {
      writeOutCell(recognized, false)
      writeOutCell(queueDpc, false)
      env.log.add(scheduler.nowNs, EV_ISR_BEGIN, names.isr, 0, 0)
      m.call('MiniportISR', k.dirql, h.ISRHandler, recognized, queueDpc, adapter.context)
      env.log.add(scheduler.nowNs, EV_ISR_END, names.isr, 0, 0)
      queue = isTrue(recognized.value) && isTrue(queueDpc.value)
    } else {
      // RequestIsr FALSE: NDIS acknowledges the interrupt by disabling it (MiniportDisableInterrupt) and queues the DPC.
      if (h.DisableInterruptHandler)
        m.call('MiniportDisableInterrupt', k.dirql, h.DisableInterruptHandler, adapter.context)
      queue = true
    }
    if (queue && !i.dpcQueued) {
      i.dpcQueued = true
      scheduler.schedule(scheduler.nowNs + DPC_LATENCY_NS, m.eventBase + EVENT_DPC, 0)
    }
    if (env.controller.interruptAsserted && i.registered) {
      if (++i.isrsWithoutDpc >= STORM_LIMIT) {
        k.verifier.stop(
          R43,
          1,
          i.isrsWithoutDpc,
          env.controller.peekRegister(0x08),
          0,
          `the interrupt stayed asserted through ${i.isrsWithoutDpc} ISRs and MiniportHandleInterrupt never ran`,
        )
      }
      i.isrPending = true
      scheduler.schedule(scheduler.nowNs + ISR_REENTRY_NS, m.eventBase + EVENT_ISR, 0)
    }
  }

  function runDpc(): void {
    const i = adapter.interrupt
    if (!i) return
    if (i.isrPending && i.registered) {
      // The line is still asserted: the interrupt preempts the DPC (DIRQL > DISPATCH_LEVEL), which runs only after.
      scheduler.schedule(scheduler.nowNs + ISR_REENTRY_NS, m.eventBase + EVENT_DPC, 0)
      return
    }
    i.dpcQueued = false
    if (!i.registered) return
    i.isrsWithoutDpc = 0
    i.dpcCount++
    const h = adapter.handlers!
    env.log.add(scheduler.nowNs, EV_DPC_BEGIN, names.dpc, 0, 0)
    if (h.HandleInterruptHandler)
      m.call('MiniportHandleInterrupt', DISPATCH_LEVEL, h.HandleInterruptHandler, adapter.context)
    if (!i.requestIsr && h.EnableInterruptHandler) {
      m.call('MiniportEnableInterrupt', k.dirql, h.EnableInterruptHandler, adapter.context)
    }
    env.log.add(scheduler.nowNs, EV_DPC_END, names.dpc, 0, 0)
    if (env.controller.interruptAsserted && i.registered) lineChanged(true)
  }

  scheduler.on(m.eventBase + EVENT_ISR, runIsr)
  scheduler.on(m.eventBase + EVENT_DPC, runDpc)
  env.controller.connectInterrupt(lineChanged)

  function checkInterruptObject(call: string, value: unknown): value is NDIS_MINIPORT_INTERRUPT {
    if (isScriptInstance(value, NDIS_MINIPORT_INTERRUPT)) return true
    k.verifier.report(
      R36,
      0x1024,
      0,
      6,
      0,
      `${call}: Interrupt is not an NDIS_MINIPORT_INTERRUPT (make one with new NDIS_MINIPORT_INTERRUPT())`,
    )
    return false
  }

  return {
    NdisMRegisterInterrupt(
      Interrupt: NDIS_MINIPORT_INTERRUPT,
      MiniportAdapterHandle: number,
      InterruptVector: number,
      InterruptLevel: number,
      RequestIsr: boolean,
      SharedInterrupt: boolean,
      InterruptMode: number,
    ): number {
      if (k.cpu.irql !== PASSIVE_LEVEL) {
        k.verifier.report(
          R41,
          emulatorSubcode('R41'),
          k.cpu.irql,
          PASSIVE_LEVEL,
          0,
          `NdisMRegisterInterrupt at IRQL ${k.cpu.irql}`,
        )
      }
      if (!checkInterruptObject('NdisMRegisterInterrupt', Interrupt)) return NDIS_STATUS_INT32.NDIS_STATUS_FAILURE
      if (MiniportAdapterHandle !== MINIPORT_ADAPTER_HANDLE) {
        k.verifier.report(
          R36,
          0x1024,
          MiniportAdapterHandle >>> 0,
          7,
          0,
          'NdisMRegisterInterrupt: not the MiniportAdapterHandle NDIS gave MiniportInitialize',
        )
        return NDIS_STATUS_INT32.NDIS_STATUS_FAILURE
      }
      if (!adapter.attributesSet) {
        k.verifier.report(R42, emulatorSubcode('R42'), 0, 0, 0, 'NdisMRegisterInterrupt before NdisMSetAttributesEx')
      }
      const resources = env.controller.resources
      if (InterruptVector !== resources.interruptVector) {
        // The vector is not one this adapter was given: NDIS cannot connect it.
        return NDIS_STATUS_INT32.NDIS_STATUS_RESOURCE_CONFLICT
      }
      if (adapter.interrupt && adapter.interrupt.registered) {
        return NDIS_STATUS_INT32.NDIS_STATUS_RESOURCE_CONFLICT
      }
      const h = adapter.handlers
      if (RequestIsr && !h?.ISRHandler) return NDIS_STATUS_INT32.NDIS_STATUS_FAILURE
      if (SharedInterrupt && !RequestIsr) return NDIS_STATUS_INT32.NDIS_STATUS_FAILURE
      Interrupt.registered = true
      Interrupt.everRegistered = true
      Interrupt.registerSite = k.sites.current
      Interrupt.vector = InterruptVector
      Interrupt.level = InterruptLevel
      Interrupt.requestIsr = RequestIsr !== false
      Interrupt.shared = SharedInterrupt === true
      void InterruptMode
      adapter.interrupt = Interrupt
      if (env.controller.interruptAsserted) lineChanged(true)
      return NDIS_STATUS_INT32.NDIS_STATUS_SUCCESS
    },

    NdisMDeregisterInterrupt(Interrupt: NDIS_MINIPORT_INTERRUPT): void {
      if (k.cpu.irql !== PASSIVE_LEVEL) {
        k.verifier.report(
          R41,
          emulatorSubcode('R41'),
          k.cpu.irql,
          PASSIVE_LEVEL,
          0,
          `NdisMDeregisterInterrupt at IRQL ${k.cpu.irql}`,
        )
      }
      if (!checkInterruptObject('NdisMDeregisterInterrupt', Interrupt)) return
      if (!Interrupt.registered) {
        k.verifier.report(R36, 0x1024, 0, 6, 0, 'NdisMDeregisterInterrupt of an interrupt that is not registered')
        return
      }
      Interrupt.registered = false
      Interrupt.dpcQueued = false
    },

    NdisMSynchronizeWithInterrupt(
      Interrupt: NDIS_MINIPORT_INTERRUPT,
      SynchronizeFunction: (ctx: unknown) => unknown,
      SynchronizeContext: unknown,
    ): boolean {
      if (!checkInterruptObject('NdisMSynchronizeWithInterrupt', Interrupt)) return false
      if (!Interrupt.registered) {
        k.verifier.report(
          R32,
          0,
          0,
          0,
          0,
          Interrupt.everRegistered
            ? 'NdisMSynchronizeWithInterrupt after NdisMDeregisterInterrupt'
            : 'NdisMSynchronizeWithInterrupt with an interrupt that was never registered',
        )
        return false
      }
      if (typeof SynchronizeFunction !== 'function') {
        k.verifier.report(R36, 0x1024, 0, 8, 0, 'NdisMSynchronizeWithInterrupt: SynchronizeFunction is not a function')
        return false
      }
      // Runs at DIRQL under the interrupt's lock, then the caller's IRQL comes back (ndis5.md §1.10).
      return m.call('SynchronizeFunction', k.dirql, SynchronizeFunction, SynchronizeContext) ? true : false
    },
  }
}
