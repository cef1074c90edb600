// The script-facing receive call (ndis5.md §1.7 NdisMIndicateReceivePacket; §3), by its C name.
import type { BoundProtocol } from './bound-protocol'

export function receiveApi(p: BoundProtocol) {
  return {
    NdisMIndicateReceivePacket(MiniportAdapterHandle: number, PacketArray: number[], NumberOfPackets: number): void {
      p.indicate(MiniportAdapterHandle, PacketArray, NumberOfPackets)
    },
  }
}
