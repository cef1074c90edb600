// Start-up cost of the CLI: CPU seconds (user + system, every thread) of `nicbench run <reference> --duration 1ms`
// and of `nicbench check <reference>`, each against what loading the TypeScript compiler alone costs
// (`node -e "require('typescript')"`), measured in the same run. Both commands need the compiler, so that is the
// floor they stand on. The commands take turns with the baseline, and each keeps its median of the rounds.
// CPU time of a child is read from the kernel's account of reaped children (/proc/self/stat), so Linux only.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
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

function cpuOf(args: string[]): number {
  const before = childrenCpuSeconds()
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
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
  const commands = {
    baseline: ['-e', "require('typescript')"],
    run: [CLI, 'run', REFERENCE, '--duration', '1ms', '--quiet'],
    check: [CLI, 'check', REFERENCE],
  }
  // The first call builds the CLI if the checkout has no build yet; not part of any figure.
  for (const args of Object.values(commands)) cpuOf(args)
  const samples: Record<keyof typeof commands, number[]> = { baseline: [], run: [], check: [] }
  for (let r = 0; r < ROUNDS; r++)
    for (const name of ['baseline', 'run', 'check'] as const) samples[name].push(cpuOf(commands[name]))
  const baseline = { name: `node -e "require('typescript')"`, value: median(samples.baseline), unit: 's CPU' }
  out.text(`Node ${process.version}; median of ${ROUNDS} rounds; clock ticks of ${1000 / ticksPerSecond} ms`)
  out.figure(`nicbench run ${REFERENCE} --duration 1ms`, median(samples.run), 's CPU', baseline, {
    ratio: { max: 2.5 },
  })
  out.figure(`nicbench check ${REFERENCE}`, median(samples.check), 's CPU', baseline, { ratio: { max: 2.5 } })
}

main()
