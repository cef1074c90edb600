// The whole receive path with the reference miniport, as fast as possible in virtual time: controller → ISR → DPC →
// the script allocates, chains, indicates → the protocol returns → the script recycles. 64-byte frames at 1 Gb/s line
// rate (examples/scenarios/line-rate-64.json). Received frames per second of wall time at verifier off, standard and
// full, each against the bare data path (bench/bare-data-path.ts: only the copies a frame must undergo) measured in
// the same process, round by round; and, as information, against GbE line rate.
// Each level runs in a process of its own, so one level's optimised code never shapes another's, and with the engine
// process's realm closed as it is there (main/script-host/host-realm.ts). As information, two other ways of keeping
// the host's realm from the script are measured the same way at standard: none at all (the realm open), and Hardened
// JavaScript (SES: lockdown() freezes every intrinsic, the script evaluated in a Compartment) — the measurement
// behind the choice ARCHITECTURE.md describes.
// The same path with the Intel 82540EM model and its reference miniport (examples/reference-82540em.ts under
// examples/scenarios/82540em-line-rate-64.json) is measured at standard in a process of its own and printed beside
// the WB-100's figure of the same run.
// `--profile` writes a V8 CPU profile of one run at standard (rx.cpuprofile).
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Session } from 'node:inspector'
import { Run } from '../core/engine/run'
import { addNotEmulated } from '../core/engine/script-scope'
import { parseScenario } from '../core/scenario/schema'
import { declaredNames } from '../main/script-host/sdk'
import { hardenHostRealm } from '../main/script-host/host-realm'
import { loadScript, type LoadedScript } from '../main/script-host/sandbox'
import { SITE_CELL } from '../main/script-host/site-cell'
import { transpileScript } from '../main/script-host/transpile'
import { BareDataPath, bareDataPathFramesPerSecond } from './bare-data-path'
import { FigureOutput } from './figure'

type Level = 'off' | 'standard' | 'full'
/** How the host's realm is kept from the script: as the engine process does it, not at all, or by SES. */
type Realm = 'closed' | 'open' | 'ses'

interface SesGlobals {
  lockdown(options?: object): void
  harden<T>(value: T): T
  Compartment: new (options: object) => { evaluate(code: string): unknown }
}

/** The script evaluated in an SES Compartment, the NDIS API handed in as parameters as loadScript hands it. */
function loadInCompartment(
  script: { code: string },
  bindings: Readonly<Record<string, unknown>>,
  siteCell: Int32Array,
): LoadedScript {
  const ses = globalThis as unknown as SesGlobals
  const names = Object.keys(bindings).filter((n) => n !== SITE_CELL && n !== 'exports')
  for (const name of names) ses.harden(bindings[name])
  const compartment = new ses.Compartment({ __options__: true, globals: {} })
  const body = script.code.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n')
  const fn = compartment.evaluate(`(function (${[SITE_CELL, 'exports', ...names].join(', ')}) {\n${body}\n})`) as (
    ...args: unknown[]
  ) => void
  const exports: Record<string, unknown> = Object.create(null) as Record<string, unknown>
  fn(siteCell, exports, ...names.map((n) => bindings[n]))
  return { exports }
}

let realm: Realm = 'closed'
/** The controller model a child process measures. */
type Model = 'wb100' | '82540em'
let model: Model = 'wb100'

const ROOT = process.cwd()
const LINE_RATE_FPS = 1_488_095
const ROUNDS = 5
const BARE_FRAMES = 2_000_000
const SCRIPTS: Record<Model, string> = { wb100: 'reference-miniport.ts', '82540em': 'reference-82540em.ts' }
const SCENARIOS: Record<Model, string> = { wb100: 'line-rate-64.json', '82540em': '82540em-line-rate-64.json' }
const durationNs = 100_000_000

function oneRun(verifier: Level): { frames: number; seconds: number } {
  const scriptFile = join(ROOT, 'examples', SCRIPTS[model])
  const scenarioFile = join(ROOT, 'examples', 'scenarios', SCENARIOS[model])
  const parsed = parseScenario(JSON.parse(readFileSync(scenarioFile, 'utf8')))
  if ('error' in parsed) throw new Error(`${scenarioFile}: ${parsed.error.path}: ${parsed.error.message}`)
  const script = transpileScript(SCRIPTS[model], readFileSync(scriptFile, 'utf8'), new Set(declaredNames().functions))
  const run = new Run({
    script: { file: script.file, sha256: '', sites: script.sites },
    scenario: parsed.scenario,
    scenarioFile,
    seed: 1,
    verifier,
    durationNs,
    maxFrames: Infinity,
    lowResources: null,
    capture: null,
    traceCapacity: 1024,
  })
  addNotEmulated(run.scope, declaredNames().values, run.miniport)
  const loaded =
    realm === 'ses'
      ? loadInCompartment(script, run.scope, run.sites.cell)
      : loadScript(script, run.scope, run.sites.cell)
  if (!run.start(loaded.exports)) throw new Error(`the miniport did not start: ${JSON.stringify(run.stop)}`)
  const t0 = process.hrtime.bigint()
  run.runToEnd()
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9
  if (run.stop?.reason !== 'duration') throw new Error(`the run stopped early: ${run.stop?.reason}`)
  const findings = run.kernel.verifier.findings
  if (findings.length > 0) throw new Error(`the reference miniport made findings: ${findings[0]!.message}`)
  return { frames: run.receivedFrames, seconds }
}

