// The rule's own test: NdisMSendComplete for a packet not pended, or twice
import { describe } from 'vitest'
import { ndisRuntime } from '../../../../core/ndis/instance'
import { R30 } from '../../../../core/verifier/catalogue'
import { miniport, scriptRuleCase } from './script-case'

describe('R30: NdisMSendComplete for a packet not pended, or twice', () => {
  scriptRuleCase(R30, () => ({
    script: miniport({
      globals: 'let Packet = NULL\nconst Timer = new NDIS_MINIPORT_TIMER()',
      init:
        '  const St = { value: 0 }\n  const Pool = { value: NULL }\n  NdisAllocatePacketPool(St, Pool, 4, 16)\n  const Bufs = { value: NULL }\n  NdisAllocateBufferPool(St, Bufs, 4)\n  const Mem = { value: NULL }\n  NdisAllocateMemoryWithTag(Mem, 64, 0)\n  NdisFillMemory(Mem.value, 6, 0xff)\n  const Buf = { value: NULL }\n  NdisAllocateBuffer(St, Buf, Bufs.value, Mem.value, 64)\n  const P = { value: NULL }\n  NdisAllocatePacket(St, P, Pool.value)\n  Packet = P.value\n  NdisChainBufferAtBack(Packet, Buf.value)\n  NDIS_SET_PACKET_HEADER_SIZE(Packet, 14)\n  NDIS_SET_PACKET_STATUS(Packet, NDIS_STATUS_SUCCESS)' +
        '\n' +
        '  NdisMInitializeTimer(Timer, MiniportAdapterHandle, Tick, NULL)\n  NdisMSetTimer(Timer, 1)',
      functions: `function Tick(S1, Context, S2, S3) {
  NdisMSendComplete(AdapterHandle, Packet, NDIS_STATUS_SUCCESS) // HERE
}`,
    }),
    params: (run) => [0x101e, ndisRuntime(run.kernel).packetPoolHistory[0]!.first, 0, 0],
  }))
})
