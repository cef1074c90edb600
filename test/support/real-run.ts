// A real run of a miniport script for the inspection tests: transpiled and loaded as the engine process does.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Run } from '../../core/engine/run'
import { addNotEmulated } from '../../core/engine/script-scope'
import { defaultScenario, parseScenario, type Scenario } from '../../core/scenario/schema'
import type { VerifierLevelName } from '../../core/verifier/level'
import { loadScript } from '../../main/script-host/sandbox'
import { declaredNames } from '../../main/script-host/sdk'
import { transpileScript } from '../../main/script-host/transpile'

export const REFERENCE = readFileSync(join(__dirname, '../../examples/reference-miniport.ts'), 'utf8')

export function startRun(
  text = REFERENCE,
  options: { verifier?: VerifierLevelName; scenario?: unknown; file?: string } = {},
): Run {
  const file = options.file ?? 'driver.ts'
  const script = transpileScript(file, text, new Set(declaredNames().functions))
  if (script.diagnostics.length > 0) throw new Error(script.diagnostics[0]!.message)
  let scenario: Scenario = defaultScenario()
  if (options.scenario !== undefined) {
    const parsed = parseScenario(options.scenario)
    if ('error' in parsed) throw new Error(parsed.error.message)
    scenario = parsed.scenario
  }
  const siteCell = new Int32Array(1)
  const run = new Run({
    script: { file, sha256: '', sites: script.sites },
    scenario,
    scenarioFile: null,
    seed: 1,
    verifier: options.verifier ?? 'full',
    durationNs: scenario.duration,
    maxFrames: Infinity,
    lowResources: null,
    capture: null,
    siteCell,
  })
  addNotEmulated(run.scope, declaredNames().values, run.miniport)
  const loaded = loadScript(script, run.scope, siteCell)
  run.start(loaded.exports)
  return run
}
