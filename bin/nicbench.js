#!/usr/bin/env node
// Launcher of the headless CLI: out/cli/nicbench.js, bundled at install by `npm ci` / `npm install` (the `prepare`
// script: scripts/build-cli.mjs, about a second). A checkout where it is missing builds it here first.
'use strict'
const { existsSync } = require('node:fs')
const { join } = require('node:path')
const { spawnSync } = require('node:child_process')

const root = join(__dirname, '..')
const cli = join(root, 'out', 'cli', 'nicbench.js')
if (!existsSync(cli) || !existsSync(join(root, 'out', 'cli', 'engine.js'))) {
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (build.status !== 0 || !existsSync(cli)) {
    process.stderr.write('nicbench: the CLI could not be built; run `npm run build:cli` to see why\n')
    process.exit(3)
  }
}
require(cli)
