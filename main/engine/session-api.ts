// WorkbenchApi served from a Session, with every call's arguments validated (zod) before anything runs: the Electron
// IPC handlers and the serve host's WebSocket both go through `callWorkbench`.
import { z } from 'zod'
import type {
  ControllerSnapshot,
  FindingRow,
  PacketDetail,
  PacketSummary,
  TraceRow,
  WorkbenchApi,
  WorkbenchCall,
  WorkbenchInfo,
} from '../../core/api/workbench-api'
import { MAX_INPUT_CHARS, listExampleFiles } from './session-inputs'
import type { Session } from './session'

const speed = z.enum(['fast', 'realtime', 'slow'])
const fileName = z.string().min(1).max(200)
const text = z.string().max(MAX_INPUT_CHARS)

const StartRunRequestSchema = z.strictObject({
  fileName,
  scriptText: text,
  scenarioText: text,
  seed: z.int().min(0).max(0xffffffff),
  verifier: z.enum(['off', 'standard', 'full']),
  speed,
  slowNsPerSecond: z.number().int().min(1).max(1e12).optional(),
  paused: z.boolean().optional(),
})

/** Argument tuples of every call. */
export const CALL_ARGUMENTS = {
  getInfo: z.tuple([]),
  listExamples: z.tuple([]),
  checkScript: z.tuple([fileName, text]),
  startRun: z.tuple([StartRunRequestSchema]),
  pauseRun: z.tuple([]),
  resumeRun: z.tuple([]),
  stepRun: z.tuple([]),
  stopRun: z.tuple([]),
  setSpeed: z.tuple([speed]),
  setCable: z.tuple([z.boolean()]),
  getFindings: z.tuple([]),
  listPackets: z.tuple([]),
  getPacket: z.tuple([z.int().min(0).max(0xffffffff)]),
  getController: z.tuple([]),
  getTrace: z.tuple([
    z.int().min(0).max(Number.MAX_SAFE_INTEGER),
    z.int().min(0).max(100_000),
    z.array(z.string().max(64)).max(64),
  ]),
} satisfies Record<WorkbenchCall, z.ZodType<unknown[]>>

export class BadCallError extends Error {
  override readonly name = 'BadCallError'
}

/** Validates the arguments of `call` and answers it; a bad argument is a BadCallError naming it. */
export async function callWorkbench(api: WorkbenchApi, call: WorkbenchCall, args: unknown[]): Promise<unknown> {
  const parsed = CALL_ARGUMENTS[call].safeParse(args)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new BadCallError(`invalid arguments of ${call} at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`)
  }
  const fn = api[call] as (...a: unknown[]) => Promise<unknown>
  const result = await fn.apply(api, parsed.data)
  return result === undefined ? null : result
}

/** WorkbenchApi over one Session (the host adds who it is). */
export function sessionApi(session: Session, info: () => WorkbenchInfo): WorkbenchApi {
  const ask = <T>(name: Parameters<Session['command']>[0], fallback: T, args: unknown[] = []) =>
    session.command(name, args).then((r) => (r === undefined ? fallback : (r as T)))
  return {
    getInfo: async () => info(),
    listExamples: async () => listExampleFiles(),
    checkScript: (file, scriptText) => session.checkScript(file, scriptText),
    startRun: (request) => session.startRun(request),
    pauseRun: () => ask('pause', undefined),
    resumeRun: () => ask('resume', undefined),
    stepRun: () => ask('step', undefined),
    stopRun: () => ask('stop', undefined),
    setSpeed: (s) => ask('setSpeed', undefined, [s]),
    setCable: (connected) => ask('setCable', undefined, [connected]),
    getFindings: () => ask<FindingRow[]>('getFindings', []),
    listPackets: () => ask<PacketSummary[]>('listPackets', []),
    getPacket: (address) => ask<PacketDetail | null>('getPacket', null, [address]),
    getController: () => ask<ControllerSnapshot | null>('getController', null),
    getTrace: (fromSeq, limit, kinds) => ask<TraceRow[]>('getTrace', [], [fromSeq, limit, kinds]),
    onStats: (listener) => session.onStats(listener),
  }
}
