// The host's side of one engine process, for the CLI, the serve host and the Electron main process alike: forks the
// engine under Node's permission model (it may read its own bundle and nothing else; no child processes, no writes;
// threads only for its watch reporter and the real-time pacer) with the heap limit, talks to it in validated
// protocol messages, reads its watch stream and runs the one watchdog. Script code that does not return within the
// budget — a spin, a loop that keeps calling the library, a blocking Atomics.wait, top-level code that never ends —
// gets the process killed and reported as a loss; so does a crash, a kill from outside, or an out-of-memory abort.
// The host never shares memory with the engine, so nothing the script does there reaches it.
import { fork, type ChildProcess } from 'node:child_process'
import { dirname, join } from 'node:path'
import type { Readable } from 'node:stream'
import {
  DEFAULT_ENGINE_MEMORY_MB,
  DEFAULT_HANDLER_BUDGET_MS,
  EngineToHostSchema,
  parseMessage,
  W_ACTIVE,
  W_ENTRIES,
  W_HANDLER,
  WATCH_FD,
  WATCH_RECORD_BYTES,
  WATCH_RECORD_FIELDS,
  type CallArgs,
  type EngineToHost,
  type HostToEngine,
  type RunCommand,
} from '../../core/api/engine-protocol'
import type { EngineLoss } from '../../core/engine/stop-cause'
import { productRoot } from '../paths'

export interface EngineLimits {
  /** Wall-clock budget of one handler call or of the script's top-level code (default 3 s). */
  handlerBudgetMs?: number | undefined
  /** Heap limit of the engine process in MiB (default 256). */
  memoryMb?: number | undefined
}

export interface EngineEvents {
  message(message: EngineToHost): void
  /** The engine is gone without the host asking: the watchdog stopped it, or it ended on its own. Once. */
  lost(loss: EngineLoss): void
}

/** A bundle of out/cli/ (built by `npm run build:cli`, run at install by `prepare`); unpacked in an installed app. */
export function cliBundle(name: string): string {
  return join(productRoot(), 'out', 'cli', name).replace(/app\.asar([\\/])/, 'app.asar.unpacked$1')
}

export function engineEntry(): string {
  return cliBundle('engine.js')
}

/** How often the host looks at the watch stream. */
const WATCH_CHECK_MS = 50
/** Time a fresh engine may take before its first watch record (a loaded machine starts processes slowly). */
const START_GRACE_MS = 20_000
/** Tail of the engine's stderr kept to tell an out-of-memory abort from another crash. */
const STDERR_TAIL = 8192
const OUT_OF_MEMORY = /heap out of memory|allocation failed|invalid (array|table|size)|out of memory/i

function nodeAtLeast(major: number, minor: number): boolean {
  const [a = 0, b = 0] = process.versions.node.split('.').map(Number)
  return a > major || (a === major && b >= minor)
}

/**
 * Node's permission model: `--permission` from Node 22.13 / 23.5 (Electron's Node), `--experimental-permission` on
 * Node 20 and 22.0–22.12. Without --allow-child-process, --allow-fs-write, --allow-addons or --allow-wasi the engine
 * can do none of those; --allow-worker stays, for its two threads (a process whose main thread a script holds can
 * only keep talking from another thread). Node 20 has no network permission: the sandbox's realm has no
 * require, so the script has no way to a socket short of escaping it.
 */
export function engineExecArgv(entry: string, memoryMb: number): string[] {
  const permission =
    nodeAtLeast(23, 5) || (nodeAtLeast(22, 13) && !nodeAtLeast(23, 0)) ? '--permission' : '--experimental-permission'
  return [
    permission,
    `--allow-fs-read=${join(dirname(entry), '*')}`,
    '--allow-worker',
    `--max-old-space-size=${memoryMb}`,
    // The permission model announces itself as experimental, and --allow-worker as a risk, on every start; the
    // host chose both (the threads are the engine's own; the sandbox's realm cannot start one).
    '--disable-warning=ExperimentalWarning',
    '--disable-warning=SecurityWarning',
  ]
}

interface Pending {
  resolve(answer: { ok: true; result: unknown } | { ok: false; error: string }): void
}

export class EngineProcess {
  readonly budgetMs: number
  readonly memoryMb: number
  readonly startedAt = Date.now()
  /** The newest watch record (engine-protocol.ts W_*), or null before the first. */
  last: Float64Array | null = null
  private readonly child: ChildProcess
  private readonly timer: ReturnType<typeof setInterval>
  private gone = false
  private watching = true
  private lastRecordAt = 0
  private lastCheckAt = Date.now()
  private entries = -1
  private activeSince = 0
  private stderrTail = ''
  private partial = Buffer.alloc(0)
  private nextId = 1
  private readonly pending = new Map<number, Pending>()

