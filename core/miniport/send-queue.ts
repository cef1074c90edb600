// NDIS's send path of one binding (ndis5.md §1.7 MiniportSendPackets, MiniportSend, NdisMSendComplete): packets the
// protocol sends wait in a FIFO and are handed to the miniport in batches at DISPATCH_LEVEL. For a serialized
// miniport the per-packet Status after the call decides: SUCCESS done, PENDING owned until NdisMSendComplete,
// RESOURCES back to the head of the queue and resubmitted after NdisMSendResourcesAvailable or the next
// NdisMSendComplete, anything else failed. A deserialized miniport completes every packet with NdisMSendComplete.
import { scriptNumber } from '../verifier/script-value'
import { valueText } from '../verifier/value-text'
import { DISPATCH_LEVEL } from '../kernel/irql'
import { fmtVa } from '../kernel/kernel'
import { KVA_BASE } from '../kernel/memory'
import { realmArray } from '../kernel/script-realm'
import { OOB_STATUS, PKT_OOB_OFFSET } from '../ndis/layout'
import { ndisRuntime } from '../ndis/instance'
import { type NdisRuntime } from '../ndis/runtime'
import { formatNdisStatus, NDIS_STATUS_PENDING, NDIS_STATUS_RESOURCES, NDIS_STATUS_SUCCESS } from '../ndis/status'
import { TRACE_SEND, TRACE_SEND_COMPLETE } from '../trace/event-log'
import { R30, R46, R56 } from '../verifier/catalogue'

/** NdisMSetAttributesEx flag: NDIS does not time out sends (ntddndis.h). */
export const NDIS_ATTRIBUTE_IGNORE_PACKET_TIMEOUT = 0x1
import type { MiniportRuntime } from './runtime'
import { ScatterGatherLists } from './sg-lists'

/** Send states, per send id (the protocol's numbering of its send packets). */
export const SEND_FREE = 0
/** Queued inside NDIS, not yet handed to the miniport. */
export const SEND_QUEUED = 1
/** Handed to MiniportSendPackets / MiniportSend, the call not returned yet. */
export const SEND_IN_CALL = 2
/** Owned by the miniport until NdisMSendComplete. */
export const SEND_PENDING = 3

/** The protocol as NDIS sees it on the send path. */
export interface SendingProtocol {
  /** The send id of one of the protocol's packets, or -1 when the packet is not one it sent. */
  sendIdOf(packet: unknown): number
  /** Told when a packet is handed to the miniport (the capture names the descriptor that carried the frame). */
  handingDown(id: number, packet: number): void
  /** ProtocolSendComplete: the send is over with this status; the packet is the protocol's again. */
  sendComplete(id: number, packet: number, status: number): void
}

/** Figures NDIS's queue keeps, shown in the report's protocol section. */
export interface SendFigures {
  sent: number
  resourcesRequeued: number
  sendOutstanding: number
  sendQueued: number
}

export class SendQueue {
  readonly state: Uint8Array
  private readonly packet: Float64Array
  private readonly resubmitted: Uint8Array
  /** When each send was handed to the miniport (virtual ns), for NDIS's send time-out. */
  private readonly handedNs: Float64Array
  /** Sends already reported as timed out (R56 once per send). */
  private readonly timedOut: Uint8Array
  /** The line the miniport's send handler was at when it returned with the send still its own. */
  private readonly pendSite: Int32Array
  /** A ring of send ids. */
  private readonly queue: Int32Array
  private qHead = 0
  private qLen = 0
  private readonly batchIds: Int32Array
  private readonly requeue: Int32Array
  /** One array per batch length, reused (the array is only valid during the call, as in C). */
  private readonly arrays: number[][] = []
  /** Set by RESOURCES from a serialized miniport: NDIS waits for NdisMSendResourcesAvailable / NdisMSendComplete. */
  blocked = false
  private draining = false
  private resubmitEvent = 0
  private readonly rt: NdisRuntime
  /** The packets' SCATTER_GATHER_LISTs once the miniport initialised scatter/gather DMA. */
  private readonly sg: ScatterGatherLists
  private readonly names: { send: number; sendPackets: number; complete: number }

  constructor(
    private readonly m: MiniportRuntime,
    private readonly protocol: SendingProtocol,
    capacity: number,
    private readonly batch: number,
    private readonly figures: SendFigures,
    private readonly resubmitKind: number,
  ) {
    this.rt = ndisRuntime(m.kernel)
    this.sg = new ScatterGatherLists(this.rt, capacity)
    this.state = new Uint8Array(capacity)
    this.packet = new Float64Array(capacity)
    this.resubmitted = new Uint8Array(capacity)
    this.handedNs = new Float64Array(capacity)
    this.timedOut = new Uint8Array(capacity)
    this.pendSite = new Int32Array(capacity)
    this.queue = new Int32Array(Math.max(1, capacity))
    this.batchIds = new Int32Array(Math.max(1, batch))
    this.requeue = new Int32Array(Math.max(1, batch))
    const log = m.env.log
    this.names = {
      send: log.intern('MiniportSend'),
      sendPackets: log.intern('MiniportSendPackets'),
      complete: log.intern('NdisMSendComplete'),
    }
    m.env.scheduler.on(resubmitKind, () => {
      this.resubmitEvent = 0
      this.drain()
    })
  }

