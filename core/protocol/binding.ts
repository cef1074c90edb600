// The transport's binding to the adapter (docs/ndis-environment.md "Binding"): after MiniportInitialize it queries
// and sets OIDs through NDIS's request path (core/miniport/request.ts), one at a time, in the order NDIS and a
// transport do (ReactOS ndis/miniport.c DoQueries, NdisIPnPStartDevice; tcpip/datalink/lan.c LANRegisterAdapter,
// BindAdapter). A mandatory OID that fails fails the binding; an optional one that fails is noted and skipped. Then
// it polls the statistics OIDs at an interval and makes the scenario's own requests at their times.
import type { NdisRequests, RequestResult, RequestType } from '../miniport/request'
import type { MiniportRuntime } from '../miniport/runtime'
import { OID_VALUES } from '../miniport/constants'
import { oidText } from '../miniport/oid-names'
import {
  NDIS_STATUS_CODES,
  NDIS_STATUS_INVALID_LENGTH,
  NDIS_STATUS_SUCCESS,
  ndisStatusName,
  formatNdisStatus,
} from '../ndis/status'
import type { BindingConfig, OidRequestConfig } from './options'

const O = OID_VALUES
/** Largest buffer a retry after BytesNeeded asks for (a driver asking for more is not retried). */
const MAX_RETRY_BYTES = 65536

/** NDIS_PACKET_TYPE_* bits (ntddndis.h). */
export const PACKET_TYPE = {
  DIRECTED: 0x1,
  MULTICAST: 0x2,
  ALL_MULTICAST: 0x4,
  BROADCAST: 0x8,
  PROMISCUOUS: 0x20,
} as const

/** One step of the binding: an OID, queried or set, and whether the binding fails without it. */
interface Step {
  type: RequestType
  oid: number
  length: number
  mandatory: boolean
  /** Why it is mandatory or where the order comes from. */
  source: string
  data?: () => Uint8Array
  use?: (r: RequestResult) => void
}

export type BindingState = 'off' | 'waiting' | 'binding' | 'bound' | 'failed'

/** What the binding learned, for the report and the protocol's receive filter. */
export interface BindingSnapshot {
  state: BindingState
  /** Why the binding failed: the OID and the status (empty when it did not). */
  failure: string
  /** Optional OIDs the miniport did not answer, by name. */
  skipped: string[]
  currentAddress: string
  permanentAddress: string
  macOptions: number
  mediaConnected: boolean | null
  linkSpeed100bps: number
  maximumFrameSize: number
  maximumLookahead: number
  lookahead: number
  multicastListSize: number
  packetFilter: number
  multicast: string[]
  supportedOids: number
  statistics: { polls: number; xmitOk: number; rcvOk: number; xmitError: number; rcvError: number; rcvNoBuffer: number }
}

function u32(v: number): Uint8Array {
  const b = new Uint8Array(4)
  new DataView(b.buffer).setUint32(0, v >>> 0, true)
  return b
}

function readU32(r: RequestResult): number {
  if (r.data.length < 4) return r.data.length === 0 ? 0 : r.data.reduce((a, x, i) => a + x * 256 ** i, 0)
  return new DataView(r.data.buffer, r.data.byteOffset).getUint32(0, true)
}

export function macText(bytes: ArrayLike<number>): string {
  let out = ''
  for (let i = 0; i < 6; i++) out += (i ? ':' : '') + ((bytes[i] ?? 0) & 0xff).toString(16).padStart(2, '0')
  return out
}

export function parseMacText(text: string): Uint8Array {
  return Uint8Array.from(text.split(/[:-]/).map((h) => Number.parseInt(h, 16)))
}

