// Runs for the fuzz suite, built as the engine worker builds them (core Run + the script in its sandbox), with each
// script transpiled once: hundreds of short runs fit in the suite's time budget.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Run } from '../../core/engine/run'
import { addNotEmulated } from '../../core/engine/script-scope'
import type { CaptureFile } from '../../core/capture/capture-file'
import { parseScenario } from '../../core/scenario/schema'
import { loadScript } from '../../main/script-host/sandbox'
import { declaredNames } from '../../main/script-host/sdk'
import { transpileScript, type TranspiledScript } from '../../main/script-host/transpile'

export const REFERENCE = readFileSync(join(__dirname, '../../examples/reference-miniport.ts'), 'utf8')

const transpiled = new Map<string, TranspiledScript>()

export function transpiledOnce(text: string, file = 'driver.ts'): TranspiledScript {
  const key = `${file}\n${text}`
  let script = transpiled.get(key)
  if (!script) {
    script = transpileScript(file, text, new Set(declaredNames().functions))
    if (script.diagnostics.length > 0) throw new Error(`${file}: ${script.diagnostics[0]!.message}`)
    transpiled.set(key, script)
  }
  return script
}

/** A run of `text` on `scenario` (JSON, as a scenario file holds it), loaded but not started. */
export function newRun(
  text: string,
  scenario: unknown,
  options: { replay?: CaptureFile; file?: string } = {},
): { run: Run; exports: Record<string, unknown>; script: TranspiledScript } {
  const script = transpiledOnce(text, options.file)
  const parsed = parseScenario(scenario)
  if ('error' in parsed) throw new Error(`scenario: ${parsed.error.path}: ${parsed.error.message}`)
  const siteCell = new Int32Array(1)
  const run = new Run({
    script: { file: options.file ?? 'driver.ts', sha256: '', sites: script.sites },
    scenario: parsed.scenario,
    scenarioFile: null,
    seed: 1,
    verifier: 'full',
    durationNs: parsed.scenario.duration,
    maxFrames: Infinity,
    lowResources: parsed.scenario.faults.lowResources ?? null,
    capture: null,
    siteCell,
    ...(options.replay ? { replay: options.replay } : {}),
  })
  addNotEmulated(run.scope, declaredNames().values, run.miniport)
  return { run, exports: loadScript(script, run.scope, siteCell).exports, script }
}