  /** Sends the miniport owns now (pended, or inside its call). */
  get outstanding(): number {
    let n = 0
    for (let id = 0; id < this.state.length; id++) if (this.state[id] >= SEND_IN_CALL) n++
    return n
  }

  /** NdisSendPackets from the protocol: the packet waits in NDIS's queue; `drain` hands it down. */
  submit(id: number, packet: number): void {
    this.packet[id] = packet
    this.state[id] = SEND_QUEUED
    this.pushBack(id)
  }

  /** Forgets every send (the protocol gave its packets back). */
  clear(): void {
    this.state.fill(SEND_FREE)
    this.qLen = 0
    this.figures.sendQueued = 0
  }

  /** Hands queued packets to the miniport until the queue is empty or a serialized miniport ran out of resources. */
  drain(): void {
    if (this.draining) return
    const a = this.m.adapter
    const h = a.handlers
    if (h === null || (a.state !== 'running' && a.state !== 'halting')) return
    this.draining = true
    try {
      while (this.qLen > 0 && !this.blocked) {
        if (h.SendPacketsHandler) this.sendPackets(h.SendPacketsHandler)
        else if (h.SendHandler) this.sendOne(h.SendHandler)
        else break
      }
    } finally {
      this.draining = false
    }
  }

  /** NDIS resubmits from a fresh DPC-level context, never from inside the miniport's own call. */
  private scheduleResubmit(): void {
    if (this.resubmitEvent !== 0 || this.qLen === 0) return
    const s = this.m.env.scheduler
    this.resubmitEvent = s.schedule(s.nowNs, this.resubmitKind, 0)
  }

  private pushBack(id: number): void {
    const q = this.queue
    q[(this.qHead + this.qLen) % q.length] = id
    this.qLen++
    this.figures.sendQueued = this.qLen
  }

  private pushFront(id: number): void {
    const q = this.queue
    this.qHead = (this.qHead - 1 + q.length) % q.length
    q[this.qHead] = id
    this.qLen++
    this.figures.sendQueued = this.qLen
  }

  private popFront(): number {
    const id = this.queue[this.qHead]
    this.qHead = (this.qHead + 1) % this.queue.length
    this.qLen--
    this.figures.sendQueued = this.qLen
    return id
  }

  private oob(packet: number): number {
    return packet + this.m.kernel.memory.view.getUint16(packet - KVA_BASE + PKT_OOB_OFFSET, true)
  }

  private handOver(id: number, kindName: number): number {
    const packet = this.packet[id]
    this.protocol.handingDown(id, packet)
    this.state[id] = SEND_IN_CALL
    this.handedNs[id] = this.m.env.scheduler.nowNs
    this.timedOut[id] = 0
    this.rt.wr(this.oob(packet) + OOB_STATUS, NDIS_STATUS_SUCCESS)
    if (this.m.adapter.scatterGather !== 0) this.sg.build(id, packet)
    // A resubmission after RESOURCES is the same send, not a new one.
    if (this.resubmitted[id] === 0) this.figures.sent++
    this.resubmitted[id] = 0
    this.figures.sendOutstanding++
    this.m.env.log.add(this.m.env.scheduler.nowNs, TRACE_SEND, kindName, packet, 0)
    return packet
  }

  private sendPackets(handler: (...args: any[]) => any): void {
    const n = Math.min(this.qLen, this.batch)
    let arr = this.arrays[n]
    if (arr === undefined) arr = this.arrays[n] = realmArray(this.m.kernel.realm, n)
    for (let i = 0; i < n; i++) {
      const id = this.popFront()
      this.batchIds[i] = id
      arr[i] = this.handOver(id, this.names.sendPackets)
    }
    this.m.kernel.sites.cell[0] = 0
    const a = this.m.adapter
    this.m.call('MiniportSendPackets', DISPATCH_LEVEL, handler, a.context, arr, n)
    const site = this.m.kernel.sites.cell[0]
    for (let i = 0; i < n; i++) this.pendSite[this.batchIds[i]] = site
    const deserialized = a.deserialized
    let requeued = 0
    for (let i = 0; i < n; i++) {
      const id = this.batchIds[i]
      // Completed with NdisMSendComplete during the call.
      if (this.state[id] !== SEND_IN_CALL) continue
      if (deserialized) {
        this.state[id] = SEND_PENDING
        continue
      }
      // RESOURCES on packet i: NDIS requeues i and every later packet of the array, whatever their status
      // (MiniportSendPackets [CE-ms892747]: NDIS assumes the remaining packets were not accepted either).
      const status = requeued > 0 ? NDIS_STATUS_RESOURCES : this.rt.rd(this.oob(this.packet[id]) + OOB_STATUS) >>> 0
      if (this.afterStatus(id, status)) this.requeue[requeued++] = id
    }
    for (let i = requeued - 1; i >= 0; i--) this.pushFront(this.requeue[i])
  }

