// `nicbench test`, `merge` and `diff` through the real CLI (docs/cli.md): the suites pass the reference miniport,
// the fault sweep finds a leak on an error path at the call that reaches it, shards merge into the unsharded report
// byte for byte, and bad input is exit 2.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SuiteReport } from '../../core/conformance/suite-report'
import { runCli } from '../support/cli'
import { ROOT } from '../support/serve'

const REFERENCE = join(ROOT, 'examples', 'reference-miniport.ts')
const work = () => mkdtempSync(join(tmpdir(), 'nicbench-test-cmd-'))
const readReport = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as SuiteReport

describe('nicbench test', { timeout: 300_000 }, () => {
  it('passes the reference miniport on the oid, receive, send, link and reset suites, with a JUnit case per case', () => {
    const dir = work()
    const r = runCli([
      'test',
      REFERENCE,
      '--suite',
      'link,receive,send,oid,reset',
      '--report',
      join(dir, 'r.json'),
      '--junit',
      join(dir, 'r.xml'),
    ])
    expect(r.status, r.stdout + r.stderr).toBe(0)
    const report = readReport(join(dir, 'r.json'))
    expect(report.suites).toEqual(['oid', 'receive', 'send', 'link', 'reset'])
    expect(report.failed).toBe(0)
    expect(report.cases.map((c) => c.id)).toContain('receive/size-1518')
    expect(report.cases.filter((c) => c.suite !== 'oid').every((c) => c.evidence.indicated > 0)).toBe(true)
    const junit = readFileSync(join(dir, 'r.xml'), 'utf8')
    expect(junit.match(/<testcase /g)).toHaveLength(report.cases.length)
    expect(r.stdout).toMatch(new RegExp(`PASS {2}reference-miniport\\.ts: ${report.cases.length} of`))
  })

  it('fails each allocation site once; a leak on one error path fails only the case that reaches it', () => {
    const dir = work()
    const text = readFileSync(REFERENCE, 'utf8')
    // The second shared-memory allocation's error path forgets the first block.
    const leaky = text.replace(
      'if (!AllocateShared(A, A.RxBufferCount * RX_BUFFER_SIZE)) return NDIS_STATUS_RESOURCES',
      'if (!AllocateShared(A, A.RxBufferCount * RX_BUFFER_SIZE)) {\n    A.RxRingVa = NULL\n    return NDIS_STATUS_RESOURCES\n  }',
    )
    expect(leaky).not.toBe(text)
    const script = join(dir, 'leaky-miniport.ts')
    writeFileSync(script, leaky)
    const sharedLine =
      leaky.split('\n').findIndex((l) => l.includes('NdisMAllocateSharedMemory(A.MiniportAdapterHandle, Length')) + 1
    const r = runCli(['test', script, '--suite', 'fault', '--report', join(dir, 'f.json')])
    expect(r.status, r.stdout + r.stderr).toBe(1)
    const report = readReport(join(dir, 'f.json'))
    const failed = report.cases.filter((c) => c.status === 'fail')
    expect(failed.map((c) => c.id)).toEqual([`fault/NdisMAllocateSharedMemory@${sharedLine}#2`])
    expect(failed[0]!.failures.join('\n')).toMatch(/leak|not freed|still allocated/i)
    // Every other allocation site of the driver was failed too, and survived.
    const calls = new Set(report.cases.map((c) => c.fault?.split('@')[0]).filter(Boolean))
    expect([...calls].sort()).toEqual([
      'MmGetSystemAddressForMdlSafe',
      'NdisAllocateBuffer',
      'NdisAllocatePacket',
      'NdisMAllocateSharedMemory',
    ])
    expect(report.cases[0]!.id).toBe('fault/clean-run')
  })

  it('four shards merged are the unsharded report, byte for byte', () => {
    const dir = work()
    const whole = runCli(['test', REFERENCE, '--suite', 'fault,link', '--report', join(dir, 'whole.json')])
    expect(whole.status, whole.stderr).toBe(0)
    const parts = [1, 2, 3, 4].map((i) => join(dir, `part${i}.json`))
    for (const [i, part] of parts.entries()) {
      const r = runCli([
        'test',
        REFERENCE,
        '--suite',
        'fault,link',
        '--shard',
        `${i + 1}/4`,
        '--report',
        part,
        '--quiet',
      ])
      expect(r.status, r.stderr).toBe(0)
      expect(readReport(part).cases.length).toBeLessThan(readReport(join(dir, 'whole.json')).cases.length)
    }
    const merged = runCli(['merge', ...parts.reverse(), '--report', join(dir, 'merged.json')])
    expect(merged.status, merged.stderr).toBe(0)
    expect(readFileSync(join(dir, 'merged.json'), 'utf8')).toBe(readFileSync(join(dir, 'whole.json'), 'utf8'))
    const missing = runCli(['merge', parts[0]!, parts[1]!])
    expect(missing.status).toBe(2)
    expect(missing.stderr).toMatch(/shard\(s\) .* missing/)
  })

  it('refuses an unknown suite, a shard out of range and slices of different scripts', () => {
    const suite = runCli(['test', REFERENCE, '--suite', 'receive,nonsense'])
    expect(suite.status).toBe(2)
    expect(suite.stderr).toContain('"nonsense" is not a suite')
    const shard = runCli(['test', REFERENCE, '--shard', '5/4'])
    expect(shard.status).toBe(2)
    expect(shard.stderr).toContain('the shard must be 1 to 4')
    const dir = work()
    const other = join(dir, 'other.ts')
    writeFileSync(other, readFileSync(REFERENCE, 'utf8') + '\n// another text\n')
    expect(
      runCli(['test', REFERENCE, '--suite', 'link', '--shard', '1/2', '--report', join(dir, 'a.json')]).status,
    ).toBe(0)
    expect(runCli(['test', other, '--suite', 'link', '--shard', '2/2', '--report', join(dir, 'b.json')]).status).toBe(0)
    const merged = runCli(['merge', join(dir, 'a.json'), join(dir, 'b.json')])
    expect(merged.status).toBe(2)
    expect(merged.stderr).toContain('not of one run')
  })
})

