import { describe, expect, it } from 'vitest'
import { DISPATCH_LEVEL } from '../../../core/kernel/irql'
import { KVA_BASE } from '../../../core/kernel/memory'
import {
  NDIS_STATUS_FAILURE,
  NDIS_STATUS_PENDING,
  NDIS_STATUS_RESOURCES,
  NDIS_STATUS_SUCCESS,
} from '../../../core/ndis/status'
import type { ProtocolOptions } from '../../../core/protocol/options'
import { FrameChecker } from '../../../core/wire/frame-checker'
import { H, makeRig, out } from './rig'

interface SendCall {
  t: number
  irql: number
  ctx: unknown
  packets: number[]
  count: number
}

/**
 * A miniport whose MiniportSendPackets records each call and sets each packet's Status from `decide`
 * (serialized) — or leaves it (deserialized).
 */
function sender(
  send: NonNullable<ProtocolOptions['send']>,
  decide: (packet: number, index: number) => number | null,
  o: { deserialized?: boolean; single?: boolean } = {},
) {
  const calls: SendCall[] = []
  const box: { rig?: ReturnType<typeof makeRig> } = {}
  const handlers = o.single
    ? {
        SendHandler: (ctx: unknown, packet: number, flags: number) => {
          const r = box.rig!
          calls.push({ t: r.scheduler.nowNs, irql: r.k.irql, ctx, packets: [packet], count: flags })
          return decide(packet, calls.length - 1) ?? NDIS_STATUS_SUCCESS
        },
      }
    : {
        SendPacketsHandler: (ctx: unknown, array: number[], n: number) => {
          const r = box.rig!
          calls.push({ t: r.scheduler.nowNs, irql: r.k.irql, ctx, packets: array.slice(0, n), count: n })
          for (let i = 0; i < n; i++) {
            const s = decide(array[i], i)
            if (s !== null) r.ndis.NDIS_SET_PACKET_STATUS(array[i], s)
          }
        },
      }
  box.rig = makeRig({ protocol: { send }, handlers, deserialized: o.deserialized })
  box.rig.p.bind()
  return { r: box.rig, calls }
}

/** The frame bytes of a send packet, read through its buffer chain with the NDIS calls a miniport uses. */
function frameOf(r: ReturnType<typeof makeRig>, packet: number): Uint8Array {
  const first = out()
  const va = out()
  const len = out()
  r.ndis.NdisGetFirstBufferFromPacket(packet, first, va, len, out())
  return r.k.memory.u8.slice(va.value - KVA_BASE, va.value - KVA_BASE + len.value)
}

