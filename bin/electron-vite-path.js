// electron-vite's command line. Its package exports only package.json and the library, so the path comes from the
// package's `bin` field rather than require.resolve('electron-vite/bin/…').
'use strict'
const { dirname, join } = require('node:path')

module.exports = function electronVitePath() {
  const pkg = require.resolve('electron-vite/package.json')
  return join(dirname(pkg), require(pkg).bin['electron-vite'])
}