export class Binding {
  state: BindingState
  failure = ''
  readonly skipped: string[] = []
  /** The adapter's current address (OID_802_3_CURRENT_ADDRESS), six bytes; the permanent one before it is known. */
  readonly currentAddress = new Uint8Array(6)
  readonly permanentAddress = new Uint8Array(6)
  macOptions = 0
  mediaConnected: boolean | null = null
  linkSpeed = 0
  maximumFrameSize = 0
  maximumLookahead = 0
  multicastListSize = 0
  /** The filter NDIS applies for this binding: what the last successful OID_GEN_CURRENT_PACKET_FILTER set. */
  packetFilter = 0
  lookahead = 0
  /** The multicast list NDIS holds for this binding (the last successful OID_802_3_MULTICAST_LIST), 6 bytes each. */
  multicast: Uint8Array[] = []
  supportedOids = 0
  readonly statistics = { polls: 0, xmitOk: 0, rcvOk: 0, xmitError: 0, rcvError: 0, rcvNoBuffer: 0 }
  private steps: Step[] = []
  private stepIndex = 0
  private pollEvent = 0
  private readonly scenarioEvents: number[] = []
  /** Told once the binding is made (the protocol then receives and sends); told the failure otherwise. */
  onBound: (() => void) | null = null
  onFailed: ((why: string) => void) | null = null
  /** Told each time the current address is learned (the traffic generator addresses frames to it). */
  onAddress: ((address: Uint8Array) => void) | null = null

  constructor(
    private readonly m: MiniportRuntime,
    private readonly requests: NdisRequests,
    private readonly config: BindingConfig,
    private readonly scenarioRequests: readonly OidRequestConfig[],
    private readonly pollKind: number,
    private readonly scenarioKind: number,
    permanent: ArrayLike<number>,
  ) {
    this.state = config.enabled ? 'waiting' : 'off'
    this.currentAddress.set(Array.from(permanent).slice(0, 6))
    this.permanentAddress.set(Array.from(permanent).slice(0, 6))
    m.env.scheduler.on(pollKind, () => this.poll())
    m.env.scheduler.on(scenarioKind, (i) => this.scenarioRequest(i))
  }

  /** After MiniportInitialize: the binding's queries and sets, in order. */
  start(): void {
    if (this.state !== 'waiting') return
    this.state = 'binding'
    this.steps = this.bindingSteps(true)
    this.stepIndex = 0
    this.next()
  }

  /**
   * A miniport without QueryInformationHandler cannot be asked: bound with the transport's filter and lookahead, the
   * multicast list of the scenario and the permanent address (a workbench convenience for data-path scripts).
   */
  bindWithoutRequests(): void {
    if (this.state !== 'waiting') return
    this.packetFilter = filterBits(this.config.packetFilter)
    this.lookahead = this.config.lookahead
    this.multicast = this.config.multicast.map(parseMacText)
    this.skipped.push('every OID (no QueryInformationHandler)')
    this.state = 'bound'
    this.onBound = null
  }

  /**
   * After an AddressingReset NDIS restores the binding's settings: lookahead, multicast list and packet filter
   * (ReactOS ndis/miniport.c MiniDoAddressingReset sets the lookahead; NdisMResetComplete (DDK page) asks the
   * protocol to restore addressing).
   */
  restoreAddressing(): void {
    if (this.state !== 'bound') return
    for (const step of this.bindingSteps(false)) this.submit(step, () => {})
  }

