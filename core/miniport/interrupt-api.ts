// The interrupt calls (ndis5.md §1.10): NdisMRegisterInterrupt / NdisMDeregisterInterrupt /
// NdisMSynchronizeWithInterrupt. The path the controller's interrupt line takes into the script is interrupt-dispatch.ts.
import { isScriptInstance } from '../verifier/script-value'
import { NDIS_STATUS_CODES } from '../ndis/status'
import {
  EXPECTED_FUNCTION,
  EXPECTED_HANDLE,
  EXPECTED_INTERRUPT,
  notAnObject,
  R32,
  requireAttributesSet,
  requirePassive,
} from '../verifier/catalogue'
import { MINIPORT_ADAPTER_HANDLE } from './handles'
import { interruptAddress, NDIS_MINIPORT_INTERRUPT, SIZEOF_NDIS_MINIPORT_INTERRUPT } from './interrupt-object'
import type { InterruptDispatch } from './interrupt-dispatch'
import type { MiniportRuntime } from './runtime'

export function interruptApi(m: MiniportRuntime, dispatch: InterruptDispatch) {
  const k = m.kernel
  const env = m.env
  const adapter = m.adapter
  const lineChanged = (asserted: boolean) => dispatch.lineChanged(asserted)

  /** An interrupt object inside the driver's memory is passed by its address (docs/structures.md). */
  const inMemory = (Interrupt: NDIS_MINIPORT_INTERRUPT | number): NDIS_MINIPORT_INTERRUPT =>
    k.embedded(Interrupt, NDIS_MINIPORT_INTERRUPT, SIZEOF_NDIS_MINIPORT_INTERRUPT) as NDIS_MINIPORT_INTERRUPT

  function checkInterruptObject(call: string, value: unknown): value is NDIS_MINIPORT_INTERRUPT {
    if (isScriptInstance(value, NDIS_MINIPORT_INTERRUPT)) {
      interruptAddress(k, value)
      return true
    }
    notAnObject(
      k.verifier,
      call,
      value,
      EXPECTED_INTERRUPT,
      'is not an NDIS_MINIPORT_INTERRUPT (make one with new NDIS_MINIPORT_INTERRUPT())',
    )
    return false
  }

  return {
    NdisMRegisterInterrupt(
      Interrupt: NDIS_MINIPORT_INTERRUPT | number,
      MiniportAdapterHandle: number,
      InterruptVector: number,
      InterruptLevel: number,
      RequestIsr: boolean,
      SharedInterrupt: boolean,
      InterruptMode: number,
    ): number {
      requirePassive(k.verifier, k.cpu.irql, 'NdisMRegisterInterrupt')
      Interrupt = inMemory(Interrupt)
      if (!checkInterruptObject('NdisMRegisterInterrupt', Interrupt)) return NDIS_STATUS_CODES.NDIS_STATUS_FAILURE
      if (MiniportAdapterHandle !== MINIPORT_ADAPTER_HANDLE) {
        notAnObject(
          k.verifier,
          'NdisMRegisterInterrupt',
          MiniportAdapterHandle,
          EXPECTED_HANDLE,
          'is not the MiniportAdapterHandle NDIS gave MiniportInitialize',
        )
        return NDIS_STATUS_CODES.NDIS_STATUS_FAILURE
      }
      requireAttributesSet(k.verifier, adapter.attributesSet, 'NdisMRegisterInterrupt')
      const resources = env.controller.resources
      if (InterruptVector !== resources.interruptVector) {
        // The vector is not one this adapter was given: NDIS cannot connect it.
        return NDIS_STATUS_CODES.NDIS_STATUS_RESOURCE_CONFLICT
      }
      if (adapter.interrupt && adapter.interrupt.registered) {
        return NDIS_STATUS_CODES.NDIS_STATUS_RESOURCE_CONFLICT
      }
      const h = adapter.handlers
      if (RequestIsr && !h?.ISRHandler) return NDIS_STATUS_CODES.NDIS_STATUS_FAILURE
      if (SharedInterrupt && !RequestIsr) return NDIS_STATUS_CODES.NDIS_STATUS_FAILURE
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
      return NDIS_STATUS_CODES.NDIS_STATUS_SUCCESS
    },

    NdisMDeregisterInterrupt(Interrupt: NDIS_MINIPORT_INTERRUPT | number): void {
      requirePassive(k.verifier, k.cpu.irql, 'NdisMDeregisterInterrupt')
      Interrupt = inMemory(Interrupt)
      if (!checkInterruptObject('NdisMDeregisterInterrupt', Interrupt)) return
      if (!Interrupt.registered) {
        notAnObject(k.verifier, 'NdisMDeregisterInterrupt', Interrupt.address, EXPECTED_INTERRUPT, 'is not registered')
        return
      }
      Interrupt.registered = false
      Interrupt.dpcQueued = false
    },

    NdisMSynchronizeWithInterrupt(
      Interrupt: NDIS_MINIPORT_INTERRUPT | number,
      SynchronizeFunction: (ctx: unknown) => unknown,
      SynchronizeContext: unknown,
    ): boolean {
      Interrupt = inMemory(Interrupt)
      if (!checkInterruptObject('NdisMSynchronizeWithInterrupt', Interrupt)) return false
      if (!Interrupt.registered) {
        k.verifier.report(
          R32,
          Interrupt.address,
          0,
          0,
          Interrupt.everRegistered
            ? 'NdisMSynchronizeWithInterrupt after NdisMDeregisterInterrupt'
            : 'NdisMSynchronizeWithInterrupt with an interrupt that was never registered',
        )
        return false
      }
      if (typeof SynchronizeFunction !== 'function') {
        notAnObject(
          k.verifier,
          'NdisMSynchronizeWithInterrupt',
          SynchronizeFunction,
          EXPECTED_FUNCTION,
          'is not a function (SynchronizeFunction)',
        )
        return false
      }
      // Runs at DIRQL under the interrupt's lock, then the caller's IRQL comes back (ndis5.md §1.10).
      return m.call('SynchronizeFunction', k.dirql, SynchronizeFunction, SynchronizeContext) ? true : false
    },
  }
}
