// The engine protocol: every call the UI makes (WorkbenchApi), every message between a host and its engine process,
// the stream the engine's watch reporter writes, and the limits they run under, with the zod schemas each boundary
// validates on arrival (the window's IPC, the serve WebSocket, the host ↔ engine IPC).
//
// One F5, from the run bar to the first pool numbers:
//   renderer  api.startRun(request)              → preload invoke('workbench:startRun') or the WebSocket { call }
//   host      parseCallArgs('startRun', args)     (CALL_ARGS below) → Session.startRun
//   host      the checker worker prepares the run: transpile, type-check, scenario (diagnostics end it here)
//   host      EngineProcess forks the engine under the permission model and sends { type: 'interactive', input }
//   engine    Run.load(loadScript(...)): top-level code, DriverEntry, MiniportInitialize, each a watched phase
//   engine    { type: 'started' }, then { type: 'stats', stats } at STATS_HZ with the pool rows
//   engine    the watch reporter writes a WatchRecord every WATCH_REPORT_MS to fd 3, whatever the script does
//   host      the watchdog reads them; stats go to the window (IPC push) or the browser ({ channel: 'stats' })
// Run-bar commands travel the same way: { type: 'command', id, name, args } answered by { type: 'reply', id }.
import { z } from 'zod'
import type { RunConfig } from '../engine/run-config'
import type { RunReport } from '../report/report'
import type {
  ControllerSnapshot,
  Diagnostic,
  ExampleFile,
  FindingRow,
  PacketDetail,
  PacketSummary,
  RunStats,
  StartRunRequest,
  StartRunResult,
  TraceRow,
  WorkbenchCall,
  WorkbenchInfo,
} from './run-types'

/** Wall-clock budget of one handler call (and of the script's top-level code) before the watchdog stops it. */
export const DEFAULT_HANDLER_BUDGET_MS = 3000
/** Heap limit of the engine process: the arena is 32 MiB outside the heap; a script that needs more runs away. */
export const DEFAULT_ENGINE_MEMORY_MB = 256
/** Larger texts are refused (a driver is far smaller). */
export const MAX_INPUT_CHARS = 16 * 1024 * 1024

// ---- WorkbenchApi: the calls, their arguments (validated) and their results --------------------------------------

const speed = z.enum(['fast', 'realtime', 'slow'])
const fileName = z.string().min(1).max(200)
const text = z.string().max(MAX_INPUT_CHARS)
/** A capture picked in the UI travels in base64 within one WebSocket message (api-socket.ts: 40 MiB). */
export const MAX_CAPTURE_BASE64_CHARS = 32 * 1024 * 1024
const u32 = z.int().min(0).max(0xffffffff)

export const StartRunRequestSchema = z.strictObject({
  fileName,
  scriptText: text,
  scenarioText: text,
  seed: u32,
  verifier: z.enum(['off', 'standard', 'full']),
  speed,
  slowNsPerSecond: z.number().int().min(1).max(1e12).optional(),
  paused: z.boolean().optional(),
  capture: z
    .strictObject({
      name: fileName,
      base64: z
        .string()
        .max(MAX_CAPTURE_BASE64_CHARS)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/),
    })
    .optional(),
}) satisfies z.ZodType<StartRunRequest>

/** Commands and queries of the live run: the engine process answers them between slices of the run. */
const RUN_COMMAND_SCHEMAS = {
  pauseRun: z.tuple([]),
  resumeRun: z.tuple([]),
  stepRun: z.tuple([]),
  stopRun: z.tuple([]),
  setSpeed: z.tuple([speed]),
  setCable: z.tuple([z.boolean()]),
  getFindings: z.tuple([]),
  listPackets: z.tuple([]),
  getPacket: z.tuple([u32]),
  getController: z.tuple([]),
  /** From a sequence number, at most `limit` rows of some kinds; `newest`: only the newest of them (a view that
   * shows where the run stands skips what it has not seen rather than page through it). */
  getTrace: z.tuple([
    z.int().min(0).max(Number.MAX_SAFE_INTEGER),
    z.int().min(0).max(100_000),
    z.array(z.string().max(64)).max(64),
    z.boolean().optional(),
  ]),
}