interface LevelResult {
  level: Level
  realm: Realm
  model: Model
  frames: number
  fps: number
  bareFps: number
  /** What the bare path's protocol read, so its copies cannot be optimised away. */
  bareSink: number
}

/** In a child process: one level, taking turns with the bare data path round by round; best round of each. */
function measureLevel(level: Level): LevelResult {
  const bare = new BareDataPath()
  bareDataPathFramesPerSecond(bare, BARE_FRAMES / 4) // warm-up
  oneRun(level)
  let fps = 0
  let frames = 0
  let bareFps = 0
  for (let i = 0; i < ROUNDS; i++) {
    bareFps = Math.max(bareFps, bareDataPathFramesPerSecond(bare, BARE_FRAMES))
    const r = oneRun(level)
    if (r.frames / r.seconds > fps) {
      fps = r.frames / r.seconds
      frames = r.frames
    }
  }
  return { level, realm, model, frames, fps, bareFps, bareSink: bare.sink }
}

async function profiled<T>(fn: () => T): Promise<T> {
  const session = new Session()
  session.connect()
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))),
    )
  await post('Profiler.enable')
  await post('Profiler.start')
  const result = fn()
  const { profile } = (await post('Profiler.stop')) as { profile: unknown }
  writeFileSync('rx.cpuprofile', JSON.stringify(profile))
  session.disconnect()
  return result
}

async function main(): Promise<void> {
  const child = process.argv.find((a) => a.startsWith('--level='))
  if (child) {
    realm = (process.argv.find((a) => a.startsWith('--realm='))?.slice(8) ?? 'closed') as Realm
    model = (process.argv.find((a) => a.startsWith('--model='))?.slice(8) ?? 'wb100') as Model
    if (realm === 'closed') hardenHostRealm()
    if (realm === 'ses') {
      await import('ses')
      ;(globalThis as unknown as SesGlobals).lockdown({ errorTaming: 'unsafe', consoleTaming: 'unsafe' })
    }
    process.stdout.write(JSON.stringify(measureLevel(child.slice(8) as Level)) + '\n')
    return
  }
  const out = new FigureOutput('rx')
  out.text(`Node ${process.version}; 64-byte frames, ${durationNs / 1e6} ms virtual per run, best of ${ROUNDS} rounds`)
  const measure = (level: Level, how: Realm, which: Model = 'wb100'): LevelResult => {
    const r = spawnSync(
      process.execPath,
      [...process.execArgv, process.argv[1]!, `--level=${level}`, `--realm=${how}`, `--model=${which}`],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    if (r.status !== 0) throw new Error(`the ${level} run (realm ${how}, ${which}) failed (exit ${r.status})`)
    return JSON.parse(r.stdout) as LevelResult
  }
  const results = (['off', 'standard', 'full'] as const).map((level) => measure(level, 'closed'))
  const e1000 = measure('standard', 'closed', '82540em')
  const realms = process.argv.includes('--quick')
    ? []
    : (['open', 'ses'] as const).map((how) => measure('standard', how))
  for (const r of results) {
    out.figure(
      `whole receive path, verifier ${r.level}`,
      r.fps,
      'frames/s',
      { name: 'the bare data path', value: r.bareFps, unit: 'frames/s' },
      r.level === 'standard' ? { ratio: { min: 0.4 } } : null,
    )
  }
  const standard = results.find((r) => r.level === 'standard')!
  out.figure('whole receive path, verifier standard, against line rate', standard.fps, 'frames/s', {
    name: 'GbE line rate of 64-byte frames',
    value: LINE_RATE_FPS,
    unit: 'frames/s',
  })
  out.figure('whole receive path, Intel 82540EM, verifier standard', e1000.fps, 'frames/s', {
    name: 'the WB-100 receive path, verifier standard',
    value: standard.fps,
    unit: 'frames/s',
  })
  for (const r of realms) {
    out.figure(
      r.realm === 'open'
        ? 'whole receive path, verifier standard, host realm left open (information)'
        : 'whole receive path, verifier standard, SES lockdown and Compartment (information)',
      r.fps,
      'frames/s',
      { name: 'the bare data path', value: r.bareFps, unit: 'frames/s' },
    )
  }
  if (process.argv.includes('--profile')) {
    await profiled(() => oneRun('standard'))
    out.text('CPU profile written to rx.cpuprofile (open it in Chrome DevTools or speedscope)')
  }
}

void main()
