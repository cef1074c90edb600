// The engine process: the only place a miniport script runs. Its host (the CLI, the serve host, the Electron main
// process) forks it under Node's permission model (engine-process.ts) and talks to it over IPC in the messages of
// core/api/engine-protocol.ts, each validated on arrival. A watch reporter thread streams the engine's cells to the
// host, whose watchdog ends this process when script code does not return; a crash or out-of-memory here is the
// host's to report, never its death.
import {
  answerRunCommand,
  HostToEngineSchema,
  parseMessage,
  type EngineToHost,
  type HostToEngine,
} from '../../core/api/engine-protocol'
import { createEngineCells } from './engine-cells'
import { executeBatch } from './execute'
import { InteractiveRun } from './session-run'
import { startWatchReporter } from './watch-reporter'
import { hardenHostRealm } from '../script-host/host-realm'

const cells = createEngineCells()
startWatchReporter(cells)
// Scripts run in this process: close its realm to them before the first one loads.
hardenHostRealm()
let interactive: InteractiveRun | null = null
let begun = false

function send(message: EngineToHost): void {
  process.send?.(message)
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

function handle(message: HostToEngine): void {
  if (message.type === 'command') {
    if (!interactive) return send({ type: 'reply', id: message.id, error: 'no run' })
    try {
      send({
        type: 'reply',
        id: message.id,
        result: answerRunCommand(interactive.commands, message.name, message.args) ?? null,
      })
    } catch (e) {
      send({ type: 'reply', id: message.id, error: errorText(e) })
    }
    return
  }
  if (begun) return
  begun = true
  if (message.type === 'batch') {
    void executeBatch(message.input, message, cells).then((done) =>
      // The capture and the trace are the largest parts: the host exits this process once it has them.
      send(done),
    )
  } else {
    interactive = new InteractiveRun(message, cells, (stats) => send({ type: 'stats', stats }))
    send({ type: 'started' })
  }
}

process.on('message', (raw: unknown) => {
  const parsed = parseMessage(HostToEngineSchema, raw)
  if (parsed.ok) handle(parsed.message)
  else process.stderr.write(`engine: a message outside the protocol was ignored: ${parsed.reason}\n`)
})
// The host went away: so does the engine.
process.on('disconnect', () => process.exit(0))
