// The script-facing send-side calls (ndis5.md §1.7 NdisMSendComplete; MiniportSendPackets' RESOURCES contract).
import { MINIPORT_ADAPTER_HANDLE } from '../miniport/handles'
import { R36 } from '../verifier/catalogue'
import { VERIFIER_OFF } from '../verifier/level'
import { emulatorSubcode } from '../verifier/rule'
import type { BoundProtocol } from './bound-protocol'
import { scriptUlong } from '../kernel/script-value'

export function sendApi(p: BoundProtocol) {
  const k = p.m.kernel

  function adapterHandle(call: string, handle: unknown): boolean {
    if (handle === MINIPORT_ADAPTER_HANDLE) return true
    if (k.verifier.level !== VERIFIER_OFF)
      k.verifier.report(
        R36,
        emulatorSubcode('R36'),
        scriptUlong(handle),
        7,
        0,
        call + ': not the MiniportAdapterHandle NDIS gave MiniportInitialize',
      )
    return false
  }

  return {
    NdisMSendComplete(MiniportAdapterHandle: number, Packet: number, Status: number): void {
      if (adapterHandle('NdisMSendComplete', MiniportAdapterHandle)) p.sender.complete(Packet, Status)
    },

    NdisMSendResourcesAvailable(MiniportAdapterHandle: number): void {
      if (adapterHandle('NdisMSendResourcesAvailable', MiniportAdapterHandle)) p.sender.resourcesAvailable()
    },
  }
}
