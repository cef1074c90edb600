// `nicbench serve` on a checkout whose UI is not built yet: builds it once (electron-vite, as `npm run build` does)
// and says so in one line first; the CLI's other commands never need it.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { productRoot } from '../paths'

export function ensureUiBuilt(rendererDir: string): void {
  if (existsSync(join(rendererDir, 'index.html'))) return
  process.stderr.write('nicbench: building the workbench UI once (npm run build; about half a minute)…\n')
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const electronVite = require(join(productRoot(), 'bin', 'electron-vite-path.js')) as () => string
  const build = spawnSync(process.execPath, [electronVite(), 'build'], {
    cwd: productRoot(),
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (build.status !== 0) throw new Error('the UI build failed: run `npm run build` to see why')
}
