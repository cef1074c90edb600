#!/usr/bin/env node
// Launcher of the headless CLI. The CLI is built with the app (electron-vite build → out/main/cli.js);
// on a fresh checkout the first run builds it once.
'use strict'
const { existsSync } = require('node:fs')
const { join } = require('node:path')
const { spawnSync } = require('node:child_process')

const electronVite = require('./electron-vite-path')

const root = join(__dirname, '..')
const cli = join(root, 'out', 'main', 'cli.js')
if (!existsSync(cli) || !existsSync(join(root, 'out', 'renderer', 'index.html'))) {
  process.stderr.write('nicbench: building NIC Workbench once (npm run build)…\n')
  const build = spawnSync(process.execPath, [electronVite(), 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (build.status !== 0 || !existsSync(cli)) {
    process.stderr.write('nicbench: the build failed; run `npm run build` to see why\n')
    process.exit(3)
  }
}
require(cli)
