// Reads and validates what `nicbench run` and `nicbench check` are given: the script (syntax, imports, types against
// the SDK), the scenario (JSON and its schema), a replay capture, the fault spec. Every problem is a BadInput.
import { createHash } from 'node:crypto'
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'
import { readCapture } from '../../core/capture/capture-reader'
import { replayOutOfRange } from '../../core/wire/pcap-replay'
import { CaptureError } from '../../core/capture/capture-error'
import type { CaptureFile } from '../../core/capture/capture-file'
import { defaultScenario, parseScenario, type Scenario } from '../../core/scenario/schema'
import { parseLowResourcesSpec } from '../../core/verifier/low-resources'
import { ScriptCache } from '../script-host/script-cache'
import type { ScriptDiagnostic, TranspiledScript } from '../script-host/transpile'
import { badInput, firstLine } from './bad-input'
import { jsonErrorPosition, jsonErrorReason } from '../../core/scenario/json-position'

/** Larger scripts or scenarios than this are refused before they are read (a driver is far smaller). */
const MAX_INPUT_BYTES = 16 * 1024 * 1024
/** Larger captures are refused before they are read: the whole file is held in memory and handed to the engine. */
const MAX_CAPTURE_BYTES = 512 * 1024 * 1024

/**
 * The bytes of a regular file of at most `maxBytes`. Opened without blocking and checked on the open descriptor,
 * so a FIFO, socket or device is refused instead of waited on (opening a FIFO for reading waits for a writer).
 */
function readRegularFile(path: string, what: string, maxBytes: number, at: { file: string; place: string }): Buffer {
  const refuse = (reason: string) => badInput(at.file, at.place, reason)
  let fd: number
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (error) {
    throw refuse(
      `cannot read the ${what}${at.file === path ? '' : ` ${path}`}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    )
  }
  try {
    const st = fstatSync(fd)
    const name = at.file === path ? `the ${what}` : `the ${what} ${path}`
    if (!st.isFile()) {
      const kind = st.isFIFO() ? 'a FIFO' : st.isDirectory() ? 'a directory' : st.isSocket() ? 'a socket' : 'a device'
      throw refuse(`${name} is ${kind}, not a file`)
    }
    if (st.size > maxBytes) throw refuse(`${name} is ${st.size} bytes (at most ${maxBytes})`)
    try {
      return readFileSync(fd)
    } catch (error) {
      throw refuse(`cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
    }
  } finally {
    closeSync(fd)
  }
}

function readText(path: string, what: string): string {
  const bytes = readRegularFile(path, what, MAX_INPUT_BYTES, { file: path, place: '' })
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes)
  if (text.includes('\u0000')) throw badInput(path, '', `the ${what} is not a text file`)
  return text
}

function diagnosticError(d: ScriptDiagnostic, total: number) {
  const more = total > 1 ? ` (and ${total - 1} more)` : ''
  return badInput(d.file, `${d.line}:${d.column}`, firstLine(d.message) + more)
}

export interface LoadedScript {
  path: string
  text: string
  sha256: string
  transpiled: TranspiledScript
  /** The SDK's value names: the scope the engine builds. */
  declared: string[]
  /** Lint warnings (only when asked for). */
  warnings: { line: number; column: number; message: string }[]
  /** How long each step took, for --verbose; `cached` when the script cache answered. */
  phases: { name: string; ms: number }[]
  cached: boolean
}

export interface LoadScriptOptions {
  /** Lint too (check): unused locals, unreachable code, missing returns, as warnings. */
  lint?: boolean
  cache?: ScriptCache
}

/**
 * Transpiles and type-checks against the SDK; the first diagnostic is the BadInput. A text that passed before (same
 * text, SDK, TypeScript and workbench build) comes from the script cache without loading the TypeScript compiler.
 */
