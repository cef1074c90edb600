// `nicbench advise <script>` (docs/cli.md, "advise"): the pool-sizing advisor. For the scenario, the smallest number
// of descriptors the driver's packet pools (and, separately, its buffer pools) need for a run as good as with the
// pools as asked for: no more RESOURCES indications, no more frames dropped for want of buffers, as many indicated,
// and the same end. (A driver that allocates every descriptor at start sees allocations beyond the grant fail; that
// is its way of learning the pool's size, not a shortage.) Found by a binary search over deterministic runs in which NDIS grants each pool the driver creates at most N
// descriptors; printed with the margin the driver's own size leaves.
import { writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import type { RunReport } from '../../core/report/report'
import type { VerifierLevelName } from '../../core/verifier/level'
import { superviseRun } from '../engine/supervisor'
import { badInput } from './bad-input'
import { loadScenario, loadScript, type LoadedScenario, type LoadedScript } from './load-inputs'

export interface AdviseOptions {
  scenario?: string
  seed?: string
  verifier?: string
  report?: string
}

type PoolKind = 'packet' | 'buffer'

interface Inputs {
  script: LoadedScript
  scenario: LoadedScenario
  seed: number
  verifier: VerifierLevelName
}

async function runWithCap(inputs: Inputs, kind: PoolKind | null, cap: number): Promise<RunReport> {
  const { script, scenario } = inputs
  const done = await superviseRun({
    input: {
      script: script.transpiled,
      declared: script.declared,
      config: {
        script: { file: basename(script.path), sha256: script.sha256, sites: script.transpiled.sites },
        scenario: scenario.scenario,
        scenarioFile: scenario.path,
        seed: inputs.seed,
        verifier: inputs.verifier,
        durationNs: scenario.scenario.duration,
        maxFrames: Infinity,
        lowResources: scenario.scenario.faults.lowResources ?? null,
        ...(scenario.replay ? { replay: scenario.replay } : {}),
        ...(kind ? { poolCap: { [kind]: cap } } : {}),
        capture: null,
      },
    },
    trace: false,
    realtime: false,
  })
  return done.report
}

const driverPools = (r: RunReport, kind: PoolKind) => r.pools.filter((p) => p.kind === kind && p.createdAt.line > 0)

/** Why a run is not as good as the run with the pools as the driver asked for them; empty when it is. */
function shortfall(r: RunReport, kind: PoolKind, base: RunReport): string[] {
  const out: string[] = []
  if (r.bugcheck) out.push(`bug check ${r.bugcheck.code}`)
  if (r.stopReason !== base.stopReason) out.push(`stopped by ${r.stopReason}`)
  if (r.findings.some((f) => f.severity === 'error')) out.push('error findings')
  if (r.protocol.copiedOnResources > base.protocol.copiedOnResources)
    out.push(`${r.protocol.copiedOnResources} RESOURCES indication(s)`)
  const dropped = r.nic.rxNoBuffer + r.nic.rxMissed
  if (dropped > base.nic.rxNoBuffer + base.nic.rxMissed) out.push(`${dropped} frame(s) dropped for want of buffers`)
  if (r.protocol.indicated < base.protocol.indicated) out.push(`${r.protocol.indicated} frame(s) indicated`)
  return out
}

interface Advice {
  kind: PoolKind
  /** The most descriptors one of the driver's pools of this kind asked for. */
  asked: number
  /** The fewest with which the run is as good as with `asked`; null when the driver made no such pool. */
  needed: number | null
  /** What goes wrong with one descriptor fewer. */
  withOneFewer: string[]
}

async function advise(inputs: Inputs, kind: PoolKind, base: RunReport): Promise<Advice> {
  const asked = Math.max(0, ...driverPools(base, kind).map((p) => p.numberOfDescriptors))
  if (asked === 0) return { kind, asked, needed: null, withOneFewer: [] }
  // Smallest cap in [1, asked] whose run is as good as the base run (more descriptors never make it worse).
  let lo = 1
  let hi = asked
  let below: string[] = []
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const problems = shortfall(await runWithCap(inputs, kind, mid), kind, base)
    if (problems.length === 0) hi = mid
    else {
      lo = mid + 1
      below = problems
    }
  }
  if (lo > 1 && below.length === 0) below = shortfall(await runWithCap(inputs, kind, lo - 1), kind, base)
  return { kind, asked, needed: lo, withOneFewer: lo > 1 ? below : [] }
}

export async function adviseCommand(scriptPath: string, options: AdviseOptions): Promise<number> {
  const verifier = (options.verifier ?? 'standard') as VerifierLevelName
  if (!['off', 'standard', 'full'].includes(verifier))
    throw badInput('--verifier', '', `"${options.verifier}" is not a level (off, standard, full)`)
  if (options.seed !== undefined && (!/^\d+$/.test(options.seed) || Number(options.seed) > 0xffffffff))
    throw badInput('--seed', '', `"${options.seed}" is not a seed (an integer 0–4294967295)`)
  const script = await loadScript(scriptPath)
  const scenario = loadScenario(options.scenario)
  const inputs: Inputs = {
    script,
    scenario,
    seed: options.seed !== undefined ? Number(options.seed) : (scenario.scenario.seed ?? 1),
    verifier,
  }
  const base = await runWithCap(inputs, null, 0)
  const say = (line: string) => (options.report === '-' ? process.stderr : process.stdout).write(line + '\n')
  if (base.bugcheck || base.error || base.stopReason === 'init-failed') {
    say(`${basename(scriptPath)}: the run as configured does not get far enough to size pools (${base.stopReason})`)
    return 1
  }
  const advice = [await advise(inputs, 'packet', base), await advise(inputs, 'buffer', base)]
  for (const a of advice) {
    if (a.needed === null) {
      say(`${a.kind} pools: the driver creates none`)
      continue
    }
    const margin = a.asked - a.needed
    say(
      `${a.kind} pools: the driver asks for ${a.asked} descriptors; this scenario needs ${a.needed} ` +
        `(margin ${margin}, ${Math.round((100 * margin) / a.asked)}%)` +
        (a.withOneFewer.length > 0 ? `; with ${a.needed - 1}: ${a.withOneFewer.join(', ')}` : ''),
    )
  }
  const json = JSON.stringify({ version: 1, script: basename(scriptPath), scenario: base.scenario, advice }, null, 2)
  if (options.report === '-') process.stdout.write(json + '\n')
  else if (options.report) writeFileSync(options.report, json + '\n')
  return 0
}
