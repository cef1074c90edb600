// The result of `nicbench test`: JSON (the contract in docs/cli.md) and JUnit, and the two operations on them that
// sharding needs — taking slice i of n of the case list, and merging the slices' reports back into the one report an
// unsharded run writes, byte for byte. Nothing in it depends on the wall clock or the machine.
import type { RunReport } from '../report/report'
import type { SuiteName, TestCase } from './test-case'

export interface CaseResult {
  /** Position in the whole case list (all shards): merge orders by it. */
  index: number
  id: string
  suite: SuiteName
  title: string
  fault: string | null
  status: 'pass' | 'fail'
  failures: string[]
  evidence: {
    stopReason: string
    virtualTimeNs: number
    eventTraceHash: string
    rxFrames: number
    indicated: number
    returned: number
    sent: number
    sendCompleted: number
    findings: { rule: string; severity: string; line: number; message: string }[]
  }
}

export interface SuiteReport {
  version: 1
  script: { file: string; sha256: string }
  suites: SuiteName[]
  seed: number
  verifier: string
  /** How many cases the whole list has; a shard runs only its slice of them. */
  totalCases: number
  /** `null` for a whole run (or a merged one). */
  shard: { index: number; count: number } | null
  cases: CaseResult[]
  passed: number
  failed: number
}

/** `i/n` (1-based) of --shard, or an error sentence. */
export function parseShard(text: string): { index: number; count: number } | { error: string } {
  const m = /^(\d+)\/(\d+)$/.exec(text)
  if (!m) return { error: `"${text}" is not a shard (i/n, e.g. 2/4)` }
  const index = Number(m[1])
  const count = Number(m[2])
  if (count < 1 || count > 1000) return { error: `"${text}": the number of shards must be 1 to 1000` }
  if (index < 1 || index > count) return { error: `"${text}": the shard must be 1 to ${count}` }
  return { index, count }
}

/** Slice i of n: every nth case from the ith, so long and short suites spread over all shards. */
export function inShard(index: number, shard: { index: number; count: number } | null): boolean {
  return shard === null || index % shard.count === shard.index - 1
}

export function caseResult(index: number, c: TestCase, r: RunReport, failures: string[]): CaseResult {
  return {
    index,
    id: c.id,
    suite: c.suite,
    title: c.title,
    fault: c.fault,
    status: failures.length === 0 ? 'pass' : 'fail',
    failures,
    evidence: {
      stopReason: r.stopReason,
      virtualTimeNs: r.virtualTimeNs,
      eventTraceHash: r.eventTrace.hash,
      rxFrames: r.nic.rxFrames,
      indicated: r.protocol.indicated,
      returned: r.protocol.returned,
      sent: r.protocol.sent,
      sendCompleted: r.protocol.sendCompleted,
      findings: r.findings.map((f) => ({ rule: f.rule, severity: f.severity, line: f.at.line, message: f.message })),
    },
  }
}

export function suiteReport(
  head: Omit<SuiteReport, 'cases' | 'passed' | 'failed'>,
  cases: readonly CaseResult[],
): SuiteReport {
  const sorted = [...cases].sort((a, b) => a.index - b.index)
  const passed = sorted.filter((c) => c.status === 'pass').length
  return { ...head, cases: sorted, passed, failed: sorted.length - passed }
}

/** Joins the reports of the n shards of one run; an error sentence when they are not that. */
export function mergeShards(reports: readonly SuiteReport[]): SuiteReport | { error: string } {
  if (reports.length === 0) return { error: 'nothing to merge' }
  const first = reports[0]!
  const same = (r: SuiteReport) =>
    r.script.sha256 === first.script.sha256 &&
    r.script.file === first.script.file &&
    r.suites.join() === first.suites.join() &&
    r.seed === first.seed &&
    r.verifier === first.verifier &&
    r.totalCases === first.totalCases
  const other = reports.find((r) => !same(r))
  if (other)
    return {
      error: `the reports are not of one run: ${other.script.file} (${other.suites.join(',')}, seed ${other.seed}) differs from ${first.script.file} (${first.suites.join(',')}, seed ${first.seed})`,
    }
  const count = first.shard?.count ?? 1
  const indices = new Set<number>()
  for (const r of reports) {
    if (r.shard === null) return { error: 'a report of a whole run cannot be merged with shards' }
    if (r.shard.count !== count) return { error: `shards of ${r.shard.count} and of ${count} cannot be merged` }
    if (indices.has(r.shard.index)) return { error: `shard ${r.shard.index}/${count} is given twice` }
    indices.add(r.shard.index)
  }
  if (indices.size !== count) {
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !indices.has(i))
    return { error: `shard(s) ${missing.map((i) => `${i}/${count}`).join(', ')} missing` }
  }
  const cases = reports.flatMap((r) => r.cases)
  if (cases.length !== first.totalCases)
    return { error: `the shards hold ${cases.length} cases, the run has ${first.totalCases}` }
  const { cases: _cases, passed: _p, failed: _f, ...head } = first
  return suiteReport({ ...head, shard: null }, cases)
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** JUnit XML: one test suite per suite, one test case per case, its failures as the message. */
export function suiteJunit(report: SuiteReport): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="nicbench test ${escapeXml(report.script.file)}" tests="${report.cases.length}" failures="${report.failed}">`,
  ]
  for (const suite of report.suites) {
    const cases = report.cases.filter((c) => c.suite === suite)
    const failed = cases.filter((c) => c.status === 'fail').length
    out.push(`  <testsuite name="${suite}" tests="${cases.length}" failures="${failed}">`)
    for (const c of cases) {
      const name = `${escapeXml(c.id)}: ${escapeXml(c.title)}`
      if (c.status === 'pass') out.push(`    <testcase classname="${suite}" name="${name}"/>`)
      else
        out.push(
          `    <testcase classname="${suite}" name="${name}">`,
          `      <failure message="${escapeXml(c.failures[0]!)}">${escapeXml(c.failures.join('\n'))}</failure>`,
          '    </testcase>',
        )
    }
    out.push('  </testsuite>')
  }
  out.push('</testsuites>')
  return out.join('\n') + '\n'
}
