// Captures as libpcap reads them, through the real `nicbench run`: a record longer than the snapshot length is cut to
// it with a warning in the report; a capture whose times leave virtual time's range, or a replay too slow for it, is a
// located error (exit 2); a FIFO is refused at once instead of waited on.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildPcap, buildPcapngPackets } from '../unit/capture/build'
import { runCli } from '../support/cli'
import { ROOT } from '../support/serve'

const REFERENCE = join(ROOT, 'examples', 'reference-miniport.ts')
const tmp = mkdtempSync(join(tmpdir(), 'nicbench-captures-'))
const frame = (n: number, tag: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + tag) & 0xff)

function replay(name: string, capture: Uint8Array | null, wire: Record<string, unknown> = {}): string {
  if (capture) writeFileSync(join(tmp, name), capture)
  const scenario = join(tmp, `${name}.json`)
  writeFileSync(scenario, JSON.stringify({ duration: '2ms', wire: { kind: 'replay', file: name, ...wire } }))
  return scenario
}

const twoFrames = (gapSeconds: number) =>
  buildPcap({
    littleEndian: true,
    nano: false,
    frames: [
      { sec: 0, frac: 0, data: frame(60, 1) },
      { sec: gapSeconds, frac: 0, data: frame(60, 2) },
    ],
  })

describe('nicbench run with a replay capture', () => {
  it('cuts records longer than the snapshot length, as libpcap does, and says so in the report', () => {
    const pcap = buildPcap({
      littleEndian: true,
      nano: true,
      snaplen: 64,
      frames: [0, 1, 2].map((i) => ({ sec: 0, frac: i * 1000, data: frame(100, i) })),
    })
    const run = runCli(['run', REFERENCE, '--scenario', replay('snap.pcap', pcap), '--report', '-'])
    expect(run.status).toBe(0)
    const report = JSON.parse(run.stdout)
    expect(report.nic.rxFrames).toBe(3)
    expect(report.warnings).toEqual([
      `${join(tmp, 'snap.pcap')}: byte 24: record of 100 bytes is longer than the snapshot length 64 (and 2 more record(s)); cut to it, as libpcap reads it`,
    ])
    expect(run.stderr).toContain('warning: ')
  })

  it('refuses times beyond virtual time’s range at the frame, with exit 2', () => {
    const run = runCli(['run', REFERENCE, '--scenario', replay('wide.pcap', twoFrames(0xffffffff))])
    expect(run.status).toBe(2)
    expect(run.stderr.trim()).toMatch(
      new RegExp(
        `^nicbench: ${join(tmp, 'wide.pcap')}:byte 100: frame 2 is 4\\.29497e\\+9 s after the first; .*raise wire\\.speed`,
      ),
    )
  })

  it('refuses a speed so slow that the second frame leaves the range (speed 1e-300)', () => {
    const run = runCli(['run', REFERENCE, '--scenario', replay('slow.pcap', twoFrames(1), { speed: 1e-300 })])
    expect(run.status).toBe(2)
    expect(run.stderr.trim()).toMatch(/slow\.pcap:byte 100: frame 2 is 1\.00000 s after the first; at speed 1e-300/)
  })

  it('plays pcapng times near 2^64 ns with an untimed Simple Packet Block among them', () => {
    const top = (1n << 64n) - 1n
    const capture = buildPcapngPackets({
      tsresol: 9,
      packets: [
        { units: null, data: frame(60, 0) },
        { units: top - 1_000_000n, data: frame(60, 1) },
        { units: null, data: frame(60, 2) },
        { units: top, data: frame(60, 3) },
      ],
    })
    const run = runCli(['run', REFERENCE, '--scenario', replay('top.pcapng', capture), '--report', '-', '--quiet'])
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(JSON.parse(run.stdout).nic.rxFrames).toBe(4)
  })

  it.skipIf(process.platform === 'win32')('refuses a FIFO instead of waiting for a writer', () => {
    const fifo = join(tmp, 'fifo.pcap')
    execFileSync('mkfifo', [fifo])
    const scenario = replay('fifo.pcap', null)
    const run = runCli(['run', REFERENCE, '--scenario', scenario])
    expect(run.status).toBe(2)
    expect(run.stderr.trim()).toBe(`nicbench: ${scenario}:wire.file: the capture ${fifo} is a FIFO, not a file`)
  })
})
