// The summary a terminal shows at the end of `nicbench run`: the verdict, pools, controller and protocol figures,
// and the findings with their lines.
import type { RunReport } from '../../core/report/report'
import { formatDurationShort } from '../../core/scenario/duration'

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)))
  return rows
    .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '))
    .join('\n')
}

export function verdictLine(report: RunReport, failed: boolean): string {
  const errors = report.findings.filter((f) => f.severity === 'error').length
  const warnings = report.findings.length - errors
  const what = report.bugcheck
    ? `bug check ${report.bugcheck.code} ${report.bugcheck.name} (${report.bugcheck.rule}) at ${report.bugcheck.at.file}:${report.bugcheck.at.line}`
    : report.error
      ? `exception: ${report.error.message}`
      : `${errors} error(s), ${warnings} warning(s)`
  return `${failed ? 'FAIL' : 'PASS'}  ${report.script.file}  ${formatDurationShort(report.virtualTimeNs)} virtual, stopped by ${report.stopReason}: ${what}`
}

/** One line on the protocol's binding (docs/ndis-environment.md): its state, address, filter, and what failed. */
function bindingLine(b: NonNullable<RunReport['binding']>, filtered: number): string {
  if (b.state === 'off') return 'binding: left out by the scenario'
  if (b.state === 'failed') return `binding: FAILED, ${b.failure}`
  const skipped = b.skipped.length > 0 ? `, not supported: ${b.skipped.join(' ')}` : ''
  return (
    `binding: ${b.state}, ${b.requestsMade} request(s), address ${b.currentAddress}, ` +
    `filter 0x${b.packetFilter.toString(16)}, lookahead ${b.lookahead}, ${filtered} frame(s) filtered${skipped}`
  )
}

export function summaryText(report: RunReport, failed: boolean): string {
  const out: string[] = [verdictLine(report, failed), '']
  if (report.pools.length > 0) {
    const rows = [['pool', 'kind', 'created at', 'size', 'in use', 'high', 'allocs', 'fails']]
    for (const p of report.pools) {
      rows.push([
        p.handle,
        p.kind,
        `${p.createdAt.file}:${p.createdAt.line}`,
        String(p.numberOfDescriptors),
        String(p.inUse),
        String(p.highWater),
        String(p.allocations),
        String(p.failures),
      ])
    }
    out.push(table(rows), '')
  }
  const n = report.nic
  const p = report.protocol
  out.push(
    table([
      ['controller', 'rx frames', 'missed', 'no buffer', 'rx errors', 'tx frames', 'interrupts'],
      [
        '',
        String(n.rxFrames),
        String(n.rxMissed),
        String(n.rxNoBuffer),
        String(n.rxErrors),
        String(n.txFrames),
        String(n.interrupts),
      ],
    ]),
    '',
    table([
      ['protocol', 'indicated', 'returned', 'copied', 'copied (RESOURCES)', 'corrupted', 'lost', 'outstanding'],
      [
        '',
        String(p.indicated),
        String(p.returned),
        String(p.copied),
        String(p.copiedOnResources),
        String(p.corrupted),
        String(p.lost),
        String(p.outstanding),
      ],
    ]),
  )
  const b = report.binding
  if (b) out.push('', bindingLine(b, p.filtered))
  if (report.findings.length > 0) {
    out.push('', 'findings:')
    for (const f of report.findings.slice(0, 50)) {
      const alloc = f.allocatedAt ? ` (allocated at ${f.allocatedAt.file}:${f.allocatedAt.line})` : ''
      out.push(`  ${f.at.file}:${f.at.line}:${f.at.column}  ${f.severity} ${f.rule} ${f.code}  ${f.message}${alloc}`)
    }
    if (report.findings.length > 50) out.push(`  … ${report.findings.length - 50} more in the report`)
  }
  if (report.error) out.push('', report.error.stack || report.error.message)
  for (const w of report.warnings ?? []) out.push('', `warning: ${w}`)
  if (report.workbenchBugs) {
    out.push('', 'internal error of the workbench (its counters do not add up; not a fault of the script):')
    for (const bug of report.workbenchBugs) out.push(`  ${bug}`)
  }
  return out.join('\n') + '\n'
}
