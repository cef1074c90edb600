// The 82540EM reference miniport through the real `nicbench run` (issue 16): traffic in both directions, a pcapng the
// real tshark reads frame by frame (its Ethernet and IPv4 fields as the controller put them on the wire), and the same
// seed giving the same report.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../support/cli'
import { ROOT } from '../support/serve'

const REFERENCE = join(ROOT, 'examples', 'reference-82540em.ts')
const SCENARIOS = join(ROOT, 'examples', 'scenarios')
const tmp = mkdtempSync(join(tmpdir(), 'nicbench-82540em-capture-'))

function tsharkRows(pcap: string, fields: string[]): string[][] {
  const args = ['-r', pcap, '-T', 'fields', '-E', 'separator=|', ...fields.flatMap((f) => ['-e', f])]
  const run = spawnSync('tshark', args, { encoding: 'utf8' })
  expect(run.status, run.stderr).toBe(0)
  return run.stdout
    .trim()
    .split('\n')
    .map((line) => line.split('|'))
}

describe('the 82540EM reference miniport through nicbench run', () => {
  it('sends and receives over loopback; tshark reads every frame, addressed to the adapter, in both directions', () => {
    const pcap = join(tmp, 'loopback.pcapng')
    const scenario = join(SCENARIOS, '82540em-sends-over-loopback.json')
    const run = runCli(['run', REFERENCE, '--scenario', scenario, '--pcap', pcap, '--report', '-', '--quiet'])
    expect(run.status, run.stderr).toBe(0)
    const report = JSON.parse(run.stdout)
    expect(report.findings).toEqual([])
    expect(report.nic.txFrames).toBeGreaterThan(100)
    expect(report.nic.rxFrames).toBe(report.nic.txFrames)
    const rows = tsharkRows(pcap, ['frame.len', 'eth.dst', 'frame.comment'])
    const sent = rows.filter((r) => /^sent by the protocol in NDIS_PACKET/.test(r[2]!))
    const indicated = rows.filter((r) => /^indicated in NDIS_PACKET/.test(r[2]!))
    expect(sent).toHaveLength(report.nic.txFrames)
    expect(indicated).toHaveLength(report.nic.rxFrames)
    for (const [length, dst] of rows) {
      expect(length).toBe('256')
      expect(dst).toBe('02:00:4e:57:42:01')
    }
  })

  it('receives the generator’s IMIX under faults, and tshark reads the capture', () => {
    const pcap = join(tmp, 'imix.pcapng')
    const scenario = join(SCENARIOS, '82540em-imix-with-faults.json')
    const run = runCli(['run', REFERENCE, '--scenario', scenario, '--pcap', pcap, '--report', '-', '--quiet'])
    expect(run.status, run.stderr).toBe(0)
    const report = JSON.parse(run.stdout)
    expect(report.nic.rxErrors).toBe(3)
    expect(report.nic.linkChanges).toBe(4) // two flaps
    const rows = tsharkRows(pcap, ['frame.len', 'eth.type'])
    expect(rows.length).toBeGreaterThanOrEqual(report.nic.rxFrames)
    expect(new Set(rows.map((r) => r[0])).size).toBeGreaterThan(1) // IMIX: several sizes
  })

  it('passes the receive, send and link conformance suites of nicbench test on the 82540EM', () => {
    const run = runCli([
      'test',
      REFERENCE,
      '--controller',
      '82540em',
      '--suite',
      'receive,send,link',
      '--report',
      '-',
      '--quiet',
    ])
    expect(run.status, run.stderr).toBe(0)
    const report = JSON.parse(run.stdout)
    expect(report.cases.length).toBeGreaterThan(10)
    expect(report.failed).toBe(0)
    expect(report.passed).toBe(report.cases.length)
    const wrong = runCli(['test', REFERENCE, '--controller', 'e1000e'])
    expect(wrong.status).toBe(2)
    expect(wrong.stderr).toContain('--controller')
  })

  it('refuses an unknown controller model with exit 2 and the JSON path', () => {
    const scenario = join(tmp, 'bad-model.json')
    writeFileSync(scenario, JSON.stringify({ controller: { model: '82574l' } }))
    const run = runCli(['run', REFERENCE, '--scenario', scenario])
    expect(run.status).toBe(2)
    expect(run.stderr.trim()).toMatch(/^nicbench: .*bad-model\.json:controller\.model: /)
  })

  it('gives the same report for the same seed', () => {
    const scenario = join(SCENARIOS, '82540em-imix-with-faults.json')
    const once = () => {
      const run = runCli(['run', REFERENCE, '--scenario', scenario, '--seed', '7', '--report', '-', '--quiet'])
      expect(run.status, run.stderr).toBe(0)
      const report = JSON.parse(run.stdout)
      delete report.wallClock // host time, not the run's
      return report
    }
    const a = once()
    expect(once()).toEqual(a)
    expect(a.eventTrace.hash).toMatch(/\S/)
  })
})
