// `nicbench run` as a CI job uses it (cli.md): the report's fields, determinism, the artifacts (JUnit, pcapng read
// back by the real tshark, Chrome trace), bad input (exit 2, one line naming file, place and reason), and scripts that
// throw, spin or exhaust memory (stopped and reported, the host unharmed).
import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../support/cli'
import { ROOT } from '../support/serve'

const REFERENCE = join(ROOT, 'examples', 'reference-miniport.ts')
const FIXTURES = join(ROOT, 'test', 'fixtures')
const PCAP = join(FIXTURES, 'pcap')
const tmp = mkdtempSync(join(tmpdir(), 'nicbench-run-'))

function reportOf(args: string[]) {
  const run = runCli(['run', ...args, '--report', '-', '--quiet'])
  return { run, report: run.stdout ? JSON.parse(run.stdout) : null }
}

function stderrLine(args: string[]) {
  const run = runCli(args)
  return { status: run.status, line: run.stderr.trim() }
}

describe('nicbench run: report and determinism', () => {
  it('reports the fields of cli.md', () => {
    const { run, report } = reportOf([REFERENCE, '--duration', '2ms', '--seed', '7'])
    expect(run.status).toBe(0)
    expect(report).toMatchObject({ version: 1, seed: 7, virtualTimeNs: 2_000_000, stopReason: 'duration' })
    expect(report.script.file).toBe('reference-miniport.ts')
    expect(report.script.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(Object.keys(report.nic)).toEqual(
      expect.arrayContaining(['rxFrames', 'rxMissed', 'rxNoBuffer', 'txFrames', 'interrupts']),
    )
    expect(Object.keys(report.protocol)).toEqual(
      expect.arrayContaining(['indicated', 'returned', 'copiedOnResources', 'corrupted', 'outstanding']),
    )
    expect(report.bugcheck).toBeNull()
    expect(report.log[0].text).toMatch(/^WB-100 at D0000000: 64 rx descriptors/)
  })

  it('gives the same report for the same inputs, apart from wall-clock fields', () => {
    const scenario = join(FIXTURES, 'scenarios', 'poisson.json')
    const a = reportOf([REFERENCE, '--scenario', scenario, '--seed', '3']).report
    const b = reportOf([REFERENCE, '--scenario', scenario, '--seed', '3']).report
    const c = reportOf([REFERENCE, '--scenario', scenario, '--seed', '4']).report
    delete a.wallClock
    delete b.wallClock
    expect(b).toEqual(a)
    expect(a.eventTrace.events).toBeGreaterThan(1000)
    expect(c.eventTrace.hash).not.toBe(a.eventTrace.hash)
  })

  it('stops after --frames received frames', () => {
    const { run, report } = reportOf([REFERENCE, '--frames', '25'])
    expect(run.status).toBe(0)
    expect(report.stopReason).toBe('frames')
    expect(report.nic.rxFrames).toBe(25)
  })
})

describe('nicbench run: artifacts', () => {
  it('writes JUnit, a pcapng that tshark reads, and a Chrome trace', () => {
    const junit = join(tmp, 'junit.xml')
    const pcap = join(tmp, 'wire.pcapng')
    const trace = join(tmp, 'trace.json')
    const run = runCli([
      'run',
      REFERENCE,
      '--duration',
      '1ms',
      '--junit',
      junit,
      '--pcap',
      pcap,
      '--trace',
      trace,
      '--quiet',
    ])
    expect(run.status).toBe(0)
    const xml = readFileSync(junit, 'utf8')
    expect(xml).toMatch(/<testsuites name="nicbench" tests="\d+" failures="0">/)
    expect(xml).toContain('name="R7 NdisFreePacketPool with packets outstanding"')
    const tshark = spawnSync(
      'tshark',
      ['-r', pcap, '-T', 'fields', '-E', 'separator=|', '-e', 'frame.len', '-e', 'frame.comment'],
      {
        encoding: 'utf8',
      },
    )
    expect(tshark.status, tshark.stderr).toBe(0)
    const rows = tshark.stdout
      .trim()
      .split('\n')
      .map((line) => line.split('|'))
    expect(rows).toHaveLength(10)
    for (const [length, comment] of rows) {
      expect(length).toBe('60')
      expect(comment).toMatch(/^indicated in NDIS_PACKET 0x8[0-9A-F]{7}$/)
    }
    const events = JSON.parse(readFileSync(trace, 'utf8')).traceEvents as { name: string; ph: string }[]
    expect(events.some((e) => e.name === 'MiniportISR' && e.ph === 'B')).toBe(true)
    expect(events.some((e) => e.name === 'MiniportHandleInterrupt' && e.ph === 'E')).toBe(true)
    const api = events.find((e) => e.name === 'NdisMIndicateReceivePacket' && e.ph === 'i') as
      { cat: string; args: { at: string } } | undefined
    expect(api?.cat).toBe('api')
    expect(api?.args.at).toMatch(/^reference-miniport\.ts:\d+:\d+$/)
  })

  it('captures both directions and names the descriptor that carried each frame', () => {
    const pcap = join(tmp, 'loopback.pcapng')
    const scenario = join(ROOT, 'examples', 'scenarios', 'sends-over-loopback.json')
    const run = runCli(['run', REFERENCE, '--scenario', scenario, '--duration', '1ms', '--pcap', pcap, '--quiet'])
    expect(run.status).toBe(0)
    const tshark = spawnSync(
      'tshark',
      ['-r', pcap, '-T', 'fields', '-E', 'separator=|', '-e', 'frame.len', '-e', 'frame.comment'],
      { encoding: 'utf8' },
    )
    expect(tshark.status, tshark.stderr).toBe(0)
    const comments = tshark.stdout
      .trim()
      .split('\n')
      .map((line) => line.split('|')[1])
    const sent = comments.filter((c) => /^sent by the protocol in NDIS_PACKET 0x8[0-9A-F]{7}$/.test(c!))
    const indicated = comments.filter((c) => /^indicated in NDIS_PACKET 0x8[0-9A-F]{7}$/.test(c!))
    expect(sent.length).toBeGreaterThan(0)
    expect(indicated.length).toBeGreaterThan(0)
    expect(sent.length + indicated.length).toBe(comments.length)
  })

  it('writes a JUnit failure carrying the finding', () => {
    const junit = join(tmp, 'junit-fail.xml')
    const run = runCli([
      'run',
      join(ROOT, 'examples', 'buggy', 'double-free.ts'),
      '--duration',
      '1ms',
      '--junit',
      junit,
      '--quiet',
    ])
    expect(run.status).toBe(1)
    const xml = readFileSync(junit, 'utf8')
    expect(xml).toMatch(
      /<failure message="NdisFreePacket: packet 0x[0-9A-F]+ is already free \(double free; last freed at double-free\.ts:22:3\)" type="R5">/,
    )
  })
})

describe('nicbench run: bad input exits 2 with one line', () => {
  it.each([
    [['run', join(tmp, 'missing.ts')], /missing\.ts: cannot read the script: ENOENT$/],
    [['run', join(FIXTURES, 'scripts', 'syntax-error.ts')], /syntax-error\.ts:3:3: '\)' expected\.$/],
    [
      ['run', join(FIXTURES, 'scripts', 'type-error.ts')],
      /type-error\.ts:5:34: Argument of type 'NDIS_HANDLE' is not assignable/,
    ],
    [['run', join(FIXTURES, 'scripts', 'imports.ts')], /imports\.ts:1:1: a miniport script cannot import modules/],
    [
      ['run', REFERENCE, '--scenario', join(FIXTURES, 'scenarios', 'bad-json.json')],
      /bad-json\.json:3:21: not valid JSON/,
    ],
    [
      ['run', REFERENCE, '--scenario', join(FIXTURES, 'scenarios', 'bad-schema.json')],
      /bad-schema\.json:wire\.rateFps: Too small/,
    ],
    [
      ['run', REFERENCE, '--scenario', join(FIXTURES, 'scenarios', 'unknown-oid.json')],
      /unknown-oid\.json:protocol\.requests\[0\]\.oid: an OID the workbench knows/,
    ],
    [['run', REFERENCE, '--fault', 'NdisAllocatePacket:two%'], /^nicbench: --fault: /],
    [['run', REFERENCE, '--duration', 'forever'], /^nicbench: --duration: "forever" is not a duration/],
    [['run', REFERENCE, '--verifier', 'paranoid'], /--verifier: "paranoid" is not a level/],
    [['run', REFERENCE, '--bogus'], /unknown option '--bogus'/],
  ])('%j', (args, message) => {
    const { status, line } = stderrLine(args as string[])
    expect(status).toBe(2)
    expect(line.split('\n')[0]).toMatch(message as RegExp)
  })

  it('refuses a replay capture whose link type is not Ethernet, naming file and link type', () => {
    const scenario = join(tmp, 'replay-hdlc.json')
    writeFileSync(scenario, JSON.stringify({ wire: { kind: 'replay', file: join(PCAP, 'hdlc_slarp.pcapng') } }))
    const { status, line } = stderrLine(['run', REFERENCE, '--scenario', scenario])
    expect(status).toBe(2)
    expect(line).toMatch(/hdlc_slarp\.pcapng:byte \d+: .*link type/i)
  })
})

describe('nicbench run: scripts that misbehave', () => {
  it("stops on an exception with the script's own stack", () => {
    const { run, report } = reportOf([join(FIXTURES, 'scripts', 'throws.ts')])
    expect(run.status).toBe(1)
    expect(report.stopReason).toBe('exception')
    expect(report.error.message).toBe('too many descriptors: 8')
    expect(report.error.at).toEqual({ file: 'throws.ts', line: 3, column: 24 })
    expect(report.error.stack).toContain('at MiniportInitialize (throws.ts:16:3)')
  })

  it('stops a handler that spins with DPC_WATCHDOG_VIOLATION at the loop', () => {
    const { run, report } = reportOf([join(FIXTURES, 'scripts', 'spins.ts'), '--watchdog', '1000'])
    expect(run.status).toBe(1)
    expect(report.stopReason).toBe('watchdog')
    expect(report.bugcheck).toMatchObject({
      code: '0x133',
      name: 'DPC_WATCHDOG_VIOLATION',
      at: { file: 'spins.ts', line: 13 },
    })
    expect(report.bugcheck.message).toBe('MiniportInitialize did not return: stopped after 1000 ms of wall-clock time')
  })

  it('stops a script that exhausts memory', () => {
    const { run, report } = reportOf([
      join(FIXTURES, 'scripts', 'hogs-memory.ts'),
      '--memory',
      '48',
      '--watchdog',
      '60000',
    ])
    expect(run.status).toBe(1)
    expect(report.stopReason).toBe('out-of-memory')
  })

  it('stops at a call that is declared but not emulated', () => {
    const { run, report } = reportOf([join(FIXTURES, 'scripts', 'not-emulated.ts')])
    expect(run.status).toBe(1)
    expect(report.bugcheck).toMatchObject({ rule: 'R38', message: 'not emulated: NdisMapFile' })
    expect(report.bugcheck.at).toMatchObject({ file: 'not-emulated.ts', line: 12 })
  })
})
