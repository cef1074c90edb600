// The rule's own test: A deserialized miniport reads the status of a packet it indicated
import { describe, expect, it } from 'vitest'
import { KVA_BASE } from '../../../../core/kernel/memory'
import { OOB_STATUS, PKT_OOB_OFFSET } from '../../../../core/ndis/layout'
import { ndisRuntime } from '../../../../core/ndis/instance'
import { NDIS_STATUS_SUCCESS } from '../../../../core/ndis/status'
import { R59 } from '../../../../core/verifier/catalogue'
import { miniport, scriptRuleCase } from './script-case'
import { runOf } from './rule-case'

/** A deserialized miniport that lends one broadcast packet at 1 ms, then does `after`. */
function deserialized(after: string): string {
  return miniport({
    attributes: 'NDIS_ATTRIBUTE_DESERIALIZE | NDIS_ATTRIBUTE_BUS_MASTER',
    globals: 'let Packet = NULL\nlet Seen = -1\nconst Timer = new NDIS_MINIPORT_TIMER()',
    init:
      '  const St = { value: 0 }\n  const Pool = { value: NULL }\n  NdisAllocatePacketPool(St, Pool, 4, 16)\n  const Bufs = { value: NULL }\n  NdisAllocateBufferPool(St, Bufs, 4)\n  const Mem = { value: NULL }\n  NdisAllocateMemoryWithTag(Mem, 64, 0)\n  NdisFillMemory(Mem.value, 6, 0xff)\n  const Buf = { value: NULL }\n  NdisAllocateBuffer(St, Buf, Bufs.value, Mem.value, 64)\n  const P = { value: NULL }\n  NdisAllocatePacket(St, P, Pool.value) // POOL\n  Packet = P.value\n  NdisChainBufferAtBack(Packet, Buf.value)\n  NDIS_SET_PACKET_HEADER_SIZE(Packet, 14)\n  NDIS_SET_PACKET_STATUS(Packet, NDIS_STATUS_SUCCESS)' +
      '\n  NdisMInitializeTimer(Timer, MiniportAdapterHandle, Tick, NULL)\n  NdisMSetTimer(Timer, 1)',
    functions: `function Tick(S1, Context, S2, S3) {
  NdisMIndicateReceivePacket(AdapterHandle, [Packet], 1)
${after}
}
function MiniportReturnPacket(Context, P) {}`,
    characteristics: 'ReturnPacketHandler: MiniportReturnPacket,',
  })
}

describe('R59: A deserialized miniport reads the status of a packet it indicated', () => {
  scriptRuleCase(R59, () => ({
    script: deserialized('  Seen = NDIS_GET_PACKET_STATUS(Packet) // HERE'),
    allocatedMarker: '// POOL',
    params: (run) => [0x103b, ndisRuntime(run.kernel).packetPoolHistory[0]!.first, 0, 0],
  }))

  it('NDIS leaves the status of a kept packet alone for a deserialized miniport (no PENDING)', () => {
    const { run } = runOf(deserialized(''))
    const packet = ndisRuntime(run.kernel).packetPoolHistory[0]!.first
    // (The script frees nothing in MiniportHalt: only its leaks are reported.)
    expect(run.kernel.verifier.findings.filter((f) => f.rule !== 'R20')).toEqual([])
    expect(run.protocol.stats.returned).toBe(1)
    const view = run.kernel.memory.view
    const oob = packet + view.getUint16(packet - KVA_BASE + PKT_OOB_OFFSET, true)
    expect(view.getInt32(oob - KVA_BASE + OOB_STATUS, true)).toBe(NDIS_STATUS_SUCCESS)
  })
})