  private bindingSteps(all: boolean): Step[] {
    const c = this.config
    const ndis = 'NDIS: ReactOS ndis/miniport.c DoQueries, NdisIPnPStartDevice'
    const tcpip = 'the transport: ReactOS tcpip/datalink/lan.c LANRegisterAdapter, BindAdapter'
    const queries: Step[] = [
      {
        type: 'query',
        oid: O.OID_GEN_SUPPORTED_LIST,
        length: 64,
        mandatory: false,
        source: 'optional',
        use: (r) => (this.supportedOids = r.bytes >>> 2),
      },
      { type: 'query', oid: O.OID_GEN_MEDIA_SUPPORTED, length: 4, mandatory: false, source: 'optional' },
      { type: 'query', oid: O.OID_GEN_MEDIA_IN_USE, length: 4, mandatory: false, source: 'optional' },
      {
        type: 'query',
        oid: O.OID_GEN_MAXIMUM_FRAME_SIZE,
        length: 4,
        mandatory: false,
        source: 'optional',
        use: (r) => (this.maximumFrameSize = readU32(r)),
      },
      { type: 'query', oid: O.OID_GEN_MAXIMUM_TOTAL_SIZE, length: 4, mandatory: false, source: 'optional' },
      {
        type: 'query',
        oid: O.OID_GEN_LINK_SPEED,
        length: 4,
        mandatory: false,
        source: 'optional',
        use: (r) => (this.linkSpeed = readU32(r)),
      },
      {
        type: 'query',
        oid: O.OID_GEN_MAC_OPTIONS,
        length: 4,
        mandatory: true,
        source: ndis,
        use: (r) => (this.macOptions = readU32(r)),
      },
      {
        type: 'query',
        oid: O.OID_GEN_MEDIA_CONNECT_STATUS,
        length: 4,
        mandatory: true,
        source: tcpip,
        use: (r) => (this.mediaConnected = readU32(r) === 0),
      },
      {
        type: 'query',
        oid: O.OID_802_3_PERMANENT_ADDRESS,
        length: 6,
        mandatory: false,
        source: 'optional',
        use: (r) => {
          if (r.data.length >= 6) this.permanentAddress.set(r.data.subarray(0, 6))
        },
      },
      {
        type: 'query',
        oid: O.OID_802_3_CURRENT_ADDRESS,
        length: 6,
        mandatory: true,
        source: ndis + '; ' + tcpip,
        use: (r) => {
          if (r.data.length >= 6) {
            this.currentAddress.set(r.data.subarray(0, 6))
            this.onAddress?.(this.currentAddress)
          }
        },
      },
      {
        type: 'query',
        oid: O.OID_GEN_MAXIMUM_LOOKAHEAD,
        length: 4,
        mandatory: true,
        source: ndis,
        use: (r) => (this.maximumLookahead = readU32(r)),
      },
      {
        type: 'query',
        oid: O.OID_802_3_MAXIMUM_LIST_SIZE,
        length: 4,
        mandatory: true,
        source: ndis,
        use: (r) => (this.multicastListSize = readU32(r)),
      },
    ]
    const lookahead = (): number =>
      this.maximumLookahead > 0 ? Math.min(c.lookahead, this.maximumLookahead) : c.lookahead
    const multicast = c.multicast.map(parseMacText)
    const sets: Step[] = [
      {
        type: 'set',
        oid: O.OID_GEN_CURRENT_LOOKAHEAD,
        length: 4,
        mandatory: true,
        source: tcpip,
        data: () => u32(lookahead()),
        use: () => (this.lookahead = lookahead()),
      },
      {
        type: 'set',
        oid: O.OID_802_3_MULTICAST_LIST,
        length: multicast.length * 6,
        mandatory: false,
        source: 'optional (the list is empty unless the scenario names addresses)',
        data: () => concat(multicast),
        use: () => (this.multicast = multicast),
      },
      {
        type: 'set',
        oid: O.OID_GEN_CURRENT_PACKET_FILTER,
        length: 4,
        mandatory: true,
        source: tcpip,
        data: () => u32(filterBits(c.packetFilter)),
        use: () => (this.packetFilter = filterBits(c.packetFilter)),
      },
    ]
    return all ? [...queries, ...sets] : sets
  }

  private next(): void {
    const step = this.steps[this.stepIndex]
    if (step === undefined) return this.bound()
    this.submit(step, (r) => this.stepDone(step, r))
  }