describe('nicbench diff', () => {
  it('names the first event where two traces part ways, and agrees with itself', () => {
    const dir = work()
    // Poisson arrivals: the seed decides when each frame comes.
    const scenario = join(ROOT, 'examples', 'scenarios', 'imix-with-faults.json')
    for (const seed of ['1', '2']) {
      const trace = join(dir, `t${seed}.json`)
      const report = join(dir, `r${seed}.json`)
      const r = runCli([
        'run',
        REFERENCE,
        '--scenario',
        scenario,
        '--duration',
        '2ms',
        '--seed',
        seed,
        '--quiet',
        '--trace',
        trace,
        '--report',
        report,
      ])
      expect(r.status, r.stderr).toBe(0)
    }
    const same = runCli(['diff', join(dir, 'r1.json'), join(dir, 'r1.json')])
    expect(same.status).toBe(0)
    const reports = runCli(['diff', join(dir, 'r1.json'), join(dir, 'r2.json')])
    expect(reports.status).toBe(1)
    expect(reports.stdout).toMatch(/^first divergence: seed\n/)
    const traces = runCli(['diff', join(dir, 't1.json'), join(dir, 't2.json')])
    expect(traces.status).toBe(1)
    expect(traces.stdout).toMatch(/^first divergence: event \d+ at [\d.]+ µs/)
    const bad = runCli(['diff', join(dir, 'r1.json'), join(dir, 'missing.json')])
    expect(bad.status).toBe(2)
  })
})

describe('nicbench advise', { timeout: 300_000 }, () => {
  it('finds the fewest packet descriptors the scenario needs, and what one fewer costs', () => {
    const run = runCli(['advise', REFERENCE, '--report', '-'])
    expect(run.status, run.stderr).toBe(0)
    const { advice } = JSON.parse(run.stdout) as {
      advice: { kind: string; asked: number; needed: number | null; withOneFewer: string[] }[]
    }
    const packet = advice.find((a) => a.kind === 'packet')!
    expect(packet.asked).toBeGreaterThan(0)
    expect(packet.needed).toBeGreaterThan(1)
    expect(packet.needed).toBeLessThan(packet.asked)
    expect(packet.withOneFewer.join()).toMatch(/RESOURCES|dropped|indicated/)
    // The reference fails MiniportInitialize without all its receive buffers: it needs every one it asks for.
    const buffer = advice.find((a) => a.kind === 'buffer')!
    expect(buffer.needed).toBe(buffer.asked)
    expect(run.stderr).toMatch(/^packet pools: the driver asks for \d+ descriptors; this scenario needs \d+ \(margin/m)
  })

  it('refuses a verifier level it does not know', () => {
    const r = runCli(['advise', REFERENCE, '--verifier', 'loud'])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('"loud" is not a level')
  })
})
