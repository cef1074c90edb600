// Mutated captures (seeded, at least 500 a run): each is read by the capture reader and, when it reads, replayed into
// the reference miniport for a short run, in-process through the core API; a handful go through the real
// `nicbench run` for the exit codes. Every one must be a run, a clear exit 2 (a located CaptureError or replay
// error), or a finding; never a host exception (exit 3), a run that does not end (hang), or an exception other than
// CaptureError out of the reader (escape).
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { CaptureError, PcapngWriter, PcapWriter, readCapture, type CaptureFile } from '../../core/capture'
import { buildReport } from '../../core/engine/report-builder'
import { SeededRandom } from '../../core/sim/seeded-random'
import { replayOutOfRange } from '../../core/wire'
import { buildPcap, buildPcapng, buildPcapngPackets } from '../unit/capture/build'
import { CLI, ROOT } from '../support/serve'
import { newRun, REFERENCE } from './fuzz-run'
import { fuzzSeed, OutcomeTable, type Outcome } from './outcomes'

const SEED = fuzzSeed()
const MUTANTS = Number(process.env['NICBENCH_FUZZ_CAPTURES'] ?? 600)
/** Scheduler events one short run may take; a run still going after them does not end (a hang, counted). */
const EVENT_BUDGET = 2_000_000
const VIRTUAL_RUN = '2ms'
const HANG_MS = 4 * 60_000

const frameOf = (r: SeededRandom, n: number): Uint8Array => {
  const f = new Uint8Array(n)
  for (let i = 0; i < n; i++) f[i] = r.nextU32() & 0xff
  f.set([0x02, 0, 0x4e, 0x57, 0x42, 0x01], 0)
  return f
}

/** Valid captures of several shapes, from the project's writers and the hand-built test captures. */
function seeds(r: SeededRandom): { name: string; bytes: Uint8Array }[] {
  const pcapng = new PcapngWriter({ epochSeconds: 1_750_000_000 })
  const pcap = new PcapWriter({ epochSeconds: 1_750_000_000 })
  const nano = new PcapWriter({ snaplen: 128 })
  for (let i = 0; i < 12; i++) {
    const f = frameOf(r, 60 + r.nextInt(400))
    pcapng.writeFrame(i * 1000, f, 0, f.length, f.length, (i % 3) as 0 | 1 | 2, i % 4 === 0 ? `frame ${i}` : undefined)
    pcap.writeFrame(i * 7000, f)
    nano.writeFrame(i * 3, f)
  }
  const big = new PcapngWriter()
  big.writeFrame(0, frameOf(r, 9000))
  return [
    { name: 'w.pcapng', bytes: pcapng.output.toBytes() },
    { name: 'w.pcap', bytes: pcap.output.toBytes() },
    { name: 'snap.pcap', bytes: nano.output.toBytes() },
    { name: 'jumbo.pcapng', bytes: big.output.toBytes() },
    { name: 'sections-le.pcapng', bytes: buildPcapng(true) },
    { name: 'sections-be.pcapng', bytes: buildPcapng(false) },
    {
      name: 'be-nano.pcap',
      bytes: buildPcap({
        littleEndian: false,
        nano: true,
        frames: [0, 1, 2, 3].map((i) => ({ sec: 10 + i, frac: 999_999_000 + i, data: frameOf(r, 64 + i) })),
      }),
    },
    {
      name: 'top.pcapng',
      bytes: buildPcapngPackets({
        tsresol: 9,
        packets: [
          { units: (1n << 64n) - 5000n, data: frameOf(r, 60) },
          { units: null, data: frameOf(r, 61) },
          { units: (1n << 64n) - 1n, data: frameOf(r, 62) },
        ],
      }),
    },
  ]
}

const INTERESTING = [
  0, 1, 3, 4, 12, 0x7f, 0x80, 0xff, 0xffff, 0x10000, 0x40000, 0x1000000, 0x7fffffff, 0x80000000, 0xffffffff,
]

