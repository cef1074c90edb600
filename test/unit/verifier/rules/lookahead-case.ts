// A miniport on the NDIS 3/4 receive path for the rules about it: a timer indicates a 60-byte broadcast frame from
// memory with NdisMEthIndicateReceive (`indicate` gives the call), and MiniportTransferData is `transfer`'s body.
import { miniport, requestHandlers } from './script-case'

export function lookaheadMiniport(indicate: string, transfer: string, more = ''): string {
  const h = requestHandlers()
  return miniport({
    globals: 'let Frame = NULL\nconst Timer = new NDIS_MINIPORT_TIMER()\nlet Pended = NULL',
    init: '  const Mem = { value: NULL }\n  NdisAllocateMemoryWithTag(Mem, 64, 0)\n  Frame = Mem.value\n  NdisFillMemory(Frame, 6, 0xff)\n  NdisMInitializeTimer(Timer, MiniportAdapterHandle, Tick, NULL)\n  NdisMSetTimer(Timer, 1)',
    halt: '  NdisFreeMemory(Frame, 64, 0)',
    functions:
      h.functions +
      `
function Tick(S1, Context, S2, S3) {
  ${indicate}
  NdisMEthIndicateReceiveComplete(AdapterHandle)
}
function MiniportTransferData(Packet, BytesTransferred, Context, ReceiveContext, ByteOffset, BytesToTransfer) {
${transfer}
}
${more}`,
    characteristics: h.characteristics + '\n    TransferDataHandler: MiniportTransferData,',
  })
}
