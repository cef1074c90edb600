// The JSON report of a run (docs/cli.md, "The JSON report"). Every field is a pure function of the script,
// scenario and seed, except those under `wallClock`, so two runs give byte-identical reports apart from it.
import type { BindingSnapshot } from '../protocol/binding'
import type { RequestRecord } from '../miniport/request'

export interface ReportLocation {
  file: string
  line: number
  column: number
}

export type StopReason =
  | 'duration'
  | 'frames'
  | 'bugcheck'
  | 'watchdog'
  | 'halted'
  /** A handler threw an exception (the script's own stack is in `error`). */
  | 'exception'
  /** The script exhausted the engine process's heap limit. */
  | 'out-of-memory'
  /** The script could not start: DriverEntry or MiniportInitialize failed. */
  | 'init-failed'
  /** The engine process ended without a report (killed, or crashed): the host reports what it last saw. */
  | 'engine-lost'
  /** An error of the workbench itself (not of the script); the CLI exits 3. */
  | 'internal-error'

export interface PoolReport {
  handle: string
  kind: 'packet' | 'buffer'
  numberOfDescriptors: number
  overflowDescriptors: number
  protocolReservedLength: number
  inUse: number
  highWater: number
  allocations: number
  failures: number
  createdAt: ReportLocation
  /** Bytes of arena storage the pool's descriptors occupy (packet pools). */
  storageBytes?: number
  /** True when the pool was freed before the run ended. */
  freed?: boolean
}

export interface FindingReport {
  rule: string
  severity: 'error' | 'warning'
  code: string
  params: [string, string, string, string]
  message: string
  at: ReportLocation
  allocatedAt?: ReportLocation
  timeNs: number
}

export interface BugCheckReport {
  rule: string
  code: string
  name: string
  params: [string, string, string, string]
  message: string
  at: ReportLocation
}

export interface ScriptErrorReport {
  message: string
  stack: string
  at: ReportLocation | null
}

/** The controller's running totals (docs/controller.md Appendix A). */
export interface NicReport {
  rxFrames: number
  rxBytes: number
  rxMissed: number
  rxNoBuffer: number
  rxErrors: number
  txFrames: number
  txBytes: number
  interrupts: number
  linkChanges: number
}

/** What the bound protocol saw (ndis5.md §3). */
export interface ProtocolReport {
  indicated: number
  returned: number
  copiedOnResources: number
  /** Indicated with SUCCESS and copied rather than kept (scenario protocol.keepFraction below 1, or after unbind). */
  copied: number
  corrupted: number
  lost: number
  duplicated: number
  reordered: number
  outstanding: number
  sent: number
  sendCompleted: number
  /** Sends completed with a failure status (by Status after the call, or NdisMSendComplete). */
  sendFailed: number
  /** Frames outside the binding's packet filter and addresses, dropped by NDIS before the protocol. */
  filtered: number
  /** Frames indicated through NdisMEthIndicateReceive, and those completed through MiniportTransferData. */
  lookaheadIndicated: number
  transferred: number
}

/** The protocol's binding (docs/ndis-environment.md): what the OIDs answered, and every request made. */
export interface BindingReport extends BindingSnapshot {
  /** Requests NDIS handed to the miniport (binding, statistics polls, the scenario's), and the first of them. */
  requestsMade: number
  requests: RequestRecord[]
  /** Resets NDIS made (CheckForHang, a timed-out request, the scenario). */
  resets: number
  /** Whether the driver's unload handler ran. */
  unloaded: boolean
}

/** One allocation call of the script (file's line and column) and how often it was made and failed. */
export interface AllocationSiteReport {
  call: string
  line: number
  column: number
  calls: number
  failed: number
}

export interface RunReport {
  version: 1
  seed: number
  virtualTimeNs: number
  stopReason: StopReason
  verifier: 'off' | 'standard' | 'full'
  script: { file: string; sha256: string }
  scenario: { file: string | null; name: string }
  /** Every scheduler event dispatched, fingerprinted: equal for two runs of the same inputs. */
  eventTrace: { events: number; hash: string }
  pools: PoolReport[]
  nic: NicReport
  protocol: ProtocolReport
  /** Absent when the run stopped before a binding could be made. */
  binding?: BindingReport
  findings: FindingReport[]
  bugcheck: BugCheckReport | null
  error: ScriptErrorReport | null
  log: { timeNs: number; text: string }[]
  /** Input problems that did not stop the run (e.g. capture records cut to the snapshot length); absent when none. */
  warnings?: string[]
  /**
   * Counters of the emulation that do not add up at the end of the run (core/engine/report-invariants.ts): a bug of
   * the workbench, not of the script. Absent when the books balance.
   */
  workbenchBugs?: string[]
  /** The driver's allocations by call site, when asked for (`nicbench test --suite fault` asks). */
  allocationSites?: AllocationSiteReport[]
  /** Wall-clock facts: the only fields that differ between two runs of the same inputs. */
  wallClock: { elapsedMs: number; framesPerSecond: number; missedTicks?: number }
}

export function hex32(n: number): string {
  return '0x' + (n >>> 0).toString(16).toUpperCase().padStart(8, '0')
}

export function hexCode(n: number): string {
  return '0x' + (n >>> 0).toString(16).toUpperCase()
}

/** Figures of a run that never got to count anything (stopped by the host). */
export function emptyNicReport(): NicReport {
  return {
    rxFrames: 0,
    rxBytes: 0,
    rxMissed: 0,
    rxNoBuffer: 0,
    rxErrors: 0,
    txFrames: 0,
    txBytes: 0,
    interrupts: 0,
    linkChanges: 0,
  }
}

export function emptyProtocolReport(): ProtocolReport {
  return {
    indicated: 0,
    returned: 0,
    copiedOnResources: 0,
    copied: 0,
    corrupted: 0,
    lost: 0,
    duplicated: 0,
    reordered: 0,
    outstanding: 0,
    sent: 0,
    sendCompleted: 0,
    sendFailed: 0,
    filtered: 0,
    lookaheadIndicated: 0,
    transferred: 0,
  }
}
