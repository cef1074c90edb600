// What the host hands the engine worker and what the worker answers (structured-cloned).
import type { RunConfig } from '../../core/engine/run-config'
import type { RunReport } from '../../core/report/report'
import type { TranspiledScript } from '../script-host/transpile'

export interface EngineJob {
  script: TranspiledScript
  /** RunConfig without the shared cells (they come from `cells`). */
  config: Omit<RunConfig, 'siteCell' | 'watchCells'>
  cells: SharedArrayBuffer
  /** Names the SDK declares; those the run does not emulate stop it when called. */
  declared: string[]
  trace: boolean
  /** Pace virtual time to the wall clock. */
  realtime?: boolean
}

export type EngineResult =
  | { type: 'done'; report: RunReport; capture: Uint8Array | null; trace: string | null }
  | { type: 'internal-error'; message: string; stack: string }
