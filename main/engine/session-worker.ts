// The session worker: one interactive run (or the script checker) off the host's thread, so a script that spins,
// throws or exhausts memory never blocks the window or the serve host; the host terminates it on a hung handler.
import { parentPort, workerData } from 'node:worker_threads'
import type { RunStats } from '../../core/api/workbench-api'
import { checkScriptText, prepareRun } from './session-inputs'
import type { HostToWorker, SessionWorkerData, WorkerToHost } from './session-messages'
import { InteractiveRun } from './session-run'
import { hardenHostRealm } from '../script-host/host-realm'

// Scripts run in this thread: close its realm to them before the first one loads.
hardenHostRealm()

const port = parentPort!
const data = workerData as SessionWorkerData

function send(message: WorkerToHost): void {
  port.postMessage(message)
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

let active: InteractiveRun | null = null
let pending: HostToWorker[] | null = []

function handle(message: HostToWorker): void {
  if (message.type === 'check') {
    try {
      const { diagnostics } = checkScriptText(message.fileName, message.text)
      send({ type: 'checked', id: message.id, diagnostics })
    } catch (e) {
      const failure = { file: message.fileName, line: 1, column: 1, message: errorText(e), severity: 'error' as const }
      send({ type: 'checked', id: message.id, diagnostics: [failure] })
    }
    return
  }
  if (active === null) {
    send({ type: 'reply', id: message.id, error: 'no run' })
    return
  }
  try {
    send({ type: 'reply', id: message.id, result: active.command(message.name, message.args) ?? null })
  } catch (e) {
    send({ type: 'reply', id: message.id, error: errorText(e) })
  }
}

// Commands that arrive while the run is starting wait until it has started.
port.on('message', (message: HostToWorker) => {
  if (pending !== null) pending.push(message)
  else handle(message)
})

function flushPending(): void {
  const queued = pending ?? []
  pending = null
  for (const m of queued) handle(m)
}

if (data.mode === 'run') {
  let prepared: ReturnType<typeof prepareRun>
  try {
    prepared = prepareRun(data.request)
  } catch (e) {
    prepared = {
      diagnostics: [{ file: data.request.fileName, line: 1, column: 1, message: errorText(e), severity: 'error' }],
    }
  }
  if ('diagnostics' in prepared) {
    send({ type: 'started', ok: false, diagnostics: prepared.diagnostics })
    flushPending()
  } else {
    send({ type: 'loaded', file: prepared.run.config.script.file, sites: prepared.run.script.sites })
    active = new InteractiveRun(prepared.run, data.request, data.cells, (stats: RunStats) =>
      send({ type: 'stats', stats }),
    )
    send({ type: 'started', ok: true })
    flushPending()
  }
} else {
  flushPending()
}
