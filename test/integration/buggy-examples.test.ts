// Every buggy example makes one mistake, marked `// BUG: Rn` on its line (or on the line above, for a whole
// function): the real `nicbench run` must exit 1 with exactly that rule at that line (and only the consequences the
// marker names), and the reference miniport must run clean.
import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { RULES } from '../../core/verifier/catalogue'
import { runCli } from '../support/cli'
import { ROOT } from '../support/serve'

interface Marker {
  rule: string
  line: number
  also: string[]
}

/**
 * The options a buggy example needs beyond the default 3 ms (a timed rule needs seconds of virtual time): a
 * `// RUN WITH: --scenario <path relative to the example> --duration <d>` line, or none.
 */
function runWith(file: string): string[] {
  const m = /\/\/ RUN WITH: (.+)$/m.exec(readFileSync(file, 'utf8'))
  if (!m) return ['--duration', '3ms']
  const args = m[1]!.trim().split(/\s+/)
  const i = args.indexOf('--scenario')
  if (i >= 0) args[i + 1] = join(dirname(file), args[i + 1]!)
  return args
}

function marker(file: string): Marker {
  const lines = readFileSync(file, 'utf8').split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /\/\/ BUG: (R\d+)(?:, also ((?:R\d+(?:, )?)+))?/.exec(lines[i]!)
    if (!m) continue
    const commentOnly = lines[i]!.trim().startsWith('//')
    return { rule: m[1]!, line: commentOnly ? i + 2 : i + 1, also: m[2] ? m[2].split(', ') : [] }
  }
  throw new Error(`${file} has no // BUG: marker`)
}

/** The scenario an example runs under, from a `// scenario: <path from examples/buggy>` line (the 82540EM's). */
function scenarioArgs(file: string): string[] {
  const m = /^\/\/ scenario: (\S+)$/m.exec(readFileSync(file, 'utf8'))
  return m ? ['--scenario', join(buggyDir, m[1]!)] : []
}

const buggyDir = join(ROOT, 'examples', 'buggy')
const examples = readdirSync(buggyDir).filter((f) => f.endsWith('.ts'))

describe('buggy examples', () => {
  it('cover the rule classes of the issue', () => {
    const rules = new Set(examples.map((f) => marker(join(buggyDir, f)).rule))
    for (const rule of [
      'R3',
      'R5',
      'R6',
      'R7',
      'R10',
      'R14',
      'R20',
      'R21',
      'R22',
      'R24',
      'R26',
      'R49',
      'R50',
      'R51',
      'R52',
      'R53',
      'R54',
      'R55',
      'R56',
      'R57',
      'R58',
      'R59',
    ])
      expect(rules).toContain(rule)
  })

  it.each(examples)('%s stops with its rule at its line', (name) => {
    const file = join(buggyDir, name)
    const expected = marker(file)
    const run = runCli(['run', file, ...scenarioArgs(file), ...runWith(file), '--report', '-', '--quiet'])
    expect(run.status, run.stderr).toBe(1)
    const report = JSON.parse(run.stdout) as {
      findings: { rule: string; severity: string; at: { file: string; line: number } }[]
      bugcheck: { rule: string; at: { line: number } } | null
    }
    const errors = report.findings.filter((f) => f.severity === 'error')
    const atLine = errors.find((f) => f.rule === expected.rule && f.at.line === expected.line)
    expect(atLine, JSON.stringify(report.findings)).toBeDefined()
    expect(atLine!.at.file).toBe(name)
    for (const f of errors) expect([expected.rule, ...expected.also]).toContain(f.rule)
    if (report.bugcheck) expect(report.bugcheck).toMatchObject({ rule: expected.rule, at: { line: expected.line } })
  })
})

describe('--verifier off', () => {
  // Off means what Windows does without Driver Verifier: only the bug checks NDIS and the kernel raise themselves.
  const raisedWithoutVerifier = new Set(RULES.filter((r) => r.withoutVerifier !== null).map((r) => r.id))
  it.each(examples)('%s reports no verifier finding, only a bug check Windows raises itself', (name) => {
    const run = runCli([
      'run',
      join(buggyDir, name),
      ...scenarioArgs(join(buggyDir, name)),
      ...runWith(join(buggyDir, name)),
      '--verifier',
      'off',
      '--report',
      '-',
      '--quiet',
    ])
    const report = JSON.parse(run.stdout) as { findings: { rule: string }[]; bugcheck: { rule: string } | null }
    for (const f of report.findings) expect(raisedWithoutVerifier, f.rule).toContain(f.rule)
    if (report.bugcheck) expect(raisedWithoutVerifier).toContain(report.bugcheck.rule)
    expect(run.status).toBe(report.bugcheck || report.findings.length > 0 ? 1 : 0)
  })
})

describe('the reference miniport', () => {
  it('runs the default scenario clean', () => {
    const run = runCli(['run', join(ROOT, 'examples', 'reference-miniport.ts'), '--report', '-', '--quiet'])
    expect(run.status, run.stderr).toBe(0)
    const report = JSON.parse(run.stdout) as {
      findings: unknown[]
      stopReason: string
      nic: { rxFrames: number }
      protocol: { indicated: number; returned: number; outstanding: number; corrupted: number; lost: number }
    }
    expect(report.findings).toEqual([])
    expect(report.stopReason).toBe('duration')
    expect(report.nic.rxFrames).toBe(200)
    expect(report.protocol).toMatchObject({ indicated: 200, returned: 200, outstanding: 0, corrupted: 0, lost: 0 })
  })
})
