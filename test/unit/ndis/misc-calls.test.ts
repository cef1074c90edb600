import { describe, expect, it } from 'vitest'
import { DISPATCH_LEVEL } from '../../../core/kernel/irql'
import { NDIS_CONSTANTS } from '../../../core/ndis/constants'
import { NDIS_STATUS_SUCCESS } from '../../../core/ndis/status'
import { buffers, packet, pool, setup } from './helpers'

describe('remaining calls, one by one', () => {
  it('NdisSetPacketPoolProtocolId tags every descriptor allocated afterwards in Private.Flags (ndis5.md §1.1)', () => {
    const { ndis } = setup()
    const h = pool(ndis)
    ndis.NdisSetPacketPoolProtocolId(h, NDIS_CONSTANTS.NDIS_PROTOCOL_ID_TCP_IP)
    const p = packet(ndis, h)
    expect(ndis.NdisGetPacketFlags(p) & NDIS_CONSTANTS.NDIS_FLAGS_PROTOCOL_ID_MASK).toBe(2)
  })

  it('NdisSetPacketFlags ORs into Private.Flags, NdisClearPacketFlags clears (header macros)', () => {
    const { ndis, k } = setup()
    const p = packet(ndis, pool(ndis))
    ndis.NdisSetPacketFlags(p, NDIS_CONSTANTS.NDIS_FLAGS_DONT_LOOPBACK | NDIS_CONSTANTS.NDIS_FLAGS_MULTICAST_PACKET)
    ndis.NdisClearPacketFlags(p, NDIS_CONSTANTS.NDIS_FLAGS_MULTICAST_PACKET)
    expect(k.read32(p + 0x18)).toBe(0x80)
  })

  it('NDIS_SET/GET_PACKET_CANCEL_ID use per-packet info entry 8, TIME_TO_SEND the OOB start (ndis5.md §1.6)', () => {
    const { ndis, k } = setup()
    const p = packet(ndis, pool(ndis))
    ndis.NDIS_SET_PACKET_CANCEL_ID(p, 0x1234)
    expect(k.read32(ndis.NDIS_PACKET_EXTENSION_FROM_PACKET(p) + 4 * 8)).toBe(0x1234)
    expect(ndis.NDIS_GET_PACKET_CANCEL_ID(p)).toBe(0x1234)
    ndis.NDIS_SET_PACKET_TIME_TO_SEND(p, 77)
    expect(k.read32(ndis.NDIS_OOB_DATA_FROM_PACKET(p))).toBe(77)
    expect(ndis.NDIS_GET_PACKET_TIME_SENT(p)).toBe(77)
  })

  it('NdisDprAllocatePacketNonInterlocked / NdisDprFreePacketNonInterlocked at DISPATCH_LEVEL (ndis5.md §1.2)', () => {
    const { ndis, k } = setup()
    const h = pool(ndis, 1)
    k.raiseIrql(DISPATCH_LEVEL)
    const st = { value: -1 }
    const p = { value: 0 }
    ndis.NdisDprAllocatePacketNonInterlocked(st, p, h)
    expect(st.value).toBe(NDIS_STATUS_SUCCESS)
    ndis.NdisDprFreePacketNonInterlocked(p.value)
    expect(ndis.NdisPacketPoolUsage(h)).toBe(0)
    expect(k.verifier.findings).toEqual([])
  })

  it('NdisQueryBufferSafe and NdisBufferVirtualAddressSafe answer like the plain forms (mapping never fails here)', () => {
    const s = setup()
    const [b] = buffers(s, [33])
    const va = { value: 0 }
    const len = { value: 0 }
    s.ndis.NdisQueryBufferSafe(b, va, len, NDIS_CONSTANTS.NormalPagePriority)
    expect([va.value, len.value]).toEqual([s.ndis.NdisBufferVirtualAddress(b), 33])
    expect(s.ndis.NdisBufferVirtualAddressSafe(b, NDIS_CONSTANTS.HighPagePriority)).toBe(va.value)
  })

  it('NdisFillMemory fills bytes; NdisFreeSpinLock after release is clean', () => {
    const { ndis, k } = setup()
    const va = { value: 0 }
    ndis.NdisAllocateMemoryWithTag(va, 8, 0)
    ndis.NdisFillMemory(va.value, 8, 0x1ab)
    expect(ndis.MmRead32(va.value)).toBe(0xabababab)
    const lock = new ndis.NDIS_SPIN_LOCK()
    ndis.NdisAllocateSpinLock(lock)
    ndis.NdisAcquireSpinLock(lock)
    ndis.NdisReleaseSpinLock(lock)
    ndis.NdisFreeSpinLock(lock)
    expect(k.verifier.findings).toEqual([])
  })

  it('NdisGetPoolFromPacket answers the pool for a live packet, and R36 with 0 for a value that is no packet', () => {
    const { ndis, k } = setup()
    const h = pool(ndis)
    expect(ndis.NdisGetPoolFromPacket(packet(ndis, h))).toBe(h)
    expect(ndis.NdisGetPoolFromPacket(h)).toBe(0)
    expect(k.verifier.findings.map((f) => f.rule)).toEqual(['R36'])
  })

  it('constants: every NDIS_STATUS by name with its ndis.h value, IRQLs, attributes, per-packet info indices', () => {
    expect(NDIS_CONSTANTS.NDIS_STATUS_RESOURCES).toBe(0xc000009a)
    expect(NDIS_CONSTANTS.NDIS_STATUS_NO_CABLE).toBe(0xc001001f)
    expect([NDIS_CONSTANTS.PASSIVE_LEVEL, NDIS_CONSTANTS.APC_LEVEL, NDIS_CONSTANTS.DISPATCH_LEVEL]).toEqual([0, 1, 2])
    expect(NDIS_CONSTANTS.NDIS_ATTRIBUTE_DESERIALIZE).toBe(0x20)
    expect(NDIS_CONSTANTS.PROTOCOL_RESERVED_SIZE_IN_PACKET).toBe(16)
    expect([NDIS_CONSTANTS.Ieee8021QInfo, NDIS_CONSTANTS.MaxPerPacketInfo]).toEqual([6, 12])
  })
})
