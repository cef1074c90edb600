// What the workbench hands a run as text (the editor's script and scenario), checked the way `nicbench run` checks
// files (cli.md): syntax and imports, types against the SDK, scenario JSON and schema. Every problem is a Diagnostic
// with a line and column; the run starts only without errors.
import { jsonErrorPosition, jsonErrorReason } from '../../core/scenario/json-position'
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Diagnostic, ExampleFile, StartRunRequest } from '../../core/api/workbench-api'
import { MAX_INPUT_CHARS, type EngineRunInput } from '../../core/api/engine-protocol'
import { parseScenario, type Scenario } from '../../core/scenario/schema'
import { parseLowResourcesSpec } from '../../core/verifier/low-resources'
import { productRoot } from '../paths'
import { declaredNames } from '../script-host/sdk'
import { transpileScript, type TranspiledScript } from '../script-host/transpile'
import { typeCheckScript } from '../script-host/typecheck'
import type { CaptureFile } from '../../core/capture/capture-file'
import { exampleCaptureNames, replayCapture } from './session-capture'
import { replayScenarioText } from '../../core/scenario/replay-text'

export { MAX_INPUT_CHARS }
/** Scenario file name shown in its diagnostics. */
export const SCENARIO_FILE = 'scenario.json'
/** Interactive runs last until stopped unless the scenario names a duration. */
export const UNBOUNDED_NS = Number.MAX_SAFE_INTEGER
/** Where the type checker sees the script (a virtual path; the text never touches the disk). */
const VIRTUAL_DIR = '/workbench-script'

function error(file: string, line: number, column: number, message: string): Diagnostic {
  return { file, line, column, message, severity: 'error' }
}

function isScriptName(fileName: string): boolean {
  return /^[^/\\]{1,200}\.(ts|js|mts|mjs|cts|cjs)$/i.test(fileName)
}

/** Syntax, imports and (for TypeScript) types; the script is transpiled once and returned when clean. */
export function checkScriptText(
  fileName: string,
  text: string,
  typeCheck = true,
): { diagnostics: Diagnostic[]; script: TranspiledScript | null } {
  if (!isScriptName(fileName)) {
    return { diagnostics: [error(fileName, 1, 1, 'a miniport script is a .ts or .js file')], script: null }
  }
  if (text.length > MAX_INPUT_CHARS) {
    return {
      diagnostics: [error(fileName, 1, 1, `the script is larger than ${MAX_INPUT_CHARS} characters`)],
      script: null,
    }
  }
  const script = transpileScript(fileName, text, new Set(declaredNames().functions))
  const syntax = script.diagnostics.map((d) => error(fileName, d.line, d.column, d.message))
  if (syntax.length > 0) return { diagnostics: sortDiagnostics(syntax), script: null }
  if (typeCheck && /\.[cm]?ts$/i.test(fileName)) {
    const types = typeCheckScript(`${VIRTUAL_DIR}/${fileName}`, text).map((d) =>
      error(fileName, d.line, d.column, d.message),
    )
    if (types.length > 0) return { diagnostics: types, script: null }
  }
  return { diagnostics: [], script }
}

function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort((a, b) => a.line - b.line || a.column - b.column)
}

/** Scenario JSON text; empty text is the default scenario. */
export function parseScenarioText(
  text: string,
): { scenario: Scenario; hasDuration: boolean } | { diagnostics: Diagnostic[] } {
  if (text.length > MAX_INPUT_CHARS) {
    return { diagnostics: [error(SCENARIO_FILE, 1, 1, `the scenario is larger than ${MAX_INPUT_CHARS} characters`)] }
  }
  let json: unknown = {}
  if (text.trim() !== '') {
    try {
      json = JSON.parse(text)
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e)
      const { line, column } = jsonErrorPosition(text, message) ?? { line: 1, column: 1 }
      return { diagnostics: [error(SCENARIO_FILE, line, column, `not valid JSON: ${jsonErrorReason(message)}`)] }
    }
  }
  const parsed = parseScenario(json)
  if ('error' in parsed) {
    return { diagnostics: [error(SCENARIO_FILE, 1, 1, `${parsed.error.path}: ${parsed.error.message}`)] }
  }
  const lowResources = parsed.scenario.faults.lowResources
  if (lowResources !== undefined) {
    const spec = parseLowResourcesSpec(lowResources)
    if (!spec.ok) return { diagnostics: [error(SCENARIO_FILE, 1, 1, `faults.lowResources: ${spec.error}`)] }
  }
  const hasDuration = typeof json === 'object' && json !== null && 'duration' in json
  return { scenario: parsed.scenario, hasDuration }
}

