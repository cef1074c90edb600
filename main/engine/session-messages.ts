// What the workbench host and its session worker say to each other (structured-cloned over the worker's port).
import type { Diagnostic, RunStats, StartRunRequest } from '../../core/api/workbench-api'
import type { ScriptSite } from '../script-host/transpile'

/** Commands and queries the worker answers between slices of the run. */
export const SESSION_COMMANDS = [
  'pause',
  'resume',
  'step',
  'stop',
  'setSpeed',
  'setCable',
  'getFindings',
  'listPackets',
  'getPacket',
  'getController',
  'getTrace',
] as const
export type SessionCommand = (typeof SESSION_COMMANDS)[number]

export type SessionWorkerData = { mode: 'run'; request: StartRunRequest; cells: SharedArrayBuffer } | { mode: 'check' }

export type HostToWorker =
  | { type: 'command'; id: number; name: SessionCommand; args: unknown[] }
  | { type: 'check'; id: number; fileName: string; text: string }

export type WorkerToHost =
  /** The script transpiled: its call sites, so the host can name the line a hung handler was at. */
  | { type: 'loaded'; file: string; sites: ScriptSite[] }
  | { type: 'started'; ok: true }
  | { type: 'started'; ok: false; diagnostics: Diagnostic[] }
  | { type: 'reply'; id: number; result?: unknown; error?: string }
  | { type: 'checked'; id: number; diagnostics: Diagnostic[] }
  | { type: 'stats'; stats: RunStats }
