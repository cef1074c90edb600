// Builds what `nicbench run | check | rules` and the engine need, without the app's build (electron-vite): the CLI,
// the engine process and the checker thread, bundled by esbuild into out/cli/. Run at install (`prepare`) and by
// `npm run build`; about a second.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

let build
try {
  ;({ build } = await import('esbuild'))
} catch {
  // An install without devDependencies: the launcher says what to do when nicbench is first run.
  process.stderr.write('nicbench: esbuild is not installed, so the CLI is not built (run npm install)\n')
  process.exit(process.env['npm_lifecycle_event'] === 'prepare' ? 0 : 3)
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const outdir = join(root, 'out', 'cli')
const started = performance.now()
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
  // ws loads these native helpers when present; the CLI runs without them.
  external: ['electron', 'bufferutil', 'utf-8-validate'],
}
await Promise.all([
  // The TypeScript compiler stays in node_modules: the CLI and the checker load it, the engine never does.
  build({
    ...common,
    entryPoints: { nicbench: 'main/cli/index.ts', checker: 'main/engine/checker-worker.ts' },
    outdir,
    external: [...common.external, 'typescript'],
  }),
  // The engine reads nothing but this one file (its permission to read ends at out/cli/): every library is inside.
  // Minified: every run starts a fresh engine process, and a smaller bundle parses faster.
  build({ ...common, entryPoints: { engine: 'main/engine/engine-main.ts' }, outdir, minify: true }),
])
const engine = readFileSync(join(outdir, 'engine.js'), 'utf8')
if (/require\("typescript"\)/.test(engine)) throw new Error('the engine bundle must not load the TypeScript compiler')
if (process.env['npm_lifecycle_event'] !== 'prepare' || process.stdout.isTTY) {
  process.stdout.write(`out/cli built in ${Math.round(performance.now() - started)} ms\n`)
}
