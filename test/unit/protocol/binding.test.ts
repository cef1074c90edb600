// The protocol's binding on real runs (docs/ndis-environment.md §3, §4): the OIDs in the documented order, retries
// after BytesNeeded, optional and mandatory OIDs, statistics polls, the scenario's requests, and the packet filter
// that decides what reaches the protocol.
import { describe, expect, it } from 'vitest'
import { startRun } from '../../support/real-run'
import { miniport, requestHandlers } from '../verifier/rules/script-case'
import type { Run } from '../../../core/engine/run'

function finish(run: Run): Run {
  if (run.phase === 'running') run.runToEnd()
  run.shutDown()
  return run
}

const reference = (scenario: unknown = {}) => finish(startRun(undefined, { scenario, verifier: 'standard' }))

/** A miniport that answers every OID (requestHandlers) and lends one broadcast packet per millisecond. */
function answering(query = '', set = '', destination = '0xff, 0xff, 0xff, 0xff, 0xff, 0xff') {
  const h = requestHandlers(query, set)
  return miniport({
    globals: 'let Packet = NULL\nconst Timer = new NDIS_MINIPORT_TIMER()\nlet Returned = 0',
    init:
      '  const St = { value: 0 }\n  const Pool = { value: NULL }\n  NdisAllocatePacketPool(St, Pool, 4, 16)\n  const Bufs = { value: NULL }\n  NdisAllocateBufferPool(St, Bufs, 4)\n  const Mem = { value: NULL }\n  NdisAllocateMemoryWithTag(Mem, 64, 0)\n' +
      `  const Dst = [${destination}]\n  for (let i = 0; i < 6; i++) MmWrite8(Mem.value + i, Dst[i])\n` +
      '  const Buf = { value: NULL }\n  NdisAllocateBuffer(St, Buf, Bufs.value, Mem.value, 64)\n  const P = { value: NULL }\n  NdisAllocatePacket(St, P, Pool.value)\n  Packet = P.value\n  NdisChainBufferAtBack(Packet, Buf.value)\n  NDIS_SET_PACKET_HEADER_SIZE(Packet, 14)\n  NdisMInitializeTimer(Timer, MiniportAdapterHandle, Tick, NULL)\n  NdisMSetPeriodicTimer(Timer, 1)',
    halt: '  NdisMCancelTimer(Timer, { value: false })',
    functions:
      h.functions +
      `
function Tick(S1, Context, S2, S3) {
  NDIS_SET_PACKET_STATUS(Packet, NDIS_STATUS_RESOURCES)
  NdisMIndicateReceivePacket(AdapterHandle, [Packet], 1)
}
function MiniportReturnPacket(Context, P) { Returned++ }`,
    characteristics: h.characteristics + '\n    ReturnPacketHandler: MiniportReturnPacket,',
  })
}