/** The line of the scenario text that names the capture (where a diagnostic about it points), else 1. */
function lineOfWireFile(text: string): number {
  const index = text.search(/"file"\s*:/)
  return index < 0 ? 1 : text.slice(0, index).split('\n').length
}

/** Everything a run needs from a start request, or the diagnostics that keep it from starting. */
export function prepareRun(request: StartRunRequest): { run: EngineRunInput } | { diagnostics: Diagnostic[] } {
  const checked = checkScriptText(request.fileName, request.scriptText)
  const scenario = parseScenarioText(request.scenarioText)
  const diagnostics = [...checked.diagnostics, ...('diagnostics' in scenario ? scenario.diagnostics : [])]
  if (diagnostics.length > 0 || !checked.script || 'diagnostics' in scenario) return { diagnostics }
  const wire = scenario.scenario.wire
  let replay: CaptureFile | undefined
  if (wire.kind === 'replay') {
    const found = replayCapture(wire, request.capture)
    if ('error' in found) {
      return { diagnostics: [error(SCENARIO_FILE, lineOfWireFile(request.scenarioText), 1, found.error)] }
    }
    replay = found.capture
  }
  return {
    run: {
      script: {
        file: checked.script.file,
        code: checked.script.code,
        map: checked.script.map,
        sites: checked.script.sites,
      },
      declared: declaredNames().values,
      config: {
        script: {
          file: request.fileName,
          sha256: createHash('sha256').update(request.scriptText).digest('hex'),
          sites: checked.script.sites,
        },
        scenario: scenario.scenario,
        scenarioFile: request.scenarioText.trim() === '' ? null : SCENARIO_FILE,
        seed: request.seed,
        verifier: request.verifier,
        durationNs: scenario.hasDuration ? scenario.scenario.duration : UNBOUNDED_NS,
        maxFrames: Infinity,
        lowResources: scenario.scenario.faults.lowResources ?? null,
        capture: null,
        traceCapacity: 65536,
        traceApiCalls: true,
        ...(replay ? { replay } : {}),
      },
    },
  }
}

function titleOf(name: string, text: string): string {
  if (name.endsWith('.json')) {
    try {
      const json = JSON.parse(text) as { name?: unknown; description?: unknown }
      if (typeof json.description === 'string') return json.description.split('\n')[0]!
      if (typeof json.name === 'string') return json.name
    } catch {
      // shown by its name
    }
    return name
  }
  const first = /^\s*\/\/\s*(.+)$/m.exec(text)
  return first ? first[1]!.trim() : name
}

/** The examples shipped in examples/ (scripts, scenarios, captures), by relative name. */
export function listExampleFiles(root = join(productRoot(), 'examples')): ExampleFile[] {
  const out: ExampleFile[] = []
  const visit = (dir: string, prefix: string, depth: number) => {
    let names: string[]
    try {
      names = readdirSync(dir).sort()
    } catch {
      return
    }
    for (const name of names) {
      const path = join(dir, name)
      const st = statSync(path)
      if (st.isDirectory() && depth < 2) visit(path, `${prefix}${name}/`, depth + 1)
      else if (st.isFile() && /\.(ts|js|json)$/.test(name) && st.size <= 1024 * 1024) {
        const text = readFileSync(path, 'utf8')
        out.push({ name: prefix + name, title: titleOf(name, text), text })
      }
    }
  }
  visit(root, '', 0)
  // Each example capture, offered as the replay scenario that plays it (the editor opens it as a scenario).
  for (const name of exampleCaptureNames(join(root, 'captures'))) {
    const text = replayScenarioText(name, `examples/captures/${name}`)
    out.push({ name: `captures/${name}`, title: `replay of ${name}`, text })
  }
  return out
}