  private submit(step: Step, done: (r: RequestResult) => void, length = step.length, retried = false): void {
    this.requests.submit({
      type: step.type,
      oid: step.oid,
      length,
      ...(step.data ? { data: step.data() } : {}),
      done: (r) => {
        // INVALID_LENGTH / BUFFER_TOO_SHORT with BytesNeeded: NDIS's caller asks again with a buffer that size
        // (MiniportQueryInformation [MSDN-ff550490]).
        if (
          (r.status === NDIS_STATUS_INVALID_LENGTH || r.status === NDIS_STATUS_CODES.NDIS_STATUS_BUFFER_TOO_SHORT) &&
          r.needed > length &&
          r.needed <= MAX_RETRY_BYTES &&
          step.type === 'query' &&
          !retried
        ) {
          return this.submit(step, done, r.needed, true)
        }
        if (r.status === NDIS_STATUS_SUCCESS) step.use?.(r)
        done(r)
      },
    })
  }

  private stepDone(step: Step, r: RequestResult): void {
    if (r.status !== NDIS_STATUS_SUCCESS) {
      const what = `${step.type === 'query' ? 'query' : 'set'} ${oidText(step.oid)} ${statusText(r.status)}`
      if (step.mandatory) return this.fail(`${what}; it is mandatory (${step.source})`)
      this.skipped.push(oidText(step.oid))
    }
    this.stepIndex++
    this.next()
  }

  private fail(why: string): void {
    this.state = 'failed'
    this.failure = why
    this.m.dbgPrint(`the protocol could not bind: ${why}\n`)
    this.onFailed?.(why)
  }

  private bound(): void {
    this.state = 'bound'
    this.onBound?.()
    const s = this.m.env.scheduler
    if (this.config.statisticsIntervalNs > 0)
      this.pollEvent = s.schedule(s.nowNs + this.config.statisticsIntervalNs, this.pollKind, 0)
    this.scenarioRequests.forEach((req, i) => {
      this.scenarioEvents.push(s.schedule(Math.max(s.nowNs, req.atNs), this.scenarioKind, i))
    })
  }

  /** The statistics OIDs (OID_GEN_XMIT_OK, RCV_OK, XMIT_ERROR, RCV_ERROR, RCV_NO_BUFFER), as a transport polls them. */
  private poll(): void {
    this.pollEvent = 0
    if (this.state !== 'bound') return
    this.statistics.polls++
    const st = this.statistics
    const ask = (oid: number, set: (v: number) => void) =>
      this.submit({ type: 'query', oid, length: 4, mandatory: false, source: 'statistics' }, (r) => {
        if (r.status === NDIS_STATUS_SUCCESS) set(readU32(r))
      })
    ask(O.OID_GEN_XMIT_OK, (v) => (st.xmitOk = v))
    ask(O.OID_GEN_RCV_OK, (v) => (st.rcvOk = v))
    ask(O.OID_GEN_XMIT_ERROR, (v) => (st.xmitError = v))
    ask(O.OID_GEN_RCV_ERROR, (v) => (st.rcvError = v))
    ask(O.OID_GEN_RCV_NO_BUFFER, (v) => (st.rcvNoBuffer = v))
    const s = this.m.env.scheduler
    this.pollEvent = s.schedule(s.nowNs + this.config.statisticsIntervalNs, this.pollKind, 0)
  }

  /** One of the scenario's requests at its time; a set of the filter or the multicast list changes what NDIS applies. */
  private scenarioRequest(index: number): void {
    if (this.state !== 'bound') return
    const req = this.scenarioRequests[index]!
    const oid = requestOid(req)
    const data = requestData(req)
    const step: Step = {
      type: req.type,
      oid,
      length: req.type === 'set' ? data.length : (req.length ?? 4),
      mandatory: false,
      source: 'scenario',
      ...(req.type === 'set' ? { data: () => data } : {}),
      use: () => {
        if (req.type !== 'set') return
        if (oid === O.OID_GEN_CURRENT_PACKET_FILTER) this.packetFilter = readU32({ data } as RequestResult)
        else if (oid === O.OID_802_3_MULTICAST_LIST) {
          this.multicast = []
          for (let i = 0; i + 6 <= data.length; i += 6) this.multicast.push(data.slice(i, i + 6))
        } else if (oid === O.OID_GEN_CURRENT_LOOKAHEAD) this.lookahead = readU32({ data } as RequestResult)
      },
    }
    this.submit(step, () => {})
  }

