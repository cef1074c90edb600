// The rule's own test: A spin lock held across an indication or a send completion
import { describe, expect } from 'vitest'
import { NDIS_SPIN_LOCK } from '../../../../core/kernel/spin-lock'
import { R54 } from '../../../../core/verifier/catalogue'
import { miniport, scriptRuleCase } from './script-case'

describe('R54: A spin lock held across an indication or a send completion', () => {
  scriptRuleCase(R54, () => ({
    script: miniport({
      globals: 'let Packet = NULL\nconst Timer = new NDIS_MINIPORT_TIMER()\nconst Lock = new NDIS_SPIN_LOCK()',
      init:
        '  const St = { value: 0 }\n  const Pool = { value: NULL }\n  NdisAllocatePacketPool(St, Pool, 4, 16)\n  const Bufs = { value: NULL }\n  NdisAllocateBufferPool(St, Bufs, 4)\n  const Mem = { value: NULL }\n  NdisAllocateMemoryWithTag(Mem, 64, 0)\n  NdisFillMemory(Mem.value, 6, 0xff)\n  const Buf = { value: NULL }\n  NdisAllocateBuffer(St, Buf, Bufs.value, Mem.value, 64)\n  const P = { value: NULL }\n  NdisAllocatePacket(St, P, Pool.value)\n  Packet = P.value\n  NdisChainBufferAtBack(Packet, Buf.value)\n  NDIS_SET_PACKET_HEADER_SIZE(Packet, 14)\n  NDIS_SET_PACKET_STATUS(Packet, NDIS_STATUS_RESOURCES)\n  NdisAllocateSpinLock(Lock)' +
        '\n  NdisMInitializeTimer(Timer, MiniportAdapterHandle, Tick, NULL)\n  NdisMSetTimer(Timer, 1)',
      functions: `function Tick(S1, Context, S2, S3) {
  NdisDprAcquireSpinLock(Lock)
  NdisMIndicateReceivePacket(AdapterHandle, [Packet], 1) // HERE
  NdisDprReleaseSpinLock(Lock)
}
function MiniportReturnPacket(Context, Packet) {}`,
      characteristics: 'ReturnPacketHandler: MiniportReturnPacket,',
    }),
    params: (run) => {
      const lock = run.kernel.verifier.findings.find((f) => f.rule === 'R54')!.params[1]
      // P2 names the driver's lock.
      expect(run.kernel.objects.objectAt(lock)).toBeInstanceOf(NDIS_SPIN_LOCK)
      return [0x1036, lock, 1, 1]
    },
  }))
})
