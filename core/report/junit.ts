// JUnit XML for CI dashboards (cli.md --junit): one test case per verifier rule class, failures carrying the findings.
import type { RuleDef } from '../verifier/rule'
import type { RunReport } from './report'

function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these characters; they are dropped.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
  )
}

export function junitXml(report: RunReport, catalogue: readonly RuleDef[]): string {
  const cases: string[] = []
  let failures = 0
  for (const rule of catalogue) {
    const found = report.findings.filter((f) => f.rule === rule.id && f.severity === 'error')
    const bug = report.bugcheck && report.bugcheck.rule === rule.id ? report.bugcheck : null
    const name = `${rule.id} ${rule.title}`
    if (found.length === 0 && !bug) {
      cases.push(`    <testcase classname="verifier" name="${escapeXml(name)}"/>`)
      continue
    }
    failures++
    const lines = found.map((f) => `${f.at.file}:${f.at.line}:${f.at.column} ${f.message}`)
    if (bug)
      lines.unshift(
        `bug check ${bug.code} ${bug.name} at ${bug.at.file}:${bug.at.line}:${bug.at.column}: ${bug.message}`,
      )
    const first = bug ? bug.message : found[0]!.message
    cases.push(
      `    <testcase classname="verifier" name="${escapeXml(name)}">\n` +
        `      <failure message="${escapeXml(first)}" type="${escapeXml(rule.id)}">${escapeXml(lines.join('\n'))}</failure>\n` +
        `    </testcase>`,
    )
  }
  const run = report.error
    ? `    <testcase classname="run" name="script ran without an exception">\n      <failure message="${escapeXml(report.error.message)}" type="exception">${escapeXml(report.error.stack)}</failure>\n    </testcase>`
    : `    <testcase classname="run" name="script ran without an exception"/>`
  const total = cases.length + 1
  const allFailures = failures + (report.error ? 1 : 0)
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="nicbench" tests="${total}" failures="${allFailures}">\n` +
    `  <testsuite name="${escapeXml(report.script.file)}" tests="${total}" failures="${allFailures}" errors="0" skipped="0">\n` +
    `    <properties><property name="seed" value="${report.seed}"/><property name="stopReason" value="${report.stopReason}"/></properties>\n` +
    [...cases, run].join('\n') +
    '\n  </testsuite>\n</testsuites>\n'
  )
}