  /** Unbinding: no more polls or scenario requests. */
  stop(): void {
    const s = this.m.env.scheduler
    if (this.pollEvent !== 0) s.cancel(this.pollEvent)
    this.pollEvent = 0
    for (const e of this.scenarioEvents) s.cancel(e)
    this.scenarioEvents.length = 0
  }

  /** True when NDIS's filter for this binding passes a frame with this destination address (ReactOS efilter.c). */
  accepts(frame: Uint8Array): boolean {
    const f = this.packetFilter
    if ((f & PACKET_TYPE.PROMISCUOUS) !== 0) return true
    if ((frame[0]! & 1) === 0) {
      if ((f & PACKET_TYPE.DIRECTED) === 0) return false
      const a = this.currentAddress
      return (
        frame[0] === a[0] &&
        frame[1] === a[1] &&
        frame[2] === a[2] &&
        frame[3] === a[3] &&
        frame[4] === a[4] &&
        frame[5] === a[5]
      )
    }
    let broadcast = true
    for (let i = 0; i < 6; i++) if (frame[i] !== 0xff) broadcast = false
    if (broadcast) return (f & PACKET_TYPE.BROADCAST) !== 0
    if ((f & PACKET_TYPE.ALL_MULTICAST) !== 0) return true
    if ((f & PACKET_TYPE.MULTICAST) === 0) return false
    for (const m of this.multicast) {
      let same = true
      for (let i = 0; i < 6; i++) if (m[i] !== frame[i]) same = false
      if (same) return true
    }
    return false
  }

  snapshot(): BindingSnapshot {
    return {
      state: this.state,
      failure: this.failure,
      skipped: [...this.skipped],
      currentAddress: macText(this.currentAddress),
      permanentAddress: macText(this.permanentAddress),
      macOptions: this.macOptions,
      mediaConnected: this.mediaConnected,
      linkSpeed100bps: this.linkSpeed,
      maximumFrameSize: this.maximumFrameSize,
      maximumLookahead: this.maximumLookahead,
      lookahead: this.lookahead,
      multicastListSize: this.multicastListSize,
      packetFilter: this.packetFilter,
      multicast: this.multicast.map(macText),
      supportedOids: this.supportedOids,
      statistics: { ...this.statistics },
    }
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.length * 6)
  parts.forEach((p, i) => out.set(p.subarray(0, 6), i * 6))
  return out
}

export function filterBits(names: readonly (keyof typeof PACKET_TYPE)[]): number {
  let bits = 0
  for (const n of names) bits |= PACKET_TYPE[n]
  return bits
}

function statusText(status: number): string {
  return `${ndisStatusName(status) ?? 'status'} (${formatNdisStatus(status)})`
}

/** The OID of a scenario request: a known name, or a vendor OID's number. */
export function requestOid(req: OidRequestConfig): number {
  return typeof req.oid === 'number' ? req.oid >>> 0 : OID_VALUES[req.oid]
}

/** A set's information buffer: a filter by names, a list of addresses, a ULONG, or bytes in hex. */
export function requestData(req: OidRequestConfig): Uint8Array {
  if (req.type !== 'set') return new Uint8Array(0)
  if (req.filter !== undefined) return u32(filterBits(req.filter))
  if (req.addresses !== undefined) return concat(req.addresses.map(parseMacText))
  if (req.ulong !== undefined) return u32(req.ulong)
  if (req.bytes !== undefined) return Uint8Array.from(req.bytes.match(/../g) ?? [], (h) => Number.parseInt(h, 16))
  return new Uint8Array(0)
}