const CALL_SCHEMAS = {
  getInfo: z.tuple([]),
  listExamples: z.tuple([]),
  checkScript: z.tuple([fileName, text]),
  startRun: z.tuple([StartRunRequestSchema]),
  ...RUN_COMMAND_SCHEMAS,
} satisfies Record<WorkbenchCall, z.ZodType<unknown[]>>

type CallArgsMap = { [C in WorkbenchCall]: z.infer<(typeof CALL_SCHEMAS)[C]> }
export type CallArgs<C extends WorkbenchCall> = CallArgsMap[C]
export type RunCommand = keyof typeof RUN_COMMAND_SCHEMAS

/** Argument tuples of every WorkbenchApi call: the host's own calls, then the run's. */
export const CALL_ARGS: { [C in WorkbenchCall]: z.ZodType<CallArgs<C>> } = CALL_SCHEMAS
/** The run's commands alone (what the engine answers). */
export const RUN_COMMAND_ARGS: { [C in RunCommand]: z.ZodType<CallArgs<C>> } = RUN_COMMAND_SCHEMAS
const RUN_COMMAND_NAMES = [
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
] as const satisfies readonly RunCommand[]
/** Compiles only while RUN_COMMAND_NAMES lists every run command. */
const EVERY_COMMAND_NAMED: Record<Exclude<RunCommand, (typeof RUN_COMMAND_NAMES)[number]>, never> = {}
void EVERY_COMMAND_NAMED

/** What each run command answers. */
export interface RunResults {
  pauseRun: void
  resumeRun: void
  stepRun: void
  stopRun: void
  setSpeed: void
  setCable: void
  getFindings: FindingRow[]
  listPackets: PacketSummary[]
  getPacket: PacketDetail | null
  getController: ControllerSnapshot | null
  getTrace: TraceRow[]
}
export type RunResult<C extends RunCommand> = RunResults[C]

/** What each call answers. */
export interface CallResults extends RunResults {
  getInfo: WorkbenchInfo
  listExamples: ExampleFile[]
  checkScript: Diagnostic[]
  startRun: StartRunResult
}
export type CallResult<C extends WorkbenchCall> = CallResults[C]

/** The request/response calls of WorkbenchApi, typed from the map. */
export type WorkbenchCalls = { [C in WorkbenchCall]: (...args: CallArgs<C>) => Promise<CallResult<C>> }

/** The engine's side of the run commands. */
export type RunCommandHandlers = { [C in RunCommand]: (...args: CallArgs<C>) => RunResult<C> }

/** What a run command answers when no run is live (none started, or its engine is gone). */
export const IDLE_RESULTS: RunResults = {
  pauseRun: undefined,
  resumeRun: undefined,
  stepRun: undefined,
  stopRun: undefined,
  setSpeed: undefined,
  setCable: undefined,
  getFindings: [],
  listPackets: [],
  getPacket: null,
  getController: null,
  getTrace: [],
}

export function isRunCommand(name: string): name is RunCommand {
  return Object.hasOwn(RUN_COMMAND_ARGS, name)
}

export class BadCallError extends Error {
  override readonly name = 'BadCallError'
}

function issueText(error: z.ZodError): string {
  const issue = error.issues[0]
  return `${issue?.path.join('.') || '(root)'}: ${issue?.message}`
}

/** The arguments of `call`, validated; a bad argument is a BadCallError naming the call and the argument. */
export function parseCallArgs<C extends WorkbenchCall>(call: C, args: unknown): CallArgs<C> {
  const schema: z.ZodType<CallArgs<C>> = CALL_ARGS[call]
  const parsed = schema.safeParse(args)
  if (!parsed.success) throw new BadCallError(`invalid arguments of ${call} at ${issueText(parsed.error)}`)
  return parsed.data
}

/** Answers a run command from the engine's handlers, its arguments validated first. */
export function answerRunCommand<C extends RunCommand>(
  handlers: RunCommandHandlers,
  name: C,
  args: unknown,
): RunResult<C> {
  const handler: (...a: CallArgs<C>) => RunResult<C> = handlers[name]
  return handler(...parseCallArgs(name, args))
}

// ---- Host ↔ engine process ---------------------------------------------------------------------------------------

/** A transpiled script as the engine loads it: code, its source map, and the call sites it writes. */
export const EngineScriptSchema = z.object({
  file: z.string().min(1).max(4096),
  code: z.string(),
  map: z.string(),
  sites: z.array(z.object({ line: z.int().min(0), column: z.int().min(0) })),
})
export type EngineScript = z.infer<typeof EngineScriptSchema>

