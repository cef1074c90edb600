// `nicbench run <script> [options]` (cli.md): load, run the scenario in the engine process, print a summary, write
// the artifacts, exit 0 (clean), 1 (findings or a bug check), 2 (bad input) or 3 (internal error).
import { writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { junitXml } from '../../core/report/junit'
import type { RunReport } from '../../core/report/report'
import { parseDuration, formatDuration, formatDurationShort } from '../../core/scenario/duration'
import { RULES } from '../../core/verifier/catalogue'
import type { VerifierLevelName } from '../../core/verifier/level'
import { W_PACKETS_IN_USE, W_RX_FRAMES, W_TIME_NS } from '../../core/api/engine-protocol'
import { runFailed } from '../../core/engine/stop-cause'
import { superviseRun } from '../engine/supervisor'
import { badInput } from './bad-input'
import { checkFaultSpec, loadPhasesText, loadScenario, loadScript } from './load-inputs'
import { summaryText } from './summary'

export interface RunOptions {
  scenario?: string
  seed?: string
  duration?: string
  frames?: string
  realtime?: boolean
  verifier?: string
  fault?: string
  report?: string
  junit?: string
  pcap?: string
  trace?: string
  watchdog?: string
  memory?: string
  quiet?: boolean
  progress?: boolean
  verbose?: boolean
}

function parseLimit(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined
  const n = Number(text)
  if (!/^\d+$/.test(text) || n < min || n > max)
    throw badInput(name, '', `"${text}" is not a whole number from ${min} to ${max}`)
  return n
}

export interface RunOutput {
  exitCode: number
  report: RunReport | null
}

function parseSeed(text: string | undefined, fallback: number | undefined): number {
  if (text === undefined) return fallback ?? 1
  const n = Number(text)
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n > 0xffffffff) {
    throw badInput('--seed', '', `"${text}" is not a seed (an integer 0–4294967295)`)
  }
  return n
}

export { runFailed }

function progressLine(timeNs: number, durationNs: number, frames: number, packets: number): string {
  const width = 24
  const done = Math.min(width, Math.round((timeNs / Math.max(durationNs, 1)) * width))
  return `\r[${'#'.repeat(done)}${'.'.repeat(width - done)}] ${formatDurationShort(timeNs)} / ${formatDuration(durationNs)}  frames ${frames}  packets in use ${packets}`
}

export async function runCommand(scriptPath: string, options: RunOptions): Promise<RunOutput> {
  const verifier = (options.verifier ?? 'standard') as VerifierLevelName
  if (!['off', 'standard', 'full'].includes(verifier)) {
    throw badInput('--verifier', '', `"${options.verifier}" is not a level (off, standard, full)`)
  }
  const started = performance.now()
  const script = await loadScript(scriptPath)
  if (options.verbose) process.stderr.write(loadPhasesText(script))
  let mark = performance.now()
  const scenario = loadScenario(options.scenario)
  const seed = parseSeed(options.seed, scenario.scenario.seed)
  let durationNs = scenario.scenario.duration
  if (options.duration !== undefined) {
    const parsed = parseDuration(options.duration)
    if ('error' in parsed) throw badInput('--duration', '', parsed.error)
    durationNs = parsed.ns
  }
  let maxFrames = Infinity
  if (options.frames !== undefined) {
    if (!/^\d+$/.test(options.frames) || Number(options.frames) < 1) {
      throw badInput('--frames', '', `"${options.frames}" is not a number of frames (1 or more)`)
    }
    maxFrames = Number(options.frames)
    if (options.duration === undefined) durationNs = Number.MAX_SAFE_INTEGER
  }
  const lowResources = checkFaultSpec(options.fault ?? scenario.scenario.faults.lowResources)
  const handlerBudgetMs = parseLimit('--watchdog', options.watchdog, 10, 3_600_000)
  const memoryMb = parseLimit('--memory', options.memory, 32, 16_384)
  const capture = options.pcap ? (/\.pcap$/i.test(options.pcap) ? 'pcap' : 'pcapng') : null
  const showProgress = options.progress !== false && !options.quiet && process.stderr.isTTY === true
  if (options.verbose) {
    process.stderr.write(`nicbench: scenario and options ${(performance.now() - mark).toFixed(0)} ms\n`)
    mark = performance.now()
  }
  const outcome = await superviseRun(
    {
      input: {
        script: script.transpiled,
        declared: script.declared,
        config: {
          script: { file: basename(scriptPath), sha256: script.sha256, sites: script.transpiled.sites },
          scenario: scenario.scenario,
          scenarioFile: scenario.path,
          seed,
          verifier:
            scenario.scenario.verifier && options.verifier === undefined ? scenario.scenario.verifier : verifier,
          durationNs,
          maxFrames,
          lowResources,
          ...(scenario.replay ? { replay: scenario.replay } : {}),
          capture,
          traceCapacity: options.trace ? 1 << 20 : 65536,
          traceApiCalls: options.trace !== undefined,
        },
      },
      trace: options.trace !== undefined,
      realtime: options.realtime === true,
    },
    {
      onProgress: showProgress
        ? (r) => process.stderr.write(progressLine(r[W_TIME_NS]!, durationNs, r[W_RX_FRAMES]!, r[W_PACKETS_IN_USE]!))
        : undefined,
      progressIntervalMs: 100,
      ...(handlerBudgetMs !== undefined ? { handlerBudgetMs } : {}),
      ...(memoryMb !== undefined ? { memoryMb } : {}),
    },
  )
  if (showProgress) process.stderr.write('\r\x1b[K')
  if (options.verbose) {
    const now = performance.now()
    process.stderr.write(
      `nicbench: engine process (start, load, run, report) ${(now - mark).toFixed(0)} ms; total ${(now - started).toFixed(0)} ms\n`,
    )
  }
  const report = outcome.report
  if (report.stopReason === 'internal-error') {
    process.stderr.write(
      `nicbench: internal error of the workbench: ${report.error?.message}\n${report.error?.stack}\n`,
    )
    return { exitCode: 3, report: null }
  }
  const failed = runFailed(report)
  const json = JSON.stringify(report, null, 2) + '\n'
  if (options.report === '-') process.stdout.write(json)
  else if (options.report) writeFileSync(options.report, json)
  if (options.junit) writeFileSync(options.junit, junitXml(report, RULES))
  if (options.pcap && outcome.capture) writeFileSync(options.pcap, outcome.capture)
  if (options.trace && outcome.trace) writeFileSync(options.trace, outcome.trace)
  if (!options.quiet) {
    const text = summaryText(report, failed)
    if (options.report === '-') process.stderr.write(text)
    else process.stdout.write(text)
  }
  // Counters that do not add up are the workbench's bug (cli.md exit 3), whatever the script did.
  return { exitCode: report.workbenchBugs ? 3 : failed ? 1 : 0, report }
}