describe('the binding', () => {
  it('asks the reference miniport the documented OIDs in order, then sets lookahead, multicast list and filter', () => {
    const run = reference()
    const first = run.requests.log.slice(0, 16).map((r) => `${r.type} ${r.oid}`)
    expect(first).toEqual([
      'query OID_GEN_SUPPORTED_LIST',
      'query OID_GEN_SUPPORTED_LIST',
      'query OID_GEN_MEDIA_SUPPORTED',
      'query OID_GEN_MEDIA_IN_USE',
      'query OID_GEN_MAXIMUM_FRAME_SIZE',
      'query OID_GEN_MAXIMUM_TOTAL_SIZE',
      'query OID_GEN_LINK_SPEED',
      'query OID_GEN_MAC_OPTIONS',
      'query OID_GEN_MEDIA_CONNECT_STATUS',
      'query OID_802_3_PERMANENT_ADDRESS',
      'query OID_802_3_CURRENT_ADDRESS',
      'query OID_GEN_MAXIMUM_LOOKAHEAD',
      'query OID_802_3_MAXIMUM_LIST_SIZE',
      'set OID_GEN_CURRENT_LOOKAHEAD',
      'set OID_802_3_MULTICAST_LIST',
      'set OID_GEN_CURRENT_PACKET_FILTER',
    ])
    // The supported list did not fit 64 bytes: asked again with the BytesNeeded the miniport gave.
    expect(run.requests.log[0]).toMatchObject({ length: 64, status: 'NDIS_STATUS_INVALID_LENGTH', needed: 116 })
    expect(run.requests.log[1]).toMatchObject({ length: 116, status: 'NDIS_STATUS_SUCCESS', bytes: 116 })
    const b = run.protocol.binding.snapshot()
    expect(b).toMatchObject({
      state: 'bound',
      skipped: [],
      currentAddress: '02:00:4e:57:42:01',
      packetFilter: 0x1 | 0x2 | 0x8,
      lookahead: 128,
      maximumFrameSize: 1500,
      supportedOids: 29,
      mediaConnected: true,
    })
    expect(run.kernel.verifier.findings).toEqual([])
  })

  it('polls the statistics OIDs at the interval and reads what the miniport counted', () => {
    const run = reference({ protocol: { binding: { statisticsIntervalNs: 5_000_000 } } })
    const b = run.protocol.binding.snapshot()
    expect(b.statistics.polls).toBe(4)
    // The last poll (at 20 ms) saw every frame the reference counted as received.
    expect(b.statistics.rcvOk).toBe(run.protocol.stats.indicated)
    const polled = run.requests.log.filter((r) => r.oid === 'OID_GEN_RCV_OK')
    expect(polled.map((r) => r.timeNs)).toEqual([5e6, 10e6, 15e6, 20e6])
  })

  it('skips an optional OID the miniport does not support and fails on a mandatory one', () => {
    const optional = finish(
      startRun(answering('  if (Oid === OID_GEN_LINK_SPEED) return NDIS_STATUS_NOT_SUPPORTED'), {
        verifier: 'standard',
      }),
    )
    expect(optional.protocol.binding.state).toBe('bound')
    expect(optional.protocol.binding.skipped).toEqual(['OID_GEN_LINK_SPEED'])
    expect(optional.protocol.stats.indicated).toBeGreaterThan(0)

    const mandatory = finish(
      startRun(answering('  if (Oid === OID_GEN_MAC_OPTIONS) return NDIS_STATUS_NOT_SUPPORTED'), {
        verifier: 'standard',
      }),
    )
    const b = mandatory.protocol.binding
    expect(b.state).toBe('failed')
    expect(b.failure).toContain('OID_GEN_MAC_OPTIONS')
    expect(b.failure).toContain('NDIS_STATUS_NOT_SUPPORTED')
    // No protocol is bound: nothing indicated reaches one, and nothing more is asked.
    expect(mandatory.protocol.stats.indicated).toBe(0)
    expect(mandatory.requests.log.at(-1)!.oid).toBe('OID_GEN_MAC_OPTIONS')
    expect(mandatory.debugOutput.some((d) => d.text.includes('could not bind'))).toBe(true)
  })

  it('can be left out: no request, and nothing indicated reaches a protocol', () => {
    const run = finish(
      startRun(answering(), { verifier: 'standard', scenario: { protocol: { binding: { enabled: false } } } }),
    )
    expect(run.protocol.binding.state).toBe('off')
    expect(run.requests.log).toEqual([])
    expect(run.protocol.stats.indicated).toBe(0)
  })

  it('drops frames outside the filter until the scenario sets the filter to promiscuous at 5 ms', () => {
    // Every frame goes to another host's address.
    const run = finish(
      startRun(answering('', '', '0x02, 0, 0, 0, 0, 0x99'), {
        verifier: 'standard',
        scenario: {
          protocol: {
            requests: [{ atNs: 5_500_000, type: 'set', oid: 'OID_GEN_CURRENT_PACKET_FILTER', filter: ['PROMISCUOUS'] }],
          },
        },
      }),
    )
    const s = run.protocol.stats
    // Ticks at 1..5 ms are filtered; 6..20 ms pass.
    expect(s.filtered).toBe(5)
    expect(s.indicated - s.filtered).toBe(15)
    expect(run.protocol.binding.packetFilter).toBe(0x20)
    expect(run.requests.log.find((r) => r.timeNs === 5_500_000)).toMatchObject({
      type: 'set',
      oid: 'OID_GEN_CURRENT_PACKET_FILTER',
      status: 'NDIS_STATUS_SUCCESS',
    })
  })

  it('passes multicast frames only for addresses in the multicast list the scenario set', () => {
    const group = '0x01, 0x00, 0x5e, 0, 0, 0x01'
    const without = finish(startRun(answering('', '', group), { verifier: 'standard' }))
    expect(without.protocol.stats.filtered).toBe(without.protocol.stats.indicated)
    const listed = finish(
      startRun(answering('', '', group), {
        verifier: 'standard',
        scenario: { protocol: { binding: { multicast: ['01:00:5e:00:00:01'] } } },
      }),
    )
    expect(listed.protocol.stats.filtered).toBe(0)
    expect(listed.protocol.binding.snapshot().multicast).toEqual(['01:00:5e:00:00:01'])
  })

  it('addresses the generator to the current address the driver reports (NetworkAddress)', () => {
    const run = reference({ registry: { NetworkAddress: '02-11-22-33-44-55' } })
    expect(run.protocol.binding.snapshot().currentAddress).toBe('02:11:22:33:44:55')
    expect(run.protocol.binding.snapshot().permanentAddress).toBe('02:00:4e:57:42:01')
    expect(run.protocol.stats.indicated).toBe(200)
    expect(run.protocol.stats.filtered).toBe(0)
    expect(run.protocol.stats.lost).toBe(0)
  })

  it('drops generator frames sent to an address that is not the adapter’s', () => {
    const run = reference({ wire: { kind: 'generator', destination: '02:00:00:00:00:77' } })
    expect(run.protocol.stats.filtered).toBe(200)
    expect(run.protocol.stats.returned).toBe(0)
  })
})

