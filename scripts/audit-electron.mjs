// npm run audit:electron — Electron security scan with @doyensec/electronegativity, offline.
// Fails on any HIGH or MEDIUM finding that build/electronegativity-allowlist.json does not justify (check, file,
// reason). The scanner's command line always exits 0, and in this project it does not start at all (it expects
// commander 2's API and finds this project's commander 14), so its runner is called directly with the options the
// command line would pass: -i <staged sources> -x AvailableSecurityFixesGlobalCheck -o <csv>. The gate reads the
// findings the runner returns: its CSV is the same list but 1.10.3 garbles rows whose sample spans lines (a CSP),
// so the CSV is only kept as a report (`--csv <file>`).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const project = join(dirname(fileURLToPath(import.meta.url)), '..')
/** `--root <dir>` scans another tree laid out like this project (the gate's own test uses it). */
const rootArg = process.argv.indexOf('--root')
const root = rootArg > 0 && process.argv[rootArg + 1] ? process.argv[rootArg + 1] : project
const require = createRequire(import.meta.url)
const ALLOWLIST = join(project, 'build', 'electronegativity-allowlist.json')
const FAILING = new Set(['HIGH', 'MEDIUM'])

function readAllowlist() {
  const entries = JSON.parse(readFileSync(ALLOWLIST, 'utf8'))
  if (!Array.isArray(entries)) throw new Error(`${ALLOWLIST}: expected an array`)
  entries.forEach((entry, i) => {
    for (const key of ['check', 'file', 'reason'])
      if (typeof entry[key] !== 'string' || entry[key].trim() === '')
        throw new Error(`${ALLOWLIST}: entry ${i} needs a non-empty "${key}"`)
  })
  return entries
}

/** The scanned tree: the main process, the preload and the page that carries the CSP. */
function stage() {
  const folder = mkdtempSync(join(tmpdir(), 'nicwb-audit-'))
  cpSync(join(root, 'main'), join(folder, 'main'), { recursive: true })
  cpSync(join(root, 'preload'), join(folder, 'preload'), { recursive: true })
  mkdirSync(join(folder, 'renderer'))
  cpSync(join(root, 'renderer', 'index.html'), join(folder, 'renderer', 'index.html'))
  return folder
}

async function main() {
  const allowlist = readAllowlist()
  const run = require('@doyensec/electronegativity')
  const electronVersion = require('electron/package.json').version
  const folder = stage()
  const report = mkdtempSync(join(tmpdir(), 'nicwb-audit-csv-'))
  const csvArg = process.argv.indexOf('--csv')
  const csv = csvArg > 0 && process.argv[csvArg + 1] ? process.argv[csvArg + 1] : join(report, 'electronegativity.csv')
  try {
    const result = await run({
      input: join(folder),
      output: csv,
      isSarif: false,
      customScan: [],
      excludeFromScan: ['availablesecurityfixesglobalcheck'],
      isRelative: true,
      isVerbose: false,
      parserPlugins: [],
      electronVersionOverride: electronVersion,
    })
    const findings = result.issues.map((issue) => ({
      check: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      file: String(issue.file).split('\\').join('/'),
      location: `${issue.location.line}:${issue.location.column}`,
      description: issue.description,
    }))
    const used = new Set()
    const failures = []
    for (const finding of findings) {
      const allowed = allowlist.findIndex((entry) => entry.check === finding.check && entry.file === finding.file)
      const verdict = !FAILING.has(finding.severity) ? 'info' : allowed >= 0 ? 'allowed' : 'FAIL'
      if (allowed >= 0) used.add(allowed)
      if (verdict === 'FAIL') failures.push(finding)
      console.log(
        `${verdict.padEnd(7)} ${finding.severity.padEnd(13)} ${finding.check} ${finding.file}:${finding.location}  ` +
          finding.description +
          (verdict === 'allowed' ? `\n        reason: ${allowlist[allowed].reason}` : ''),
      )
    }
    allowlist.forEach((entry, i) => {
      if (!used.has(i)) console.log(`note    allow-list entry no longer needed: ${entry.check} ${entry.file}`)
    })
    console.log(
      `electronegativity ${require('@doyensec/electronegativity/package.json').version} (Electron ${electronVersion}): ` +
        `${findings.length} findings, ${failures.length} not justified`,
    )
    if (failures.length > 0) {
      console.error(
        `audit:electron failed: HIGH/MEDIUM findings without a reason in build/electronegativity-allowlist.json`,
      )
      process.exitCode = 1
    }
  } finally {
    rmSync(folder, { recursive: true, force: true })
    rmSync(report, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(`audit:electron: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 2
})
