// The script-facing send-side calls (ndis5.md §1.7 NdisMSendComplete; MiniportSendPackets' RESOURCES contract).
import { EXPECTED_HANDLE, notAnObject } from '../verifier/catalogue'
import { MINIPORT_ADAPTER_HANDLE } from './handles'
import type { MiniportRuntime } from './runtime'
import type { SendQueue } from './send-queue'

export function sendApi(m: MiniportRuntime, queue: SendQueue) {
  const k = m.kernel

  function adapterHandle(call: string, handle: unknown): boolean {
    if (handle === MINIPORT_ADAPTER_HANDLE) return true
    notAnObject(
      k.verifier,
      call,
      handle,
      EXPECTED_HANDLE,
      'is not the MiniportAdapterHandle NDIS gave MiniportInitialize',
    )
    return false
  }

  return {
    NdisMSendComplete(MiniportAdapterHandle: number, Packet: number, Status: number): void {
      if (adapterHandle('NdisMSendComplete', MiniportAdapterHandle)) queue.complete(Packet, Status)
    },

    NdisMSendResourcesAvailable(MiniportAdapterHandle: number): void {
      if (adapterHandle('NdisMSendResourcesAvailable', MiniportAdapterHandle)) queue.resourcesAvailable()
    },
  }
}