describe('sends through MiniportSendPackets, serialized miniport (ndis5.md §1.7)', () => {
  it('sends test frames at the configured rate, in batches, at DISPATCH_LEVEL, with the adapter context', () => {
    const checker = new FrameChecker(2)
    const box: { r?: ReturnType<typeof makeRig> } = {}
    const { r, calls } = sender({ rateFps: 10_000, batch: 4, bytes: 100 }, (p) => {
      expect(checker.check(frameOf(box.r!, p), 100)).toBeLessThanOrEqual(1)
      return NDIS_STATUS_SUCCESS
    })
    box.r = r
    r.scheduler.runUntil(1_200_000 - 1)
    // 10 000 frames/s in batches of 4: one call every 400 µs, from time 0.
    expect(calls.map((c) => [c.t, c.count, c.irql])).toEqual([
      [0, 4, DISPATCH_LEVEL],
      [400_000, 4, DISPATCH_LEVEL],
      [800_000, 4, DISPATCH_LEVEL],
    ])
    expect(calls.every((c) => c.ctx === r.context)).toBe(true)
    expect([checker.frames, checker.lost, checker.corrupted, checker.duplicated, checker.foreign]).toEqual([
      12, 0, 0, 0, 0,
    ])
    expect(r.p.snapshot()).toMatchObject({ sent: 12, sendCompleted: 12, sendOutstanding: 0 })
  })

  it('PENDING: the miniport owns the packet until NdisMSendComplete; the protocol never hands it out again meanwhile', () => {
    const { r, calls } = sender({ rateFps: 1_000_000, packets: 3 }, () => NDIS_STATUS_PENDING)
    r.scheduler.runUntil(10_000)
    const handed = calls.flatMap((c) => c.packets)
    expect(handed).toHaveLength(3)
    expect(new Set(handed).size).toBe(3)
    expect(r.p.snapshot()).toMatchObject({ sent: 3, sendOutstanding: 3, sendCompleted: 0 })
    expect(r.p.snapshot().sendSkipped).toBeGreaterThan(0)
    r.api.NdisMSendComplete(H, handed[1], NDIS_STATUS_SUCCESS)
    r.scheduler.runUntil(12_000)
    expect(calls.flatMap((c) => c.packets).slice(3)).toEqual([handed[1]])
    expect(r.p.snapshot()).toMatchObject({ sent: 4, sendCompleted: 1, sendOutstanding: 3 })
    expect(r.rules()).toEqual([])
  })

  it('R30: completing a send twice, a send finished by its Status, or a packet the protocol never sent', () => {
    let mode = NDIS_STATUS_PENDING
    const { r, calls } = sender({ rateFps: 1000 }, () => mode)
    r.scheduler.runUntil(0)
    const p = calls[0].packets[0]
    r.api.NdisMSendComplete(H, p, NDIS_STATUS_SUCCESS)
    expect(r.rules()).toEqual([])
    r.api.NdisMSendComplete(H, p, NDIS_STATUS_SUCCESS)
    mode = NDIS_STATUS_SUCCESS
    r.scheduler.runUntil(1_000_000)
    r.api.NdisMSendComplete(H, calls[1].packets[0], NDIS_STATUS_SUCCESS)
    r.api.NdisMSendComplete(H, 0x80001000, NDIS_STATUS_SUCCESS)
    const api = r.api as unknown as Record<string, (...a: unknown[]) => void>
    api.NdisMSendComplete(H, 'packet', NDIS_STATUS_SUCCESS)
    expect(r.rules()).toEqual(['R30', 'R30', 'R30', 'R30'])
    api.NdisMSendComplete(7, p, 0)
    api.NdisMSendResourcesAvailable(undefined)
    expect(r.rules().slice(4)).toEqual(['R36', 'R36'])
    expect(r.p.snapshot()).toMatchObject({ sendCompleted: 2, sendOutstanding: 0 })
  })

  it('FAILURE (or any other status) drops the send and counts it', () => {
    const { r } = sender({ rateFps: 1000 }, () => NDIS_STATUS_FAILURE)
    r.scheduler.runUntil(2_000_000)
    expect(r.p.snapshot()).toMatchObject({ sent: 3, sendFailed: 3, sendCompleted: 0, sendOutstanding: 0 })
  })

  it('RESOURCES: NDIS queues the packet and resubmits it, in order, after NdisMSendResourcesAvailable', () => {
    let full = true
    const { r, calls } = sender({ rateFps: 10_000, batch: 2, packets: 8 }, (_p, i) =>
      full && i === 1 ? NDIS_STATUS_RESOURCES : NDIS_STATUS_SUCCESS,
    )
    r.scheduler.runUntil(0)
    expect(calls).toHaveLength(1)
    const refused = calls[0].packets[1]
    r.scheduler.runUntil(500_000)
    // Blocked: nothing more is handed down, new frames wait behind the refused one.
    expect(calls).toHaveLength(1)
    // Ticks at 0, 200 and 400 µs: 2 + 2 + 2 frames, the first accepted, the refused one at the head of the queue.
    expect(r.p.snapshot()).toMatchObject({ sent: 2, sendCompleted: 1, resourcesRequeued: 1, sendQueued: 5 })
    full = false
    r.api.NdisMSendResourcesAvailable(H)
    expect(calls).toHaveLength(1)
    r.scheduler.runUntil(500_000)
    expect(calls.length).toBeGreaterThan(1)
    expect(calls[1].packets[0]).toBe(refused)
    expect(calls[1].t).toBe(500_000)
    expect(r.p.snapshot()).toMatchObject({ sent: 6, sendCompleted: 6, sendQueued: 0, resourcesRequeued: 1 })
  })

  it('RESOURCES keeps the FIFO order: a refused packet goes back to the head of the queue, before later frames', () => {
    let call = 0
    const { r, calls } = sender({ rateFps: 10_000, batch: 2, packets: 8 }, (_p, i) => {
      if (i === 0) call++
      // First call: both refused. Second (the resubmission, 4 more frames queued behind): the second one refused.
      return call === 1 || (call === 2 && i === 1) ? NDIS_STATUS_RESOURCES : NDIS_STATUS_SUCCESS
    })
    r.scheduler.runUntil(400_000)
    const [p0, p1] = calls[0].packets
    r.api.NdisMSendResourcesAvailable(H)
    r.scheduler.runUntil(400_000)
    expect(calls[1].packets).toEqual([p0, p1])
    expect(r.p.snapshot().sendQueued).toBe(5)
    r.api.NdisMSendResourcesAvailable(H)
    r.scheduler.runUntil(400_000)
    expect(calls[2].packets[0]).toBe(p1)
    expect(r.p.snapshot()).toMatchObject({ sent: 6, sendCompleted: 6, resourcesRequeued: 3, sendQueued: 0 })
  })

  it('RESOURCES: the next NdisMSendComplete also resubmits', () => {
    let n = 0
    const { r, calls } = sender({ rateFps: 1000, batch: 2 }, () => {
      n++
      return n === 1 ? NDIS_STATUS_PENDING : n === 2 ? NDIS_STATUS_RESOURCES : NDIS_STATUS_SUCCESS
    })
    r.scheduler.runUntil(100)
    const [pending, refused] = calls[0].packets
    r.api.NdisMSendComplete(H, pending, NDIS_STATUS_SUCCESS)
    r.scheduler.runUntil(200)
    expect(calls[1].packets).toEqual([refused])
    expect(r.p.snapshot()).toMatchObject({ sent: 2, sendCompleted: 2 })
  })
})

