// NdisMResetComplete (ndis5.md §4 R27): completes a MiniportReset that returned NDIS_STATUS_PENDING. Called when no
// reset is in progress, NDIS stops the system itself (0x7C, P1 0x0F).
import { MINIPORT_ADAPTER_HANDLE } from './handles'
import { EXPECTED_HANDLE, notAnObject, R27 } from '../verifier/catalogue'
import type { MiniportRuntime } from './runtime'

export function resetApi(m: MiniportRuntime) {
  const k = m.kernel
  return {
    NdisMResetComplete(MiniportAdapterHandle: number, Status: number, AddressingReset: boolean): void {
      if (MiniportAdapterHandle !== MINIPORT_ADAPTER_HANDLE) {
        notAnObject(
          k.verifier,
          'NdisMResetComplete',
          MiniportAdapterHandle,
          EXPECTED_HANDLE,
          'is not the MiniportAdapterHandle',
        )
        return
      }
      const adapter = m.adapter
      if (!adapter.resetInProgress) {
        k.verifier.report(
          R27,
          MINIPORT_ADAPTER_HANDLE,
          typeof Status === 'number' ? Status : 0,
          AddressingReset === true || (typeof AddressingReset === 'number' && AddressingReset !== 0) ? 1 : 0,
          'NdisMResetComplete with no reset in progress',
        )
        return
      }
      adapter.resetInProgress = false
      const addressing = AddressingReset === true || (typeof AddressingReset === 'number' && AddressingReset !== 0)
      m.onResetComplete?.(typeof Status === 'number' ? Status >>> 0 : 0, addressing)
    },
  }
}
