// WorkbenchApi served from a Session. The Electron IPC handlers and the serve host's WebSocket both go through
// `callWorkbench`, which validates every call's arguments (engine-protocol.ts CALL_ARGS) before anything runs.
import {
  BadCallError,
  parseCallArgs,
  type CallArgs,
  type CallResult,
  type RunCommand,
  type RunResult,
  type WorkbenchCalls,
} from '../../core/api/engine-protocol'
import type { WorkbenchApi, WorkbenchCall, WorkbenchInfo } from '../../core/api/workbench-api'
import { listExampleFiles } from './session-inputs'
import type { Session } from './session'

export { BadCallError }

/** Validates the arguments of `call` and answers it; a bad argument is a BadCallError naming it. */
export async function callWorkbench<C extends WorkbenchCall>(
  api: WorkbenchApi,
  call: C,
  args: unknown,
): Promise<unknown> {
  const calls: WorkbenchCalls = api
  const handler: (...a: CallArgs<C>) => Promise<CallResult<C>> = calls[call]
  const result: unknown = await handler.apply(api, parseCallArgs(call, args))
  return result === undefined ? null : result
}

/** WorkbenchApi over one Session (the host adds who it is). */
export function sessionApi(session: Session, info: () => WorkbenchInfo): WorkbenchApi {
  const run = <C extends RunCommand>(name: C, args: CallArgs<C>): Promise<RunResult<C>> => session.command(name, args)
  return {
    getInfo: async () => info(),
    listExamples: async () => listExampleFiles(),
    checkScript: (file, scriptText) => session.checkScript(file, scriptText),
    startRun: (request) => session.startRun(request),
    pauseRun: () => run('pauseRun', []),
    resumeRun: () => run('resumeRun', []),
    stepRun: () => run('stepRun', []),
    stopRun: () => run('stopRun', []),
    setSpeed: (speed) => run('setSpeed', [speed]),
    setCable: (connected) => run('setCable', [connected]),
    getFindings: () => run('getFindings', []),
    listPackets: () => run('listPackets', []),
    getPacket: (address) => run('getPacket', [address]),
    getController: () => run('getController', []),
    getTrace: (fromSeq, limit, kinds, newest) =>
      run('getTrace', newest === undefined ? [fromSeq, limit, kinds] : [fromSeq, limit, kinds, newest]),
    onStats: (listener) => session.onStats(listener),
  }
}
