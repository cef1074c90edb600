// `nicbench merge <report.json>...` (docs/cli.md, "merge"): the shards of one `nicbench test` run joined into the
// report (and JUnit) the unsharded run writes.
import { readFileSync, writeFileSync } from 'node:fs'
import { mergeShards, suiteJunit, type SuiteReport } from '../../core/conformance/suite-report'
import { badInput } from './bad-input'

function readReport(path: string): SuiteReport {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw badInput(path, '', `not a readable JSON report: ${error instanceof Error ? error.message : String(error)}`)
  }
  const r = json as Partial<SuiteReport>
  if (
    typeof json !== 'object' ||
    json === null ||
    r.version !== 1 ||
    !Array.isArray(r.cases) ||
    !Array.isArray(r.suites) ||
    typeof r.totalCases !== 'number' ||
    typeof r.script?.sha256 !== 'string'
  )
    throw badInput(path, '', 'not a report of nicbench test (--report of a test run)')
  return json as SuiteReport
}

export function mergeCommand(paths: string[], options: { report?: string; junit?: string }): number {
  const merged = mergeShards(paths.map(readReport))
  if ('error' in merged) throw badInput(paths.join(' '), '', merged.error)
  const json = JSON.stringify(merged, null, 2) + '\n'
  if (options.report === undefined || options.report === '-') process.stdout.write(json)
  else writeFileSync(options.report, json)
  if (options.junit) writeFileSync(options.junit, suiteJunit(merged))
  if (options.report !== undefined && options.report !== '-')
    process.stdout.write(
      `${merged.failed === 0 ? 'PASS' : 'FAIL'}  ${merged.script.file}: ${merged.passed} of ${merged.cases.length} case(s) passed (${paths.length} shards)\n`,
    )
  return merged.failed === 0 ? 0 : 1
}
