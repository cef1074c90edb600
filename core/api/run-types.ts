// The data the UI and the engine host exchange: run requests, live statistics, the views (defined in core/inspect),
// and the list of call names. Types only; WorkbenchApi (workbench-api.ts) and the engine protocol use them.
import type { BugCheckView, PoolRow, SourceLocation } from '../inspect/views'

// The views the engine answers queries with are defined where they are made (core/inspect).
export type {
  BufferView,
  BugCheckView,
  ControllerSnapshot,
  DecodeNode,
  DescriptorField,
  FindingRow,
  OwnershipEvent,
  PacketDetail,
  PacketOwner,
  PacketSummary,
  PoolRow,
  RegisterRow,
  RingSlot,
  RingSnapshot,
  SourceLocation,
  TraceRow,
} from '../inspect/views'

export interface WorkbenchInfo {
  /** Product version (package.json). */
  version: string
  /** Which host answers: the Electron main process or the serve host. */
  host: 'electron' | 'serve'
  /** Versions of the runtime pieces, for the about box. */
  versions: Record<string, string>
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
  /**
   * The capture a replay scenario plays, picked by the author (its base name is the scenario's wire.file): bytes in
   * base64. Without it the host plays the example capture of that name.
   */
  capture?: { name: string; base64: string }
}

export type StartRunResult = { ok: true } | { ok: false; diagnostics: Diagnostic[] }

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

/**
 * The one typed surface the UI talks to: every request/response call of the engine protocol (core/api/engine-protocol.ts
 * has their arguments, validated at each boundary, and their results), plus the push of live statistics.
 */

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
