#!/usr/bin/env node
// `npm start`: open the desktop app. Without Electron's binary (offline installs skip its download) it says so in
// one line and exits non-zero instead of printing a stack trace.
'use strict'
const { existsSync } = require('node:fs')
const { join } = require('node:path')
const { spawnSync } = require('node:child_process')

const electronVite = require('./electron-vite-path')

function electronBinary() {
  try {
    const path = require('electron')
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

if (!electronBinary()) {
  process.stderr.write(
    'NIC Workbench: the Electron binary is not installed (it is skipped when ELECTRON_SKIP_BINARY_DOWNLOAD=1); ' +
      'run `npm install electron` on a machine with internet access, or use `npx nicbench serve` and open the UI in a browser.\n',
  )
  process.exit(1)
}

const root = join(__dirname, '..')
const result = spawnSync(process.execPath, [electronVite(), 'preview'], {
  cwd: root,
  stdio: 'inherit',
})
process.exit(result.status ?? 1)
