// Everything a run needs, decided by the host before it starts (cli.md options, the scenario, the script's call
// sites). Pure data, so the same config gives the same run.
import type { CaptureFile } from '../capture/capture-file'
import type { VerifierLevelName } from '../verifier/level'
import type { Scenario } from '../scenario/schema'
import type { ScriptRealm } from '../kernel/script-realm'

export interface RunConfig {
  script: {
    file: string
    sha256: string
    /** Call site n (1-based) of the transpiled script is `sites[n - 1]`. */
    sites: readonly { line: number; column: number }[]
  }
  scenario: Scenario
  scenarioFile: string | null
  seed: number
  verifier: VerifierLevelName
  durationNs: number
  /** Stop after the controller received this many frames (Infinity: no limit). */
  maxFrames: number
  /** Low-resources simulation spec (`--fault`), or null. */
  lowResources: string | null
  /** At most this many descriptors for each packet or buffer pool the driver creates (`nicbench advise`). */
  poolCap?: { packet?: number; buffer?: number }
  /** Count the driver's allocations by call site for the report (`allocationSites`; the fault sweep). */
  allocationSites?: boolean
  /** The replay capture, read by the host, when the scenario's wire is a replay. */
  replay?: CaptureFile
  /** Record the wire: 'pcapng', 'pcap' or none. */
  capture: 'pcapng' | 'pcap' | null
  /** Keep the event log for a trace (always kept, bounded; larger when a trace file is asked for). */
  traceCapacity?: number
  /** Log every NDIS call the script makes in the event log (a trace file, the Trace view). */
  traceApiCalls?: boolean
  /** Shared cells a host may provide (see CallSites and HandlerWatch). */
  siteCell?: Int32Array
  watchCells?: Int32Array
  /** The script sandbox's constructors (core/kernel/script-realm.ts); the engine's own when absent. */
  scriptRealm?: ScriptRealm
}