describe('a request the miniport never completes', () => {
  it('times out after twice the CheckForHang interval: R53, then NDIS gives it up and the binding goes on', () => {
    const script = answering('  if (Oid === OID_GEN_LINK_SPEED) return NDIS_STATUS_PENDING').replace(
      'NdisMSetAttributesEx(MiniportAdapterHandle, {}, 0,',
      'NdisMSetAttributesEx(MiniportAdapterHandle, {}, 1,',
    )
    const run = finish(
      startRun(script, {
        verifier: 'standard',
        scenario: { duration: '2500ms', wire: { kind: 'generator', rateFps: 10 } },
      }),
    )
    // (The test miniport frees nothing at halt: its leaks, R20, are not what this is about.)
    expect(run.kernel.verifier.findings.map((f) => f.rule).filter((r) => r !== 'R20')).toEqual(['R53'])
    const speed = run.requests.log.find((r) => r.oid === 'OID_GEN_LINK_SPEED')!
    expect(speed).toMatchObject({ status: 'NDIS_STATUS_REQUEST_ABORTED', pended: true, timeNs: 2e9 })
    expect(run.protocol.binding.state).toBe('bound')
    expect(run.protocol.binding.skipped).toEqual(['OID_GEN_LINK_SPEED'])
  })
})

describe('an answer written past NDIS’s buffer', () => {
  it('is caught at the write by the special pool (R47), naming NDIS’s buffer', () => {
    const script = answering('  if (Oid === OID_GEN_LINK_SPEED) MmWrite32(Buffer + 4, 1) // past the 4-byte buffer')
    const run = finish(startRun(script, { verifier: 'standard' }))
    const overrun = run.kernel.verifier.findings.find((f) => f.rule === 'R47')
    expect(overrun).toBeDefined()
    const line = script.split('\n').findIndex((l) => l.includes('past the 4-byte buffer')) + 1
    expect(run.sites.location(overrun!.site).line).toBe(line)
    expect(run.stop?.reason).toBe('bugcheck')
  })
})