export async function loadScript(path: string, options: LoadScriptOptions = {}): Promise<LoadedScript> {
  if (!/\.(ts|js|mts|mjs|cts|cjs)$/i.test(path)) {
    throw badInput(path, '', 'a miniport script is a .ts or .js file')
  }
  let mark = performance.now()
  const phases: { name: string; ms: number }[] = []
  const phase = (name: string) => {
    const now = performance.now()
    phases.push({ name, ms: now - mark })
    mark = now
  }
  const text = readText(path, 'script')
  const sha256 = createHash('sha256').update(text).digest('hex')
  phase('read')
  const file = basename(path)
  const lint = options.lint === true
  const cache = options.cache ?? new ScriptCache()
  const hit = cache.get(file, text, lint)
  if (hit) {
    phase('script cache')
    return { path, text, sha256, ...hit, warnings: hit.warnings ?? [], phases, cached: true }
  }
  // Loaded only on a miss: the TypeScript compiler is most of a start's cost.
  const [{ transpileScript }, { declaredNames }, { checkScript }] = await Promise.all([
    import('../script-host/transpile'),
    import('../script-host/sdk'),
    import('../script-host/typecheck'),
  ])
  phase('load TypeScript')
  const names = declaredNames()
  const transpiled = transpileScript(file, text, new Set(names.functions))
  phase('transpile')
  if (transpiled.diagnostics.length > 0) {
    const sorted = [...transpiled.diagnostics].sort((a, b) => a.line - b.line || a.column - b.column)
    throw diagnosticError({ ...sorted[0]!, file: path }, sorted.length)
  }
  let warnings: LoadedScript['warnings'] = []
  if (/\.[cm]?ts$/i.test(path)) {
    const diagnostics = checkScript(resolve(path), text, lint)
    phase('type-check')
    const errors = diagnostics.filter((d) => d.severity === 'error')
    if (errors.length > 0) throw diagnosticError({ ...errors[0]!, file: path }, errors.length)
    warnings = diagnostics
      .filter((d) => d.severity === 'warning')
      .map(({ line, column, message }) => ({ line, column, message }))
  }
  cache.put(file, text, { transpiled, declared: names.values, warnings: lint ? warnings : null })
  return { path, text, sha256, transpiled, declared: names.values, warnings, phases, cached: false }
}

/** The --verbose lines of a script's load. */
export function loadPhasesText(script: LoadedScript): string {
  const steps = script.phases.map((p) => `${p.name} ${p.ms.toFixed(0)} ms`).join(', ')
  const compiler = Object.keys(require.cache).some((k) => /[\\/]typescript[\\/]lib[\\/]typescript\.js$/.test(k))
  return `nicbench: script ${script.path}: ${steps}${script.cached ? ' (from the script cache)' : ''}; TypeScript compiler ${compiler ? 'loaded' : 'not loaded'}\n`
}

export interface LoadedScenario {
  path: string | null
  scenario: Scenario
  replay?: CaptureFile
}

export function loadScenario(path: string | undefined): LoadedScenario {
  if (path === undefined) return { path: null, scenario: defaultScenario() }
  const text = readText(path, 'scenario')
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const at = jsonErrorPosition(text, message)
    throw badInput(path, at ? `${at.line}:${at.column}` : '', `not valid JSON: ${jsonErrorReason(message)}`)
  }
  const parsed = parseScenario(json)
  if ('error' in parsed) throw badInput(path, parsed.error.path, parsed.error.message)
  const scenario = parsed.scenario
  if (scenario.wire.kind === 'replay') {
    const capturePath = resolve(dirname(path), scenario.wire.file)
    const bytes = readRegularFile(capturePath, 'capture', MAX_CAPTURE_BYTES, { file: path, place: 'wire.file' })
    let replay: CaptureFile
    try {
      replay = readCapture(bytes, capturePath)
    } catch (error) {
      if (error instanceof CaptureError) throw badInput(error.file, `byte ${error.offset}`, error.detail)
      throw error
    }
    const outOfRange = replayOutOfRange(replay, scenario.wire)
    if (outOfRange) throw badInput(capturePath, `byte ${outOfRange.offset}`, outOfRange.message)
    return { path, scenario, replay }
  }
  return { path, scenario }
}

export function checkFaultSpec(spec: string | undefined): string | null {
  if (spec === undefined) return null
  const parsed = parseLowResourcesSpec(spec)
  if (!parsed.ok) throw badInput('--fault', '', parsed.error)
  return spec
}
