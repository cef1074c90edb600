// Start-up cost of the CLI: CPU seconds (user + system, every thread) of `nicbench run <reference> --duration 1ms`
// and of `nicbench check <reference>`, each against what loading the TypeScript compiler alone costs
// (`node -e "require('typescript')"`), measured in the same run. The goal is for the usual case, a script run or
// checked again (a CI job, the edit–run loop): its text comes from the script cache
// (main/script-host/script-cache.ts) and the compiler is not loaded. The first time for a text (cache off) is printed
// as information: it needs the compiler, so the baseline is its floor. The commands take turns with the baseline,
// and each keeps its median of the rounds.
// CPU time of a child is read from the kernel's account of reaped children (/proc/self/stat), so Linux only.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FigureOutput } from './figure'

const ROOT = process.cwd()
const ROUNDS = 5
const CLI = join(ROOT, 'bin', 'nicbench.js')
const REFERENCE = join('examples', 'reference-miniport.ts')

const ticksPerSecond = (() => {
  const r = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })
  const n = Number(r.stdout?.trim())
  return Number.isFinite(n) && n > 0 ? n : 100
})()

/** CPU seconds of every child this process has waited for (cutime + cstime). */
function childrenCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // Fields 16 and 17 of proc(5), counted from the state (field 3) at index 0.
  return (Number(fields[13]) + Number(fields[14])) / ticksPerSecond
}

function cpuOf(args: string[], env: NodeJS.ProcessEnv): number {
  const before = childrenCpuSeconds()
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`)
  return childrenCpuSeconds() - before
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}

function main(): void {
  const out = new FigureOutput('startup')
  if (!existsSync('/proc/self/stat')) {
    out.text('startup: needs /proc (Linux) to read the CPU time of child processes; skipped')
    process.exitCode = 1
    return
  }
  const cacheDir = mkdtempSync(join(tmpdir(), 'nicbench-bench-cache-'))
  const warm = { ...process.env, NICBENCH_CACHE_DIR: cacheDir }
  const cold = { ...process.env, NICBENCH_CACHE: 'off' }
  const run = [CLI, 'run', REFERENCE, '--duration', '1ms', '--quiet']
  const check = [CLI, 'check', REFERENCE]
  const commands = {
    baseline: { args: ['-e', "require('typescript')"], env: process.env },
    run: { args: run, env: warm },
    check: { args: check, env: warm },
    runCold: { args: run, env: cold },
    checkCold: { args: check, env: cold },
  }
  type Name = keyof typeof commands
  const names = Object.keys(commands) as Name[]
  // The first calls build the CLI if the checkout has no build yet and fill the cache; not part of any figure.
  for (const name of names) cpuOf(commands[name].args, commands[name].env)
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<Name, number[]>
  for (let r = 0; r < ROUNDS; r++)
    for (const name of names) samples[name].push(cpuOf(commands[name].args, commands[name].env))
  rmSync(cacheDir, { recursive: true, force: true })
  const baseline = { name: `node -e "require('typescript')"`, value: median(samples.baseline), unit: 's CPU' }
  out.text(`Node ${process.version}; median of ${ROUNDS} rounds; clock ticks of ${1000 / ticksPerSecond} ms`)
  out.figure(`nicbench run ${REFERENCE} --duration 1ms, run again`, median(samples.run), 's CPU', baseline, {
    ratio: { max: 2.5 },
  })
  out.figure(`nicbench check ${REFERENCE}, checked again`, median(samples.check), 's CPU', baseline, {
    ratio: { max: 2.5 },
  })
  out.figure(`nicbench run ${REFERENCE} --duration 1ms, first time`, median(samples.runCold), 's CPU', baseline)
  out.figure(`nicbench check ${REFERENCE}, first time`, median(samples.checkCold), 's CPU', baseline)
}

main()
