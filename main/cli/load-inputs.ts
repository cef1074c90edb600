// Reads and validates what `nicbench run` and `nicbench check` are given: the script (syntax, imports, types against
// the SDK), the scenario (JSON and its schema), a replay capture, the fault spec. Every problem is a BadInput.
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'
import { readCapture } from '../../core/capture/capture-reader'
import { CaptureError } from '../../core/capture/capture-error'
import type { CaptureFile } from '../../core/capture/capture-file'
import { defaultScenario, parseScenario, type Scenario } from '../../core/scenario/schema'
import { parseLowResourcesSpec } from '../../core/verifier/low-resources'
import { declaredNames } from '../script-host/sdk'
import { transpileScript, type ScriptDiagnostic, type TranspiledScript } from '../script-host/transpile'
import { typeCheckScript } from '../script-host/typecheck'
import { badInput, firstLine } from './bad-input'
import { jsonErrorPosition, jsonErrorReason } from '../../core/scenario/json-position'

/** Larger scripts or scenarios than this are refused before they are read (a driver is far smaller). */
const MAX_INPUT_BYTES = 16 * 1024 * 1024

function readText(path: string, what: string): string {
  let size: number
  try {
    const st = statSync(path)
    if (!st.isFile()) throw badInput(path, '', `${what} is not a file`)
    size = st.size
  } catch (error) {
    if (error instanceof Error && error.name === 'BadInput') throw error
    throw badInput(path, '', `cannot read the ${what}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
  }
  if (size > MAX_INPUT_BYTES) throw badInput(path, '', `the ${what} is ${size} bytes (at most ${MAX_INPUT_BYTES})`)
  const bytes = readFileSync(path)
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
}

/** Transpiles and type-checks; the first diagnostic is the BadInput. */
export function loadScript(path: string, typeCheck = true): LoadedScript {
  if (!/\.(ts|js|mts|mjs|cts|cjs)$/i.test(path)) {
    throw badInput(path, '', 'a miniport script is a .ts or .js file')
  }
  const text = readText(path, 'script')
  const file = basename(path)
  const transpiled = transpileScript(file, text, new Set(declaredNames().functions))
  if (transpiled.diagnostics.length > 0) {
    const sorted = [...transpiled.diagnostics].sort((a, b) => a.line - b.line || a.column - b.column)
    throw diagnosticError({ ...sorted[0]!, file: path }, sorted.length)
  }
  if (typeCheck && /\.[cm]?ts$/i.test(path)) {
    const diagnostics = typeCheckScript(resolve(path), text)
    if (diagnostics.length > 0) throw diagnosticError({ ...diagnostics[0]!, file: path }, diagnostics.length)
  }
  return { path, text, sha256: createHash('sha256').update(text).digest('hex'), transpiled }
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
    let bytes: Uint8Array
    try {
      bytes = readFileSync(capturePath)
    } catch (error) {
      throw badInput(
        path,
        'wire.file',
        `cannot read the capture ${capturePath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      )
    }
    try {
      return { path, scenario, replay: readCapture(bytes, capturePath) }
    } catch (error) {
      if (error instanceof CaptureError) throw badInput(error.file, `byte ${error.offset}`, error.detail)
      throw error
    }
  }
  return { path, scenario }
}

export function checkFaultSpec(spec: string | undefined): string | null {
  if (spec === undefined) return null
  const parsed = parseLowResourcesSpec(spec)
  if (!parsed.ok) throw badInput('--fault', '', parsed.error)
  return spec
}
