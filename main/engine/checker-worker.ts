// The host's checker thread: type-checks scripts for the editor and prepares runs (transpile, type-check, scenario)
// so the host's own thread never runs the TypeScript compiler. It runs no script code: that is the engine's.
import { parentPort } from 'node:worker_threads'
import type { Diagnostic, StartRunRequest } from '../../core/api/workbench-api'
import type { EngineRunInput } from '../../core/api/engine-protocol'
import { checkScriptText, prepareRun } from './session-inputs'

export type CheckerRequest =
  | { type: 'check'; id: number; fileName: string; text: string }
  | { type: 'prepare'; id: number; request: StartRunRequest }

export type CheckerAnswer =
  | { type: 'checked'; id: number; diagnostics: Diagnostic[] }
  | { type: 'prepared'; id: number; prepared: { run: EngineRunInput } | { diagnostics: Diagnostic[] } }

function failure(fileName: string, e: unknown): Diagnostic[] {
  const message = e instanceof Error ? e.message : String(e)
  return [{ file: fileName, line: 1, column: 1, message, severity: 'error' }]
}

function answer(message: CheckerRequest): CheckerAnswer {
  if (message.type === 'check') {
    try {
      return {
        type: 'checked',
        id: message.id,
        diagnostics: checkScriptText(message.fileName, message.text).diagnostics,
      }
    } catch (e) {
      return { type: 'checked', id: message.id, diagnostics: failure(message.fileName, e) }
    }
  }
  try {
    return { type: 'prepared', id: message.id, prepared: prepareRun(message.request) }
  } catch (e) {
    return { type: 'prepared', id: message.id, prepared: { diagnostics: failure(message.request.fileName, e) } }
  }
}

parentPort?.on('message', (message: CheckerRequest) => parentPort?.postMessage(answer(message)))