/** The run's configuration without the cells: the engine makes those itself. */
export type EngineRunConfig = Omit<RunConfig, 'siteCell' | 'watchCells'>

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

const RunConfigSchema = z.custom<EngineRunConfig>(
  (v) => isObject(v) && isObject(v['script']) && isObject(v['scenario']) && typeof v['seed'] === 'number',
  'not a run configuration',
)

/** Everything one run needs: the script, its configuration, and the names the SDK declares. */
export const EngineRunInputSchema = z.object({
  script: EngineScriptSchema,
  config: RunConfigSchema,
  declared: z.array(z.string().max(200)),
})
export type EngineRunInput = z.infer<typeof EngineRunInputSchema>

export const HostToEngineSchema = z.discriminatedUnion('type', [
  /** `nicbench run`: run to the end, answer `done` with the report. */
  z.object({ type: z.literal('batch'), input: EngineRunInputSchema, trace: z.boolean(), realtime: z.boolean() }),
  /** The workbench's run: answer `started`, then commands, with `stats` at STATS_HZ. */
  z.object({
    type: z.literal('interactive'),
    input: EngineRunInputSchema,
    speed,
    slowNsPerSecond: z.number().int().min(1).max(1e12).optional(),
    paused: z.boolean(),
  }),
  z.object({
    type: z.literal('command'),
    id: z.int().min(0),
    name: z.enum(RUN_COMMAND_NAMES),
    args: z.array(z.unknown()).max(8),
  }),
])
export type HostToEngine = z.infer<typeof HostToEngineSchema>

const RunStatsSchema = z.custom<RunStats>(
  (v) =>
    isObject(v) &&
    ['idle', 'running', 'paused', 'ended'].includes(String(v['state'])) &&
    (v['stopReason'] === null || typeof v['stopReason'] === 'string') &&
    Array.isArray(v['pools']) &&
    Array.isArray(v['newLog']),
  'not run statistics',
)

const RunReportSchema = z.custom<RunReport>(
  (v) => isObject(v) && v['version'] === 1 && typeof v['stopReason'] === 'string' && Array.isArray(v['findings']),
  'not a run report',
)

export const EngineToHostSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('started') }),
  /** The answer to command `id`: its result, or `error` when it failed. */
  z.object({
    type: z.literal('reply'),
    id: z.int().min(0),
    result: z.unknown().optional(),
    error: z.string().optional(),
  }),
  z.object({ type: z.literal('stats'), stats: RunStatsSchema }),
  z.object({
    type: z.literal('done'),
    report: RunReportSchema,
    capture: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'not bytes').nullable(),
    trace: z.string().nullable(),
  }),
])
export type EngineToHost = z.infer<typeof EngineToHostSchema>
export type EngineDone = Extract<EngineToHost, { type: 'done' }>

/** Parses a message of one side; null with the reason when it is not one. */
export function parseMessage<T>(
  schema: z.ZodType<T>,
  message: unknown,
): { ok: true; message: T } | { ok: false; reason: string } {
  const parsed = schema.safeParse(message)
  return parsed.success ? { ok: true, message: parsed.data } : { ok: false, reason: issueText(parsed.error) }
}

// ---- The watch stream: engine → supervisor, out of the script's reach ---------------------------------------------

/**
 * The engine's watch reporter (a thread of the engine process that runs no script code) writes one record of
 * WATCH_RECORD_FIELDS little-endian float64 values every WATCH_REPORT_MS to file descriptor WATCH_FD, read from
 * cells only engine code writes (HandlerWatch) and the script's call-site cell (only to name the line; validated).
 */
export const WATCH_FD = 3
export const WATCH_REPORT_MS = 20
export const W_ENTRIES = 0 // outermost entries of script code so far
export const W_ACTIVE = 1 // 1 while script code runs
export const W_HANDLER = 2 // WATCHED_HANDLERS id of the outermost running code
export const W_SITE = 3 // the script's call-site cell: the line it is at
export const W_TIME_NS = 4 // virtual time at the last slice
export const W_EVENTS = 5 // scheduler events dispatched
export const W_RX_FRAMES = 6
export const W_PACKETS_IN_USE = 7
export const WATCH_RECORD_FIELDS = 8
export const WATCH_RECORD_BYTES = WATCH_RECORD_FIELDS * 8