/** One mutation of `bytes`, described for a reproduction. */
function mutate(r: SeededRandom, bytes: Uint8Array): { bytes: Uint8Array; how: string } {
  const out = bytes.slice()
  const n = out.length
  const v = new DataView(out.buffer)
  const at = r.nextInt(Math.max(1, n))
  switch (r.nextInt(8)) {
    case 0: {
      const x = 1 + r.nextInt(255)
      out[at] ^= x
      return { bytes: out, how: `byte ${at} ^= 0x${x.toString(16)}` }
    }
    case 1: {
      const bit = r.nextInt(8)
      out[at] ^= 1 << bit
      return { bytes: out, how: `bit ${bit} of byte ${at} flipped` }
    }
    case 2: {
      const a = (at & ~3) % Math.max(4, n - 3)
      const x = INTERESTING[r.nextInt(INTERESTING.length)]!
      const le = r.nextInt(2) === 0
      if (a + 4 <= n) v.setUint32(a, x, le)
      return { bytes: out, how: `u32 at ${a} = 0x${x.toString(16)} (${le ? 'LE' : 'BE'})` }
    }
    case 3:
      return { bytes: out.subarray(0, at), how: `cut to ${at} bytes` }
    case 4: {
      const len = 1 + r.nextInt(64)
      const grown = new Uint8Array(n + len)
      grown.set(out.subarray(0, at))
      for (let i = 0; i < len; i++) grown[at + i] = r.nextU32() & 0xff
      grown.set(out.subarray(at), at + len)
      return { bytes: grown, how: `${len} random bytes inserted at ${at}` }
    }
    case 5: {
      const len = Math.min(n - at, 1 + r.nextInt(200))
      const grown = new Uint8Array(n + len)
      grown.set(out.subarray(0, at + len))
      grown.set(out.subarray(at, at + len), at + len)
      grown.set(out.subarray(at + len), at + 2 * len)
      return { bytes: grown, how: `${len} bytes at ${at} repeated` }
    }
    case 6: {
      // A block or record length field (pcapng: offset 4 of a block; pcap: caplen at 8 of a record) made huge.
      const a = (at & ~3) % Math.max(4, n - 3)
      const x = [16 * 1024 * 1024, 16 * 1024 * 1024 - 4, 262144, 262145, 65536][r.nextInt(5)]!
      if (a + 4 <= n) v.setUint32(a, x, true)
      return { bytes: out, how: `u32 at ${a} = ${x} (a length)` }
    }
    default: {
      for (let k = 0; k < 4; k++) out[r.nextInt(Math.max(1, n))] = r.nextU32() & 0xff
      return { bytes: out, how: `4 random bytes overwritten` }
    }
  }
}

/** Reads and replays one capture in-process; the outcome class. */
function replayInProcess(bytes: Uint8Array, name: string): Outcome {
  let capture: CaptureFile
  try {
    capture = readCapture(bytes, name)
  } catch (error) {
    return error instanceof CaptureError ? 'clear exit 2' : 'escape'
  }
  const wire = { kind: 'replay' as const, file: name, loops: 2 }
  if (replayOutOfRange(capture, wire)) return 'clear exit 2'
  try {
    const { run, exports } = newRun(REFERENCE, { duration: VIRTUAL_RUN, wire }, { replay: capture })
    let events = 0
    if (run.start(exports)) {
      while (run.advance(65536)) {
        events = run.scheduler.dispatched
        if (events > EVENT_BUDGET) return 'hang'
      }
    }
    run.shutDown()
    const report = buildReport(run, null)
    if (report.workbenchBugs) return 'exit 3'
    return report.findings.length > 0 || report.bugcheck || report.error ? 'finding/bug check' : 'ran'
  } catch {
    return 'exit 3'
  }
}

function cliOutcome(args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: 'ignore' })
    // A CLI run of a 2 ms scenario takes seconds; one still going after minutes does not end (its watchdog would
    // have stopped any handler long before).
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      resolve('hang')
    }, HANG_MS)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve(code === 0 ? 'ran' : code === 1 ? 'finding/bug check' : code === 2 ? 'clear exit 2' : 'exit 3')
    })
  })
}

describe('mutated captures', () => {
  it(
    `are each a run, a clear exit 2 or a finding (seed ${SEED})`,
    async () => {
      const r = new SeededRandom(SEED)
      const bases = seeds(r)
      const table = new OutcomeTable()
      for (const b of bases) table.add(replayInProcess(b.bytes, b.name), `${b.name} unmutated`)
      const kept: { name: string; bytes: Uint8Array; how: string }[] = []
      for (let i = 0; i < MUTANTS; i++) {
        const base = bases[r.nextInt(bases.length)]!
        let m = mutate(r, base.bytes)
        // Some mutants get a second mutation: the interesting failures need two wrong fields.
        if (r.nextInt(4) === 0) {
          const again = mutate(r, m.bytes)
          m = { bytes: again.bytes, how: `${m.how}; ${again.how}` }
        }
        const outcome = replayInProcess(m.bytes, base.name)
        table.add(outcome, `${base.name}: ${m.how}`)
        if (kept.length < 6 && (i % 97 === 0 || outcome !== 'ran')) kept.push({ name: base.name, ...m })
      }
      // A handful through the real CLI (worker, supervisor, exit codes), including every bad in-process outcome.
      const dir = mkdtempSync(join(tmpdir(), 'nicbench-fuzz-'))
      const cli = new OutcomeTable()
      await Promise.all(
        kept.slice(0, 6).map(async (m, i) => {
          const file = join(dir, `m${i}-${m.name}`)
          writeFileSync(file, m.bytes)
          const scenario = join(dir, `m${i}.json`)
          writeFileSync(scenario, JSON.stringify({ duration: VIRTUAL_RUN, wire: { kind: 'replay', file, loops: 2 } }))
          cli.add(
            await cliOutcome([
              'run',
              join(ROOT, 'examples', 'reference-miniport.ts'),
              '--scenario',
              scenario,
              '--quiet',
            ]),
            `${m.name}: ${m.how}`,
          )
        }),
      )
      table.print(`mutated captures, in-process (${MUTANTS} mutants of ${bases.length} captures)`, SEED)
      cli.print('mutated captures, through nicbench run', null)
      expect(table.total).toBeGreaterThanOrEqual(500)
      expect(table.examples).toEqual([])
      expect(cli.examples).toEqual([])
      // Bounded by the work, not the clock: the timeout only stops a suite stuck on a busy machine.
    },
    10 * 60_000,
  )
})