  private sendOne(handler: (...args: any[]) => any): void {
    const id = this.popFront()
    const packet = this.handOver(id, this.names.send)
    this.m.kernel.sites.cell[0] = 0
    const status =
      scriptNumber(this.m.call('MiniportSend', DISPATCH_LEVEL, handler, this.m.adapter.context, packet, 0)) >>> 0
    this.pendSite[id] = this.m.kernel.sites.cell[0]
    if (this.state[id] !== SEND_IN_CALL) return
    if (this.afterStatus(id, status)) this.pushFront(id)
  }

  /** Applies a serialized send's status; true when the packet goes back to NDIS's queue (RESOURCES). */
  private afterStatus(id: number, status: number): boolean {
    if (status === NDIS_STATUS_PENDING) {
      this.state[id] = SEND_PENDING
      return false
    }
    if (status === NDIS_STATUS_RESOURCES) {
      this.state[id] = SEND_QUEUED
      this.figures.sendOutstanding--
      this.figures.resourcesRequeued++
      this.resubmitted[id] = 1
      this.blocked = true
      return true
    }
    this.finish(id, status)
    return false
  }

  private finish(id: number, status: number): void {
    this.state[id] = SEND_FREE
    this.figures.sendOutstanding--
    const packet = this.packet[id]
    if (this.m.adapter.scatterGather !== 0) this.sg.release(packet)
    this.m.env.log.add(this.m.env.scheduler.nowNs, TRACE_SEND_COMPLETE, this.names.complete, packet, status)
    this.protocol.sendComplete(id, packet, status)
  }

  // ---- the miniport's calls ----

  /** NdisMSendComplete after the handle was checked. R30: not a pended send of this binding, or completed twice. */
  complete(Packet: unknown, Status: unknown): void {
    const k = this.m.kernel
    const id = this.protocol.sendIdOf(Packet)
    const status = typeof Status === 'number' ? Status >>> 0 : NDIS_STATUS_SUCCESS
    const owned = id >= 0 && (this.state[id] === SEND_PENDING || this.state[id] === SEND_IN_CALL)
    if (!owned) {
      const va = typeof Packet === 'number' ? Packet : NaN
      const why =
        id < 0
          ? 'is not a packet the protocol sent down'
          : 'is not pending at the miniport (completed already, or finished by its Status after MiniportSendPackets)'
      k.verifier.report(
        R30,
        va,
        status,
        0,
        'NdisMSendComplete: ' + (typeof Packet === 'number' ? fmtVa(Packet) : valueText(Packet)) + ' ' + why,
      )
      return
    }
    if (status === NDIS_STATUS_PENDING) {
      k.verifier.report(
        R30,
        Packet as number,
        status,
        0,
        'NdisMSendComplete with NDIS_STATUS_PENDING (' + formatNdisStatus(status) + '): give the final status',
      )
    }
    this.finish(id, status)
    // A serialized miniport that completes a send has resources again (ndis5.md §1.7 MiniportSendPackets).
    if (!this.m.adapter.deserialized && this.blocked) {
      this.blocked = false
      this.scheduleResubmit()
    }
  }

  /** NdisMSendResourcesAvailable after the handle was checked. */
  resourcesAvailable(): void {
    if (!this.blocked) return
    this.blocked = false
    this.scheduleResubmit()
  }

  /**
   * NDIS's send time-out, at its wake-up: a send the miniport has held for twice the CheckForHang interval is R56
   * (once per send) unless NDIS_ATTRIBUTE_IGNORE_PACKET_TIMEOUT; true when one timed out (NDIS then resets).
   */
  checkTimeouts(): boolean {
    const a = this.m.adapter
    if ((a.attributeFlags & NDIS_ATTRIBUTE_IGNORE_PACKET_TIMEOUT) !== 0) return false
    const limit = 2 * a.checkForHangSeconds * 1e9
    const now = this.m.env.scheduler.nowNs
    let first = -1
    let count = 0
    for (let id = 0; id < this.state.length; id++) {
      if (this.state[id] < SEND_IN_CALL) continue
      count++
      if (this.timedOut[id] === 0 && now - this.handedNs[id] >= limit) {
        this.timedOut[id] = 1
        if (first < 0) first = id
      }
    }
    if (first < 0) return false
    this.m.kernel.verifier.reportAt(
      R56,
      this.pendSite[first],
      this.packet[first],
      limit / 1e6,
      count,
      'send ' + fmtVa(this.packet[first]) + ' not completed with NdisMSendComplete within ' + limit / 1e9 + ' s',
    )
    return true
  }

  /** R46 after MiniportHalt: sends the miniport still owns. */
  checkAfterHalt(): void {
    const k = this.m.kernel
    let first = -1
    let count = 0
    for (let id = 0; id < this.state.length; id++) {
      if (this.state[id] >= SEND_IN_CALL) {
        if (first < 0) first = id
        count++
      }
    }
    if (count === 0) return
    k.verifier.report(
      R46,
      this.packet[first],
      count,
      0,
      'MiniportHalt returned with ' +
        count +
        ' send(s) not completed with NdisMSendComplete (first ' +
        fmtVa(this.packet[first]) +
        ')',
    )
  }
}