describe('deserialized miniports and MiniportSend (ndis5.md §1.7)', () => {
  it('deserialized: the Status after the call is ignored; every packet comes back through NdisMSendComplete', () => {
    const { r, calls } = sender({ rateFps: 1000, batch: 2 }, () => NDIS_STATUS_SUCCESS, { deserialized: true })
    r.scheduler.runUntil(0)
    expect(r.p.snapshot()).toMatchObject({ sent: 2, sendCompleted: 0, sendOutstanding: 2 })
    for (const p of calls[0].packets) r.api.NdisMSendComplete(H, p, NDIS_STATUS_SUCCESS)
    expect(r.p.snapshot()).toMatchObject({ sendCompleted: 2, sendOutstanding: 0 })
    expect(r.rules()).toEqual([])
  })

  it('deserialized: completing inside MiniportSendPackets is allowed', () => {
    const box: { r?: ReturnType<typeof makeRig> } = {}
    const { r } = sender(
      { rateFps: 1000 },
      (p) => {
        box.r!.api.NdisMSendComplete(H, p, NDIS_STATUS_SUCCESS)
        return null
      },
      { deserialized: true },
    )
    box.r = r
    r.scheduler.runUntil(3_000_000)
    expect(r.p.snapshot()).toMatchObject({ sent: 4, sendCompleted: 4, sendOutstanding: 0 })
    expect(r.rules()).toEqual([])
  })

  it('only MiniportSend registered: one packet per call, Flags 0, its return value is the status', () => {
    const { r, calls } = sender({ rateFps: 1000, batch: 3 }, (_p, i) => (i === 1 ? NDIS_STATUS_PENDING : 0), {
      single: true,
    })
    r.scheduler.runUntil(0)
    expect(calls.map((c) => [c.packets.length, c.count, c.irql])).toEqual([
      [1, 0, DISPATCH_LEVEL],
      [1, 0, DISPATCH_LEVEL],
      [1, 0, DISPATCH_LEVEL],
    ])
    expect(r.p.snapshot()).toMatchObject({ sent: 3, sendCompleted: 2, sendOutstanding: 1 })
  })
})

describe('halt and the end of the run', () => {
  it('R46: sends the miniport never completed are reported after MiniportHalt; the protocol frees its own pool', () => {
    const { r } = sender({ rateFps: 1000, batch: 2 }, () => NDIS_STATUS_PENDING)
    r.scheduler.runUntil(0)
    r.p.flushReturns()
    r.p.afterHalt()
    expect(r.rules()).toEqual(['R46'])
    expect(r.k.verifier.findings[0].params[2]).toBe(2)
    r.k.verifier.clear()
    r.k.finish()
    expect(r.rules()).toEqual([])
    expect(r.rt.packetPools).toHaveLength(0)
  })

  it('nothing is sent by default, and nothing is left allocated', () => {
    const r = makeRig({ handlers: { SendPacketsHandler: () => undefined } })
    r.p.bind()
    r.scheduler.runUntil(1e9)
    expect(r.p.snapshot().sent).toBe(0)
    r.p.afterHalt()
    r.k.finish()
    expect(r.rules()).toEqual([])
  })
})

describe('RESOURCES on packet i of an array (MiniportSendPackets [CE-ms892747])', () => {
  it('requeues packet i and every later packet of the array, whatever their status; none counts as completed', () => {
    let call = 0
    const { r, calls } = sender({ rateFps: 1000, batch: 4, packets: 8 }, (_p, i) => {
      if (i === 0) call++
      // First call: packet 1 refused, packets 2 and 3 marked SUCCESS anyway.
      return call === 1 && i === 1 ? NDIS_STATUS_RESOURCES : NDIS_STATUS_SUCCESS
    })
    r.scheduler.runUntil(0)
    const [, p1, p2, p3] = calls[0].packets
    expect(r.p.snapshot()).toMatchObject({ sent: 4, sendCompleted: 1, resourcesRequeued: 3, sendQueued: 3 })
    r.api.NdisMSendResourcesAvailable(H)
    r.scheduler.runUntil(0)
    expect(calls[1].packets).toEqual([p1, p2, p3])
    expect(r.p.snapshot()).toMatchObject({ sent: 4, sendCompleted: 4, sendQueued: 0 })
  })
})