  constructor(
    limits: EngineLimits,
    private readonly events: EngineEvents,
    entry = engineEntry(),
  ) {
    this.budgetMs = limits.handlerBudgetMs ?? DEFAULT_HANDLER_BUDGET_MS
    this.memoryMb = limits.memoryMb ?? DEFAULT_ENGINE_MEMORY_MB
    // Only what the engine needs of the environment: Electron's binary runs as Node with this one set.
    const env: NodeJS.ProcessEnv = process.versions['electron'] ? { ELECTRON_RUN_AS_NODE: '1' } : {}
    this.child = fork(entry, [], {
      execArgv: engineExecArgv(entry, this.memoryMb),
      env,
      stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
    })
    this.child.on('message', (raw: unknown) => this.received(raw))
    this.child.on('exit', (code, signal) => this.exited(code, signal))
    this.child.on('error', (error) => this.lose({ kind: 'engine-lost', detail: error.message }))
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString()).slice(-STDERR_TAIL)
    })
    const stream = this.child.stdio[WATCH_FD] as Readable | null
    stream?.on('data', (chunk: Buffer) => this.records(chunk))
    stream?.on('error', () => undefined)
    this.timer = setInterval(() => this.check(), WATCH_CHECK_MS)
  }

  get alive(): boolean {
    return !this.gone
  }

  send(message: HostToEngine): void {
    if (!this.gone) this.child.send(message)
  }

  /** A run command to the engine; answers `ok: false` when the engine is gone (or goes) before it replies. */
  request<C extends RunCommand>(
    name: C,
    args: CallArgs<C>,
  ): Promise<{ ok: true; result: unknown } | { ok: false; error: string }> {
    if (this.gone) return Promise.resolve({ ok: false, error: 'the run has ended' })
    const id = this.nextId++
    return new Promise((resolve) => {
      this.pending.set(id, { resolve })
      this.send({ type: 'command', id, name, args: [...args] })
    })
  }

  /** The run has ended inside the engine: nothing of the script runs any more, so the watchdog has nothing to do. */
  stopWatching(): void {
    this.watching = false
  }

  /** Ends the engine at the host's wish (no loss is reported). */
  kill(): void {
    this.end('the run has ended')
  }

  private end(reason: string): void {
    if (this.gone) return
    this.gone = true
    clearInterval(this.timer)
    for (const p of this.pending.values()) p.resolve({ ok: false, error: reason })
    this.pending.clear()
    this.child.kill('SIGKILL')
  }

  private lose(loss: EngineLoss): void {
    if (this.gone) return
    this.end(loss.kind === 'watchdog' ? 'the run was stopped by the watchdog' : 'the engine process ended')
    this.events.lost(loss)
  }

  private received(raw: unknown): void {
    if (this.gone) return
    const parsed = parseMessage(EngineToHostSchema, raw)
    if (!parsed.ok) {
      return this.lose({ kind: 'engine-lost', detail: `it sent a message outside the protocol: ${parsed.reason}` })
    }
    const message = parsed.message
    if (message.type === 'reply') {
      const p = this.pending.get(message.id)
      this.pending.delete(message.id)
      p?.resolve(
        message.error !== undefined ? { ok: false, error: message.error } : { ok: true, result: message.result },
      )
      return
    }
    this.events.message(message)
  }

  private records(chunk: Buffer): void {
    const data = this.partial.length > 0 ? Buffer.concat([this.partial, chunk]) : chunk
    const whole = data.length - (data.length % WATCH_RECORD_BYTES)
    if (whole > 0) {
      const last = new Float64Array(WATCH_RECORD_FIELDS)
      for (let i = 0; i < WATCH_RECORD_FIELDS; i++) last[i] = data.readDoubleLE(whole - WATCH_RECORD_BYTES + i * 8)
      this.last = last
      this.lastRecordAt = Date.now()
    }
    this.partial = Buffer.from(data.subarray(whole))
  }

  /** The watchdog: the same outermost entry of script code, still running, for longer than the budget. */
  private check(): void {
    const now = Date.now()
    const gap = now - this.lastCheckAt
    this.lastCheckAt = now
    if (gap > WATCH_CHECK_MS * 4) {
      // This host was stalled itself (its timers run before the records that came meanwhile are read): the time it
      // lost is not counted against the engine.
      this.lastRecordAt = now
      this.activeSince += gap
      return
    }
    const r = this.last
    if (r === null) {
      if (now - this.startedAt > START_GRACE_MS + this.budgetMs)
        this.lose({ kind: 'engine-lost', detail: 'it did not start' })
      return
    }
    if (!this.watching) return
    if (now - this.lastRecordAt > this.budgetMs) {
      // Not even the watch reporter speaks: the whole process is stalled (stopped, or swapping itself to death).
      return this.lose({
        kind: 'watchdog',
        handler: r[W_ACTIVE] === 1 ? r[W_HANDLER]! : 0,
        budgetMs: this.budgetMs,
        ranMs: now - this.lastRecordAt,
      })
    }
    if (r[W_ACTIVE] !== 1 || r[W_ENTRIES] !== this.entries) {
      this.entries = r[W_ACTIVE] === 1 ? r[W_ENTRIES]! : -1
      this.activeSince = this.lastRecordAt
      return
    }
    if (now - this.activeSince > this.budgetMs) {
      this.lose({ kind: 'watchdog', handler: r[W_HANDLER]!, budgetMs: this.budgetMs, ranMs: now - this.activeSince })
    }
  }

  private exited(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.gone) return
    const outOfMemory = OUT_OF_MEMORY.test(this.stderrTail)
    const detail = signal ? `signal ${signal}` : `exit code ${code}`
    this.lose(outOfMemory ? { kind: 'out-of-memory' } : { kind: 'engine-lost', detail })
  }
}
