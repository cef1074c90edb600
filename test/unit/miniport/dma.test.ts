// Bus-master DMA in a run (docs/script-api.md "DMA"): a mapped buffer gives one physical piece per page it spans, and
// after NdisMInitializeScatterGatherDma each packet the protocol sends carries its SCATTER_GATHER_LIST.
import { describe, expect, it } from 'vitest'
import { startRun } from '../../support/real-run'
import { miniport } from '../verifier/rules/script-case'

describe('DMA', () => {
  it('maps a buffer across a page boundary into two physical pieces', () => {
    const init = `  NdisMAllocateMapRegisters(MiniportAdapterHandle, 0, NDIS_DMA_32BITS, 4, 2048)
  const St = { value: 0 }
  const Pool = { value: NULL }
  NdisAllocateBufferPool(St, Pool, 4)
  const Va = { value: NULL }
  NdisAllocateMemoryWithTag(Va, 0x2000, 0)
  const Buffer = { value: NULL }
  const Start = Va.value + (0x1000 - (Va.value & 0xfff)) - 0x10
  NdisAllocateBuffer(St, Buffer, Pool.value, Start, 0x20)
  const Units = [{ PhysicalAddress: 0, Length: 0 }, { PhysicalAddress: 0, Length: 0 }]
  const Count = { value: 0 }
  NdisMStartBufferPhysicalMapping(MiniportAdapterHandle, Buffer.value, 2, TRUE, Units, Count)
  DbgPrint('pieces %u: %u at +%x, %u at +%x\\n', Count.value, Units[0].Length, Units[0].PhysicalAddress & 0xfff,
    Units[1].Length, Units[1].PhysicalAddress & 0xfff)
  NdisMCompleteBufferPhysicalMapping(MiniportAdapterHandle, Buffer.value, 2)
  NdisMFreeMapRegisters(MiniportAdapterHandle)
  NdisFreeBuffer(Buffer.value)
  NdisFreeBufferPool(Pool.value)
  NdisFreeMemory(Va.value, 0x2000, 0)`
    const run = startRun(miniport({ init }), { verifier: 'full' })
    expect(run.debugOutput.map((d) => d.text).join('')).toContain('pieces 2: 16 at +ff0, 16 at +0\n')
    expect(run.kernel.verifier.findings).toEqual([])
  })

  it('gives every packet sent its SCATTER_GATHER_LIST once scatter/gather DMA is initialised', () => {
    const functions = `let Lists = ''
function MiniportSendPackets(Context, PacketArray, NumberOfPackets) {
  for (let i = 0; i < NumberOfPackets; i++) {
    const Packet = PacketArray[i]
    const Sg = NDIS_PER_PACKET_INFO_FROM_PACKET(Packet, ScatterGatherListPacketInfo)
    const Total = { value: 0 }
    NdisQueryPacket(Packet, NULL, NULL, NULL, Total)
    let Bytes = 0
    for (let e = 0; e < MmRead32(Sg); e++) Bytes += MmRead32(Sg + 8 + 16 * e + 8)
    if (Lists.length < 40) Lists += (Bytes === Total.value && MmRead32(Sg) > 0 ? 'ok ' : 'bad ')
    if (Lists.length === 30) DbgPrint('%s\\n', Lists)
    NdisMSendComplete(AdapterHandle, Packet, NDIS_STATUS_SUCCESS)
  }
}`
    const script = miniport({
      attributes: 'NDIS_ATTRIBUTE_BUS_MASTER | NDIS_ATTRIBUTE_DESERIALIZE',
      init: '  NdisMInitializeScatterGatherDma(MiniportAdapterHandle, FALSE, 0x10000)',
      functions,
      characteristics: 'SendPacketsHandler: MiniportSendPackets,',
    })
    const run = startRun(script, {
      verifier: 'full',
      scenario: { duration: '2ms', protocol: { send: { rateFps: 20000, bytes: 256, batch: 2 } } },
    })
    run.runToEnd()
    const text = run.debugOutput.map((d) => d.text).join('')
    expect(text).toMatch(/^(ok )+\n/m)
    expect(text).not.toContain('bad')
    expect(run.kernel.verifier.findings).toEqual([])
  })
})
