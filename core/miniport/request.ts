// NDIS's request path of one adapter (docs/ndis-environment.md "Requests"): OID queries and sets wait in NDIS's
// queue and reach the miniport one at a time (ReactOS ndis/miniport.c MiniDoRequest: one PendingRequest per miniport
// block), through MiniportQueryInformation / MiniportSetInformation at DISPATCH_LEVEL with a buffer NDIS owns.
// NDIS_STATUS_PENDING completes later through NdisMQueryInformationComplete / NdisMSetInformationComplete; a request
// still pending after twice the CheckForHang interval has timed out (NdisMSetAttributesEx [CE-ms892749]).
import { DISPATCH_LEVEL } from '../kernel/irql'
import { KVA_BASE } from '../kernel/memory'
import {
  NDIS_STATUS_FAILURE,
  NDIS_STATUS_CODES,
  NDIS_STATUS_NOT_SUPPORTED,
  NDIS_STATUS_PENDING,
  ndisStatusName,
} from '../ndis/status'
import { EXPECTED_HANDLE, notAnObject, R49, R50, R51, R52, R53, R54, R55 } from '../verifier/catalogue'
import { lockAddress } from '../kernel/spin-locks'
import { MINIPORT_ADAPTER_HANDLE } from './handles'
import { readOutCell, scriptNumber } from '../verifier/script-value'
import { SCHED_REQUEST, SCHED_REQUEST_TIMEOUT, type MiniportRuntime } from './runtime'
import { oidText } from './oid-names'

/** Pool tag of NDIS's own memory ('NDIS'). */
const NDIS_TAG = 0x5349444e
/** NdisMSetAttributesEx flag: NDIS does not time out requests (ntddndis.h). */
export const NDIS_ATTRIBUTE_IGNORE_REQUEST_TIMEOUT = 0x2

export type RequestType = 'query' | 'set'

/** What the requester gets back when the request is over. */
export interface RequestResult {
  status: number
  /** BytesWritten (query) or BytesRead (set), as the miniport set it. */
  bytes: number
  /** BytesNeeded, as the miniport set it. */
  needed: number
  /** The buffer's contents after the request (a query's answer): `bytes` bytes at most. */
  data: Uint8Array
}

export interface NdisRequest {
  readonly type: RequestType
  readonly oid: number
  /** InformationBufferLength. */
  readonly length: number
  /** A set's information, written into the buffer before the call. */
  readonly data?: Uint8Array
  readonly done: (result: RequestResult) => void
}

/** One line of the request log in the report. */
export interface RequestRecord {
  timeNs: number
  type: RequestType
  oid: string
  length: number
  status: string
  bytes: number
  needed: number
  pended: boolean
}

/** Request log lines kept for the report (a run with stats polling makes a few per second of virtual time). */
const RECORD_LIMIT = 256

export class NdisRequests {
  private readonly queue: NdisRequest[] = []
  private current: NdisRequest | null = null
  private buffer = 0
  private pended = false
  private inCall = false
  private earlyStatus: number | null = null
  private pendSite = 0
  private startEvent = 0
  private timeoutEvent = 0
  /** The last request handed to the miniport (for R51's P2). */
  private lastOid = 0
  private readonly written = { value: 0 as unknown }
  private readonly needed = { value: 0 as unknown }
  readonly log: RequestRecord[] = []
  /** Requests made, and those whose record did not fit the log. */
  issued = 0
  /** Called when a request timed out (NDIS then resets the miniport; core/miniport/lifecycle.ts). */
  onTimeout: (() => void) | null = null

  constructor(private readonly m: MiniportRuntime) {
    const s = m.env.scheduler
    s.on(m.eventBase + SCHED_REQUEST, () => {
      this.startEvent = 0
      this.startNext()
    })
    s.on(m.eventBase + SCHED_REQUEST_TIMEOUT, () => {
      this.timeoutEvent = 0
      this.timedOut()
    })
  }

  /** A request is with the miniport (handed down, not yet completed). */
  get busy(): boolean {
    return this.current !== null
  }

  get queued(): number {
    return this.queue.length
  }

  /** NdisRequest: queued; NDIS hands it down from its own context once the one before it completed. */
  submit(request: NdisRequest): void {
    this.queue.push(request)
    this.kick()
  }

  private kick(): void {
    if (this.current !== null || this.startEvent !== 0 || this.queue.length === 0) return
    const s = this.m.env.scheduler
    this.startEvent = s.schedule(s.nowNs, this.m.eventBase + SCHED_REQUEST, 0)
  }

