// The one typed surface between the UI and the engine host. Preload (Electron IPC) and the serve host (WebSocket)
// both implement it; the renderer only ever talks to a WorkbenchApi. Types only, plus the list of call names.
// Live figures come as RunStats pushed at a fixed rate (30 Hz), never one message per event; everything else is a
// query answered on demand.
import type { WorkbenchCalls } from './engine-protocol'

export interface WorkbenchInfo {
  /** Product version (package.json). */
  version: string
  /** Which host answers: the Electron main process or the serve host. */
  host: 'electron' | 'serve'
  /** Versions of the runtime pieces, for the about box. */
  versions: Record<string, string>
}

export interface SourceLocation {
  file: string
  line: number
  column: number
}

/** A problem in the script or scenario found before the run (syntax, type, schema), or a runtime error. */
export interface Diagnostic {
  file: string
  line: number
  column: number
  message: string
  severity: 'error' | 'warning'
}

export interface ExampleFile {
  /** File name, e.g. reference-miniport.ts or buggy/double-free.ts. */
  name: string
  title: string
  text: string
}

export type RunSpeed = 'fast' | 'realtime' | 'slow'
export type RunState = 'idle' | 'running' | 'paused' | 'ended'

export interface StartRunRequest {
  fileName: string
  scriptText: string
  /** Scenario JSON text; empty for the default scenario. */
  scenarioText: string
  seed: number
  verifier: 'off' | 'standard' | 'full'
  speed: RunSpeed
  /** Slow motion: virtual nanoseconds per wall-clock second (default 1 ms per second). */
  slowNsPerSecond?: number
  /** Start paused (then step or resume). */
  paused?: boolean
}

export type StartRunResult = { ok: true } | { ok: false; diagnostics: Diagnostic[] }

export interface PoolRow {
  handle: number
  kind: 'packet' | 'buffer'
  createdAt: SourceLocation
  numberOfDescriptors: number
  overflowDescriptors: number
  protocolReservedLength: number
  inUse: number
  /** Of those in use, the packets (buffers) lent to the protocol now: indicated and not yet returned. */
  heldByProtocol: number
  free: number
  highWater: number
  allocations: number
  failures: number
  /** Allocations per second of virtual time over the last stats interval. */
  allocationRate: number
  freed: boolean
}

export interface FindingRow {
  rule: string
  severity: 'error' | 'warning'
  code: string
  params: [string, string, string, string]
  /** Meaning of each parameter, from the rule catalogue. */
  paramMeanings: [string, string, string, string]
  title: string
  message: string
  explanation: string
  at: SourceLocation
  allocatedAt: SourceLocation | null
  timeNs: number
  bugCheck: boolean
}

export interface BugCheckView {
  rule: string
  code: string
  name: string
  params: [string, string, string, string]
  paramMeanings: [string, string, string, string]
  message: string
  at: SourceLocation
}

/** Pushed at a fixed rate while a run exists. */
export interface RunStats {
  state: RunState
  stopReason: string | null
  virtualTimeNs: number
  /** Received frames per second of virtual time, over the last interval. */
  framesPerSecond: number
  interruptsPerSecond: number
  eventsDispatched: number
  pools: PoolRow[]
  nic: Record<string, number>
  protocol: Record<string, number>
  /** Total findings so far (the list itself is fetched with getFindings). */
  findingCount: number
  bugCheck: BugCheckView | null
  /** A script exception: message and the script's own stack. */
  error: { message: string; stack: string; at: SourceLocation | null } | null
  /** DbgPrint lines since the previous stats message. */
  newLog: { timeNs: number; text: string }[]
  /** Ticks the real-time pacer missed because the host stalled. */
  missedTicks: number
}

export type PacketOwner = 'miniport' | 'protocol' | 'free'

export interface PacketSummary {
  address: number
  pool: number
  owner: PacketOwner
  allocatedAt: SourceLocation | null
  totalLength: number
  bufferCount: number
}

export interface DescriptorField {
  name: string
  offset: number
  size: number
  value: number
  /** Shown instead of the number when set (e.g. a status name). */
  display?: string
  /** A link the UI can follow: a pool, a buffer or a packet by address. */
  link?: { kind: 'pool' | 'buffer' | 'packet'; address: number }
}

export interface BufferView {
  address: number
  virtualAddress: number
  byteOffset: number
  byteCount: number
  next: number
  /** Offset of this buffer's first byte within the frame. */
  frameOffset: number
}

/** One node of the decode tree (Ethernet, VLAN, ARP, IPv4, IPv6, ICMP, UDP, TCP). */
export interface DecodeNode {
  label: string
  /** Byte range within the frame. */
  start: number
  length: number
  children: DecodeNode[]
}

export interface OwnershipEvent {
  timeNs: number
  event: 'allocated' | 'indicated' | 'returned' | 'reinitialized' | 'freed' | 'sent' | 'completed'
  at: SourceLocation | null
}

export interface PacketDetail {
  summary: PacketSummary
  fields: DescriptorField[]
  /** Bytes of the whole descriptor (Private, reserved areas, ProtocolReserved, OOB, extension). */
  descriptorBytes: number[]
  chain: BufferView[]
  /** The frame: the chain's bytes in order (at most 16 KiB). */
  bytes: number[]
  decode: DecodeNode[]
  history: OwnershipEvent[]
}

export interface RegisterRow {
  name: string
  offset: number
  value: number
  reset: number
  access: string
  description: string
  section: string
}

export interface RingSlot {
  index: number
  owner: 'hardware' | 'driver'
  bufferAddress: number
  length: number
  status: number
  flags: number
}

export interface RingSnapshot {
  ring: 'rx' | 'tx'
  base: number
  size: number
  head: number
  tail: number
  hardwareOwned: number
  slots: RingSlot[]
}

export interface ControllerSnapshot {
  registers: RegisterRow[]
  rx: RingSnapshot
  tx: RingSnapshot
  totals: Record<string, number>
  linkUp: boolean
  interruptAsserted: boolean
}

export interface TraceRow {
  seq: number
  timeNs: number
  kind: string
  name: string
  arg: number
  at: SourceLocation | null
}

/**
 * The one typed surface the UI talks to: every request/response call of the engine protocol (core/api/engine-protocol.ts
 * has their arguments, validated at each boundary, and their results), plus the push of live statistics.
 */
export interface WorkbenchApi extends WorkbenchCalls {
  /** Live statistics at a fixed rate; returns a function that unsubscribes. */
  onStats(listener: (stats: RunStats) => void): () => void
}

/** Names of the request/response calls, as they travel over IPC channels and the WebSocket. */
export const WORKBENCH_CALLS = [
  'getInfo',
  'listExamples',
  'checkScript',
  'startRun',
  'pauseRun',
  'resumeRun',
  'stepRun',
  'stopRun',
  'setSpeed',
  'setCable',
  'getFindings',
  'listPackets',
  'getPacket',
  'getController',
  'getTrace',
] as const
export type WorkbenchCall = (typeof WORKBENCH_CALLS)[number]

/** The push channel of live statistics. */
export const STATS_CHANNEL = 'stats'
export const STATS_HZ = 30
