// Runs one benchmark as the product runs its code: bundled (esbuild, ES modules, constants referenced directly), not
// through a per-file TypeScript loader whose module wrappers would turn every imported constant into a getter call.
// Usage: node scripts/bench.mjs bench/rx.ts [arguments...]
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { basename, join } from 'node:path'

const [entry, ...args] = process.argv.slice(2)
if (!entry) {
  console.error('usage: node scripts/bench.mjs bench/<name>.ts [arguments...]')
  process.exit(2)
}
const outDir = join('out', 'bench')
mkdirSync(outDir, { recursive: true })
const outfile = join(outDir, basename(entry).replace(/\.ts$/, '.cjs'))
await build({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile,
  external: ['typescript', 'electron'],
  sourcemap: true,
  logLevel: 'warning',
})
const result = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...args], { stdio: 'inherit' })
process.exit(result.status ?? 1)
