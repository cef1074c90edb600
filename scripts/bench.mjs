// Runs the benchmarks as the product runs its code: bundled (esbuild, ES modules, constants referenced directly), not
// through a per-file TypeScript loader whose module wrappers would turn every imported constant into a getter call.
//
//   node scripts/bench.mjs [--json] [flags...]                 every benchmark, one after another
//   node scripts/bench.mjs bench/rx.ts [--json] [flags...]     one benchmark
//
// Flags go to every benchmark. With --json each figure is one JSON object per line on stdout (bench/figure.ts) and
// the text for people goes to stderr. `npm run bench -- --json` runs this; npm prints its own two header lines
// first, which `npm run -s bench -- --json` leaves out.
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { basename, join } from 'node:path'

/** Every benchmark, in the order `npm run bench` runs them. */
const ALL = ['bench/pool.ts', 'bench/rx.ts', 'bench/structs.ts', 'bench/startup.ts', 'bench/sched.ts', 'bench/ui.ts']

const argv = process.argv.slice(2)
const entries = argv.filter((a) => a.endsWith('.ts'))
const flags = argv.filter((a) => !a.endsWith('.ts'))
if (argv.includes('--help')) {
  console.error('usage: node scripts/bench.mjs [bench/<name>.ts ...] [--json] [flags...]')
  process.exit(0)
}

const outDir = join('out', 'bench')
mkdirSync(outDir, { recursive: true })

async function runOne(entry) {
  const outfile = join(outDir, basename(entry).replace(/\.ts$/, '.cjs'))
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    // ses is loaded as published: it refuses to run inside a bundle that is not strict code.
    external: ['typescript', 'electron', 'playwright-core', 'ses'],
    sourcemap: true,
    logLevel: 'warning',
  })
  const result = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...flags], { stdio: 'inherit' })
  return result.status ?? 1
}

const failed = []
for (const entry of entries.length > 0 ? entries : ALL) {
  if ((await runOne(entry)) !== 0) failed.push(entry)
}
if (failed.length > 0) {
  console.error(`bench: ${failed.join(', ')} did not finish`)
  process.exit(1)
}
