// The script-facing send-side calls (ndis5.md §1.7 NdisMSendComplete; MiniportSendPackets' RESOURCES contract).
import { EXPECTED_HANDLE, notAnObject, R54, R55 } from '../verifier/catalogue'
import { lockAddress } from '../kernel/spin-locks'
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
      if (!adapterHandle('NdisMSendComplete', MiniportAdapterHandle)) return
      if (m.adapter.state === 'halted') {
        k.verifier.report(
          R55,
          typeof Packet === 'number' ? Packet : 0,
          2,
          0,
          'NdisMSendComplete after MiniportHalt returned',
        )
        return
      }
      if (k.cpu.locks.length !== 0)
        k.verifier.report(
          R54,
          lockAddress(k, k.cpu.locks[0]!),
          k.cpu.locks.length,
          2,
          'NdisMSendComplete with a spin lock held',
        )
      queue.complete(Packet, Status)
    },

    NdisMSendResourcesAvailable(MiniportAdapterHandle: number): void {
      if (adapterHandle('NdisMSendResourcesAvailable', MiniportAdapterHandle)) queue.resourcesAvailable()
    },
  }
}