  private startNext(): void {
    if (this.current !== null) return
    const request = this.queue.shift()
    if (request === undefined) return
    const m = this.m
    const a = m.adapter
    const handler = request.type === 'query' ? a.handlers?.QueryInformationHandler : a.handlers?.SetInformationHandler
    if (a.state !== 'running' || typeof handler !== 'function') {
      // No handler: NDIS answers for the miniport (the request is not supported).
      this.record(request, NDIS_STATUS_NOT_SUPPORTED, 0, 0, false)
      request.done({ status: NDIS_STATUS_NOT_SUPPORTED, bytes: 0, needed: 0, data: new Uint8Array(0) })
      this.kick()
      return
    }
    const k = m.kernel
    const cell = k.sites.cell
    const site = cell[0]
    cell[0] = 0
    const va = k.memory.allocate(Math.max(1, request.length), NDIS_TAG, 0, 0, 'ndis')
    cell[0] = site
    if (va === 0) {
      request.done({ status: NDIS_STATUS_FAILURE, bytes: 0, needed: 0, data: new Uint8Array(0) })
      this.kick()
      return
    }
    const u8 = k.memory.u8
    u8.fill(0, va - KVA_BASE, va - KVA_BASE + Math.max(1, request.length))
    if (request.data) u8.set(request.data.subarray(0, request.length), va - KVA_BASE)
    this.current = request
    this.buffer = va
    this.pended = false
    this.earlyStatus = null
    this.lastOid = request.oid
    this.written.value = 0
    this.needed.value = 0
    this.inCall = true
    let returned: unknown
    try {
      k.sites.cell[0] = 0
      returned = m.call(
        request.type === 'query' ? 'MiniportQueryInformation' : 'MiniportSetInformation',
        DISPATCH_LEVEL,
        handler,
        a.context,
        request.oid,
        va,
        request.length,
        this.written,
        this.needed,
      )
    } finally {
      this.inCall = false
    }
    this.pendSite = k.sites.cell[0]
    const status = this.statusOf(request, returned)
    if (status === NDIS_STATUS_PENDING) {
      if (this.earlyStatus !== null) return this.finish(this.earlyStatus)
      this.pended = true
      if ((a.attributeFlags & NDIS_ATTRIBUTE_IGNORE_REQUEST_TIMEOUT) === 0) {
        const s = m.env.scheduler
        this.timeoutEvent = s.schedule(s.nowNs + this.timeoutNs, m.eventBase + SCHED_REQUEST_TIMEOUT, 0)
      }
      return
    }
    if (this.earlyStatus !== null) {
      k.verifier.report(
        R51,
        request.oid,
        this.earlyStatus,
        request.type === 'query' ? 1 : 2,
        `${oidText(request.oid)}: the request was completed during its handler, which then returned ${statusText(status)} instead of NDIS_STATUS_PENDING`,
      )
    }
    this.finish(status)
  }

  /** Twice the CheckForHang interval (NdisMSetAttributesEx [CE-ms892749]: 4 s by default). */
  private get timeoutNs(): number {
    return 2 * this.m.adapter.checkForHangSeconds * 1_000_000_000
  }

  /** The handler's NDIS_STATUS; R50 (and FAILURE) for a value that is not one NDIS defines. */
  private statusOf(request: NdisRequest, returned: unknown): number {
    const n = scriptNumber(returned)
    if (Number.isInteger(n) && ndisStatusName(n | 0) !== undefined) return n >>> 0
    this.m.kernel.verifier.report(
      R50,
      request.oid,
      Number.isFinite(n) ? n : 0,
      0,
      `${request.type === 'query' ? 'MiniportQueryInformation' : 'MiniportSetInformation'}(${oidText(request.oid)}) returned ${typeof returned === 'number' ? '0x' + (returned >>> 0).toString(16).toUpperCase() : typeof returned}, not an NDIS_STATUS`,
    )
    return NDIS_STATUS_FAILURE
  }

  private cellNumber(cell: object): number {
    const n = scriptNumber(readOutCell(cell))
    return Number.isFinite(n) && n >= 0 ? Math.floor(n) : 0
  }

  /** The request is over: its counts are checked (R49), its answer copied out, NDIS's buffer freed. */
  private finish(status: number): void {
    const request = this.current!
    const m = this.m
    const k = m.kernel
    if (this.timeoutEvent !== 0) m.env.scheduler.cancel(this.timeoutEvent)
    this.timeoutEvent = 0
    let bytes = this.cellNumber(this.written)
    const needed = this.cellNumber(this.needed)
    if (status === 0 && bytes > request.length) {
      k.verifier.report(
        R49,
        request.oid,
        bytes,
        request.length,
        `${oidText(request.oid)}: ${request.type === 'query' ? 'BytesWritten' : 'BytesRead'} ${bytes} exceeds InformationBufferLength ${request.length}`,
      )
      status = NDIS_STATUS_FAILURE
      bytes = 0
    }
    const va = this.buffer
    const data = k.memory.u8.slice(va - KVA_BASE, va - KVA_BASE + Math.min(bytes, request.length))
    k.memory.free(va)
    this.record(request, status, bytes, needed, this.pended)
    this.current = null
    this.buffer = 0
    this.pended = false
    request.done({ status, bytes, needed, data })
    this.kick()
  }

