// `nicbench test <script>` (docs/cli.md, "test"): the conformance and fault suites. Every case is one run of the
// miniport in an engine process of its own (core/conformance has the cases and the verdicts), several at a time;
// `--shard i/n` runs every nth case, and `nicbench merge` joins the shards' reports into the whole run's.
import { writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { basename } from 'node:path'
import type { RunReport } from '../../core/report/report'
import { parseScenario } from '../../core/scenario/schema'
import { parseDuration } from '../../core/scenario/duration'
import { faultBaselineCase, faultCases, staticCases } from '../../core/conformance/suites'
import {
  caseResult,
  inShard,
  parseShard,
  suiteJunit,
  suiteReport,
  type CaseResult,
} from '../../core/conformance/suite-report'
import { SUITE_NAMES, type SuiteName, type TestCase } from '../../core/conformance/test-case'
import { verdict } from '../../core/conformance/verdict'
import { CONTROLLER_MODELS, type ControllerModel } from '../../core/controller/device'
import type { VerifierLevelName } from '../../core/verifier/level'
import { superviseRun } from '../engine/supervisor'
import { badInput } from './bad-input'
import { checkFaultSpec, loadScript, type LoadedScript } from './load-inputs'

export interface TestOptions {
  suite?: string
  shard?: string
  report?: string
  junit?: string
  seed?: string
  verifier?: string
  stressDuration?: string
  faultNth?: string
  jobs?: string
  quiet?: boolean
  controller?: string
}

function parseSuites(text: string | undefined): SuiteName[] {
  if (text === undefined || text === 'all') return [...SUITE_NAMES]
  const names = text.split(',').map((s) => s.trim())
  for (const n of names)
    if (!(SUITE_NAMES as readonly string[]).includes(n))
      throw badInput('--suite', '', `"${n}" is not a suite (all, ${SUITE_NAMES.join(', ')})`)
  // In the catalogue's order, once each: the case list must not depend on how the suites were spelled.
  return SUITE_NAMES.filter((s) => names.includes(s))
}

function wholeNumber(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback
  const n = Number(text)
  if (!/^\d+$/.test(text) || n < min || n > max)
    throw badInput(name, '', `"${text}" is not a whole number from ${min} to ${max}`)
  return n
}

interface Common {
  script: LoadedScript
  seed: number
  verifier: VerifierLevelName
  /** The controller model every case runs on (`--controller`). */
  controller: ControllerModel
}

async function runCase(c: TestCase, common: Common): Promise<RunReport> {
  const parsed = parseScenario({ ...c.scenario, controller: { ...c.scenario.controller, model: common.controller } })
  if ('error' in parsed)
    throw new Error(`case ${c.id}: its scenario is invalid: ${parsed.error.path}: ${parsed.error.message}`)
  const scenario = parsed.scenario
  const { script } = common
  const done = await superviseRun({
    input: {
      script: script.transpiled,
      declared: script.declared,
      config: {
        script: { file: basename(script.path), sha256: script.sha256, sites: script.transpiled.sites },
        scenario,
        scenarioFile: null,
        seed: common.seed,
        verifier: common.verifier,
        durationNs: scenario.duration,
        maxFrames: Infinity,
        lowResources: checkFaultSpec(c.fault ?? undefined),
        ...(c.allocationSites ? { allocationSites: true } : {}),
        capture: null,
      },
    },
    trace: false,
    realtime: false,
  })
  return done.report
}

/** Runs `cases` at most `jobs` at a time; results in the order given. */
async function runAll(
  cases: readonly { index: number; c: TestCase }[],
  common: Common,
  jobs: number,
  onDone: (r: CaseResult) => void,
): Promise<CaseResult[]> {
  const results: CaseResult[] = new Array(cases.length)
  let next = 0
  const worker = async () => {
    while (next < cases.length) {
      const i = next++
      const { index, c } = cases[i]!
      const report = await runCase(c, common)
      results[i] = caseResult(index, c, report, verdict(c, report))
      onDone(results[i]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(jobs, cases.length) }, worker))
  return results
}

export async function testCommand(scriptPath: string, options: TestOptions): Promise<number> {
  const suites = parseSuites(options.suite)
  let shard: { index: number; count: number } | null = null
  if (options.shard !== undefined) {
    const parsed = parseShard(options.shard)
    if ('error' in parsed) throw badInput('--shard', '', parsed.error)
    shard = parsed
  }
  const verifier = (options.verifier ?? 'standard') as VerifierLevelName
  if (!['off', 'standard', 'full'].includes(verifier))
    throw badInput('--verifier', '', `"${options.verifier}" is not a level (off, standard, full)`)
  let stressMs = 20
  if (options.stressDuration !== undefined) {
    const d = parseDuration(options.stressDuration)
    if ('error' in d) throw badInput('--stress-duration', '', d.error)
    stressMs = Math.max(1, Math.round(d.ns / 1e6))
  }
  const seed = wholeNumber('--seed', options.seed, 1, 0, 0xffffffff)
  const nth = options.faultNth === 'all' ? 'all' : wholeNumber('--fault-nth', options.faultNth, 2, 1, 1_000_000)
  const jobs = wholeNumber('--jobs', options.jobs, Math.min(4, availableParallelism()), 1, 64)
  const script = await loadScript(scriptPath)
  const controller = options.controller ?? 'wb100'
  if (!(CONTROLLER_MODELS as readonly string[]).includes(controller))
    throw badInput('--controller', '', `"${controller}" is not a controller model (${CONTROLLER_MODELS.join(', ')})`)
  const common: Common = { script, seed, verifier, controller: controller as ControllerModel }
  // With the JSON report on stdout, the lines for people go to stderr.
  const say = (line: string) => {
    if (!options.quiet) (options.report === '-' ? process.stderr : process.stdout).write(line + '\n')
  }
  const printCase = (r: CaseResult) => {
    say(`${r.status === 'pass' ? 'PASS' : 'FAIL'}  ${r.id}  ${r.title}`)
    for (const f of r.failures) say(`        ${f}`)
  }

  // The whole list, the same in every shard: the static suites, then the fault sweep, whose cases come from its
  // clean run (every shard makes that run; only the shard the clean run's index falls in reports it).
  const list: TestCase[] = staticCases(
    suites.filter((s) => s !== 'fault'),
    { stressMs },
  )
  let baseline: CaseResult | null = null
  if (suites.includes('fault')) {
    const clean = faultBaselineCase()
    const report = await runCase(clean, common)
    const index = list.length
    baseline = caseResult(index, clean, report, verdict(clean, report))
    list.push(clean, ...faultCases(report.allocationSites ?? [], nth))
  }
  const mine = list.map((c, index) => ({ index, c })).filter(({ index }) => inShard(index, shard))
  const fromBaseline = baseline && mine.some((m) => m.index === baseline.index) ? [baseline] : []
  if (fromBaseline.length > 0) printCase(baseline!)
  const results = await runAll(
    mine.filter((m) => m.index !== baseline?.index),
    common,
    jobs,
    printCase,
  )
  const report = suiteReport(
    {
      version: 1,
      script: { file: basename(scriptPath), sha256: script.sha256 },
      suites,
      seed,
      verifier,
      totalCases: list.length,
      shard,
    },
    [...fromBaseline, ...results],
  )
  say(
    `${report.failed === 0 ? 'PASS' : 'FAIL'}  ${report.script.file}: ${report.passed} of ${report.cases.length} case(s) passed` +
      (shard ? ` (shard ${shard.index}/${shard.count} of ${list.length} cases)` : ''),
  )
  const json = JSON.stringify(report, null, 2) + '\n'
  if (options.report === '-') process.stdout.write(json)
  else if (options.report) writeFileSync(options.report, json)
  if (options.junit) writeFileSync(options.junit, suiteJunit(report))
  return report.failed === 0 ? 0 : 1
}
