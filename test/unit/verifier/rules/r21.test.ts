// The rule's own test: Indicating a receive packet still owned by the stack
import { describe, expect } from 'vitest'
import { MINIPORT_ADAPTER_HANDLE } from '../../../../core/miniport/handles'
import { ndisRuntime } from '../../../../core/ndis/instance'
import { R21 } from '../../../../core/verifier/catalogue'
import { miniport, scriptRuleCase } from './script-case'

describe('R21: Indicating a receive packet still owned by the stack', () => {
  scriptRuleCase(R21, () => ({
    script: miniport({
      globals: 'let Packet = NULL\nconst Timer = new NDIS_MINIPORT_TIMER()',
      init:
        '  const St = { value: 0 }\n  const Pool = { value: NULL }\n  NdisAllocatePacketPool(St, Pool, 4, 16)\n  const Bufs = { value: NULL }\n  NdisAllocateBufferPool(St, Bufs, 4)\n  const Mem = { value: NULL }\n  NdisAllocateMemoryWithTag(Mem, 64, 0)\n  NdisFillMemory(Mem.value, 6, 0xff)\n  const Buf = { value: NULL }\n  NdisAllocateBuffer(St, Buf, Bufs.value, Mem.value, 64)\n  const P = { value: NULL }\n  NdisAllocatePacket(St, P, Pool.value)\n  Packet = P.value\n  NdisChainBufferAtBack(Packet, Buf.value)\n  NDIS_SET_PACKET_HEADER_SIZE(Packet, 14)\n  NDIS_SET_PACKET_STATUS(Packet, NDIS_STATUS_SUCCESS)' +
        '\n' +
        '  NdisMInitializeTimer(Timer, MiniportAdapterHandle, Tick, NULL)\n  NdisMSetTimer(Timer, 1)',
      functions: `function Tick(S1, Context, S2, S3) {
  NdisMIndicateReceivePacket(AdapterHandle, [Packet], 1)
  NdisMIndicateReceivePacket(AdapterHandle, [Packet], 1) // HERE
}
function MiniportReturnPacket(Context, Packet) {}`,
      characteristics: 'ReturnPacketHandler: MiniportReturnPacket,',
    }),
    params: (run) => {
      const packet = ndisRuntime(run.kernel).packetPoolHistory[0]!.first
      // P4: NDIS's copy of the packet array, whose entry is the packet.
      const array = [...run.kernel.memory.live.values()].find((a) => a.kind === 'ndis')!.va
      expect(run.kernel.memory.u32[(array - 0x80000000) >> 2]).toBe(packet)
      return [0x05, MINIPORT_ADAPTER_HANDLE, packet, array]
    },
  }))
})