  private record(request: NdisRequest, status: number, bytes: number, needed: number, pended: boolean): void {
    this.issued++
    if (this.log.length >= RECORD_LIMIT) return
    this.log.push({
      timeNs: this.m.env.scheduler.nowNs,
      type: request.type,
      oid: oidText(request.oid),
      length: request.length,
      status: ndisStatusName(status) ?? statusText(status),
      bytes,
      needed,
      pended,
    })
  }

  private timedOut(): void {
    const request = this.current
    if (request === null || !this.pended) return
    this.m.kernel.verifier.reportAt(
      R53,
      this.pendSite,
      request.oid,
      this.timeoutNs / 1e6,
      0,
      `${oidText(request.oid)} pended and not completed within ${this.timeoutNs / 1e9} s (twice the CheckForHang interval)`,
    )
    // NDIS resets the miniport and gives the request up: its requester sees NDIS_STATUS_REQUEST_ABORTED, and the
    // queue goes on (a completion that still comes is R51).
    this.onTimeout?.()
    if (this.current === request) this.finish(NDIS_STATUS_CODES.NDIS_STATUS_REQUEST_ABORTED)
  }

  // ---- the miniport's calls ----

  /** NdisMQueryInformationComplete (`type` query) or NdisMSetInformationComplete (set), after the handle was checked. */
  complete(type: RequestType, Status: unknown): void {
    const m = this.m
    const k = m.kernel
    const call = type === 'query' ? 'NdisMQueryInformationComplete' : 'NdisMSetInformationComplete'
    const n = scriptNumber(Status)
    const status = Number.isInteger(n) ? n >>> 0 : NDIS_STATUS_FAILURE
    if (m.adapter.state === 'halted') {
      k.verifier.report(R55, 0, 3, 0, `${call} after MiniportHalt returned`)
      return
    }
    if (k.cpu.locks.length !== 0) {
      k.verifier.report(R54, lockAddress(k, k.cpu.locks[0]!), k.cpu.locks.length, 3, `${call} with a spin lock held`)
    }
    const request = this.current
    if (request === null || (!this.pended && !this.inCall) || (this.inCall && this.earlyStatus !== null)) {
      k.verifier.report(
        R51,
        this.lastOid,
        status,
        type === 'query' ? 1 : 2,
        `${call}: no request is pending at the miniport (completed twice, or never pended)`,
      )
      return
    }
    if (request.type !== type) {
      k.verifier.report(
        R52,
        request.oid,
        status,
        request.type === 'query' ? 1 : 2,
        `${call} for ${oidText(request.oid)}, a ${request.type === 'query' ? 'query' : 'set'}: complete it with ${request.type === 'query' ? 'NdisMQueryInformationComplete' : 'NdisMSetInformationComplete'}`,
      )
    }
    if (status === NDIS_STATUS_PENDING) {
      k.verifier.report(R50, request.oid, status, 0, `${call} with NDIS_STATUS_PENDING: give the final status`)
    }
    const final = status === NDIS_STATUS_PENDING ? NDIS_STATUS_FAILURE : status
    if (this.inCall) {
      this.earlyStatus = final
      return
    }
    this.finish(final)
  }

  /** Before MiniportHalt: a request still pending never completed (R53, form "still pending"); NDIS drops it. */
  atHalt(): void {
    const request = this.current
    if (this.startEvent !== 0) this.m.env.scheduler.cancel(this.startEvent)
    this.startEvent = 0
    this.queue.length = 0
    if (request === null) return
    if (this.timeoutEvent !== 0) this.m.env.scheduler.cancel(this.timeoutEvent)
    this.timeoutEvent = 0
    this.m.kernel.verifier.reportAt(
      R53,
      this.pendSite,
      request.oid,
      this.timeoutNs / 1e6,
      1,
      `${oidText(request.oid)} pended and never completed: NDIS halts the miniport with the request lost`,
    )
    this.m.kernel.memory.free(this.buffer)
    this.current = null
    this.buffer = 0
  }
}

function statusText(status: number): string {
  return ndisStatusName(status) ?? '0x' + (status >>> 0).toString(16).toUpperCase().padStart(8, '0')
}

/** The script-facing completion calls, by their C names. */
export function requestApi(m: MiniportRuntime, requests: NdisRequests) {
  const checkHandle = (call: string, handle: unknown): boolean => {
    if (handle === MINIPORT_ADAPTER_HANDLE) return true
    notAnObject(
      m.kernel.verifier,
      call,
      handle,
      EXPECTED_HANDLE,
      'is not the MiniportAdapterHandle NDIS gave MiniportInitialize',
    )
    return false
  }
  return {
    NdisMQueryInformationComplete(MiniportAdapterHandle: number, Status: number): void {
      if (checkHandle('NdisMQueryInformationComplete', MiniportAdapterHandle)) requests.complete('query', Status)
    },
    NdisMSetInformationComplete(MiniportAdapterHandle: number, Status: number): void {
      if (checkHandle('NdisMSetInformationComplete', MiniportAdapterHandle)) requests.complete('set', Status)
    },
  }
}
