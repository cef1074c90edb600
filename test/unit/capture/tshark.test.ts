// Captures checked against Wireshark's tshark, the independent oracle (../shared/reference/stack.md, "Other tools"):
// what the workbench writes opens in tshark with the same frames, and the real captures it replays
// (test/fixtures/pcap, README.md there) are read as tshark reads them.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CaptureError, PcapWriter, PcapngWriter, readCapture, type CaptureFile } from '../../../core/capture'
import { buildPcap, buildPcapng } from './build'
import { epochOf, haveTshark, hexOf, mapLimit, tsharkError, tsharkFrames, type TsharkFrame } from './tshark'

const DATA = join(__dirname, '../../fixtures/pcap')
/** An optional folder of more captures to check the same way (never needed: the fixtures are the required set). */
const EXTRA = process.env['NICBENCH_EXTRA_CAPTURES']
const dir = mkdtempSync(join(tmpdir(), 'nicwb-capture-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const write = (name: string, bytes: Uint8Array): string => {
  const path = join(dir, name)
  writeFileSync(path, bytes)
  return path
}

/** Our reader's view in tshark's terms. */
const ours = (c: CaptureFile): TsharkFrame[] =>
  c.frames.map((f) => ({
    len: f.originalLength,
    capLen: f.data.length,
    epoch: epochOf(f.seconds, f.nanoseconds),
    hex: hexOf(f.data),
  }))

const plain = (t: TsharkFrame[]): TsharkFrame[] => t.map(({ len, capLen, epoch, hex }) => ({ len, capLen, epoch, hex }))

function frameOf(n: number, seed: number): Uint8Array {
  return Uint8Array.from({ length: n }, (_, i) => (i * 17 + seed * 13) & 0xff)
}

/** Rewrites frames read from a capture with a writer: virtual time 0 is the earliest frame's second. */
function rewrite<W extends PcapWriter | PcapngWriter>(c: CaptureFile, make: (epochSeconds: number) => W): W {
  const epoch = Math.min(...c.frames.map((f) => f.seconds))
  const w = make(Number.isFinite(epoch) ? epoch : 0)
  const base = BigInt(Number.isFinite(epoch) ? epoch : 0) * 1_000_000_000n
  for (const f of c.frames)
    w.writeFrame(Number(f.timestampNs - base), f.data, 0, f.data.length, f.originalLength, f.direction, f.comment)
  return w
}

describe.skipIf(!haveTshark)('tshark reads what the workbench writes (cli.md --pcap)', () => {
  const sizes = [60, 64, 100, 1514, 1518, 9014, 20, 61]
  const timeNs = (i: number): number => i * 1_234_567_891 + (i % 3)

  it('pcapng: same frame count, lengths, nanosecond times, bytes, direction and per-packet comments', async () => {
    const w = new PcapngWriter({ epochSeconds: 1_750_000_000, snaplen: 9000 })
    sizes.forEach((n, i) =>
      w.writeFrame(
        timeNs(i),
        frameOf(n, i),
        0,
        n,
        n,
        ((i % 2) + 1) as 1 | 2,
        `descriptor 0x${(0x80001040 + i * 0x40).toString(16)}`,
      ),
    )
    const t = await tsharkFrames(write('written.pcapng', w.output.toBytes()))
    expect(t.length).toBe(sizes.length)
    t.forEach((f, i) => {
      const n = sizes[i]
      expect(f.len).toBe(n)
      expect(f.capLen).toBe(Math.min(n, 9000))
      expect(f.epoch).toBe(epochOf(1_750_000_000 + Math.floor(timeNs(i) / 1e9), timeNs(i) % 1e9))
      expect(f.hex).toBe(hexOf(frameOf(n, i).subarray(0, 9000)))
      expect(f.direction).toBe(`0x0000000${(i % 2) + 1}`)
      expect(f.comment).toBe(`descriptor 0x${(0x80001040 + i * 0x40).toString(16)}`)
    })
  })

  it('pcap (nanosecond magic): same frame count, lengths, times and bytes', async () => {
    const w = new PcapWriter({ epochSeconds: 86_400 })
    sizes.forEach((n, i) => w.writeFrame(timeNs(i), frameOf(n, i)))
    const t = await tsharkFrames(write('written.pcap', w.output.toBytes()))
    expect(t).toEqual(
      sizes.map((n, i) => ({
        len: n,
        capLen: n,
        epoch: epochOf(86_400 + Math.floor(timeNs(i) / 1e9), timeNs(i) % 1e9),
        hex: hexOf(frameOf(n, i)),
      })),
    )
  })

  it('hand-built files in both byte orders are read as tshark reads them', async () => {
    const files: [string, Uint8Array][] = []
    for (const le of [true, false]) {
      files.push([`multi-${le}.pcapng`, buildPcapng(le)])
      for (const nano of [true, false]) {
        const frames = [0, 1, 2].map((i) => ({
          sec: 100 + i,
          frac: nano ? 999_999_999 - i : 999_999 - i,
          data: frameOf(60 + i, i),
        }))
        files.push([`hand-${le}-${nano}.pcap`, buildPcap({ littleEndian: le, nano, frames })])
      }
    }
    for (const [name, bytes] of files) {
      // tshark lists the unknown block (filled with 0xee) as a record, and shows no time for the Simple Packet Block,
      // which has none (the reader gives it time 0).
      const t = plain(await tsharkFrames(write(name, bytes)))
        .filter((f) => !/^(ee)+$/.test(f.hex))
        .map((f) => (f.epoch === '' ? { ...f, epoch: '0.000000000' } : f))
      expect(t.length).toBe(name.endsWith('.pcapng') ? 5 : 3)
      expect(ours(readCapture(bytes, name)), name).toEqual(t)
    }
  })
})

const capturesIn = (dir: string): string[] => readdirSync(dir).filter((f) => /\.pcap(ng)?$/i.test(f))
const files = capturesIn(DATA)

describe.skipIf(!haveTshark)(
  'replaying test/fixtures/pcap: the reader agrees with tshark, and rewriting keeps every frame',
  () => {
    it('has the sample captures, with their licence', () => {
      expect(files.length).toBeGreaterThanOrEqual(45)
      expect(readFileSync(join(DATA, 'LICENSE.tcpdump'), 'utf8')).toMatch(/^License: BSD/)
    })

    it(
      'every Ethernet capture: same frames as tshark; rewritten as pcapng and pcap, tshark sees the same frames again',
      async () => {
        const readable = files.map((f) => {
          try {
            return { f, c: readCapture(readFileSync(join(DATA, f)), f) }
          } catch (e) {
            expect(e, f).toBeInstanceOf(CaptureError)
            expect((e as CaptureError).reason, f).toBe('link-type')
            return { f, c: undefined }
          }
        })
        expect(readable.filter((r) => r.c === undefined).map((r) => r.f)).toEqual([
          'bgp-ovs.pcapng',
          'hdlc_slarp.pcapng',
        ])
        const ethernet = readable.filter((r): r is { f: string; c: CaptureFile } => r.c !== undefined)
        // time_2107.pcapng's seconds exceed 2^32, which the writers' epoch (and classic pcap) cannot hold.
        const rewritable = ethernet.filter((r) => r.f !== 'time_2107.pcapng')

        const originals = await mapLimit(ethernet, 2, (r) => tsharkFrames(join(DATA, r.f)))
        ethernet.forEach((r, i) => expect(ours(r.c), r.f).toEqual(plain(originals[i])))
        expect(ethernet.reduce((a, r) => a + r.c.frames.length, 0)).toBeGreaterThan(1500)

        // All sections in one pcapng file (one section per source capture): one tshark run checks every frame.
        const sections = rewritable.map((r) =>
          rewrite(r.c, (epochSeconds) => new PcapngWriter({ epochSeconds })).output.toBytes(),
        )
        const joined = new Uint8Array(sections.reduce((a, s) => a + s.length, 0))
        sections.reduce((at, s) => (joined.set(s, at), at + s.length), 0)
        const again = plain(await tsharkFrames(write('all.pcapng', joined)))
        expect(again).toEqual(rewritable.flatMap((r) => plain(originals[ethernet.indexOf(r)])))

        const pcaps = await mapLimit(rewritable, 2, (r) =>
          tsharkFrames(
            write(
              r.f.replace(/\.pcapng$/, '') + '.re.pcap',
              rewrite(r.c, (epochSeconds) => new PcapWriter({ epochSeconds })).output.toBytes(),
            ),
          ),
        )
        rewritable.forEach((r, i) => expect(plain(pcaps[i]), r.f).toEqual(plain(originals[ethernet.indexOf(r)])))
      },
      // About 90 tshark runs: slow on a busy machine.
      240_000,
    )

    it('the refused link types are real captures tshark reads (the refusal is the wire being Ethernet-only)', async () => {
      for (const f of ['bgp-ovs.pcapng', 'hdlc_slarp.pcapng']) {
        expect(await tsharkError(join(DATA, f))).toBe('')
        expect(() => readCapture(readFileSync(join(DATA, f)), f)).toThrow(/is not Ethernet/)
      }
    })
  },
)

// An optional extended corpus (for instance the captures of ../shared/data/pcap, or a user's own): when
// NICBENCH_EXTRA_CAPTURES names a folder, every capture in it is read as tshark reads it, or refused with a
// CaptureError naming its reason. Without it this block is skipped; the required set is test/fixtures/pcap.
describe.skipIf(!haveTshark || EXTRA === undefined)('NICBENCH_EXTRA_CAPTURES: more captures, when given', () => {
  it('every capture: the same frames as tshark, or a clear refusal', async () => {
    expect(existsSync(EXTRA!), `NICBENCH_EXTRA_CAPTURES=${EXTRA}: no such folder`).toBe(true)
    const extra = capturesIn(EXTRA!)
    await mapLimit(extra, 2, async (f) => {
      let c: CaptureFile
      try {
        c = readCapture(readFileSync(join(EXTRA!, f)), f)
      } catch (e) {
        expect(e, f).toBeInstanceOf(CaptureError)
        return
      }
      expect(ours(c), f).toEqual(plain(await tsharkFrames(join(EXTRA!, f))))
    })
  }, 240_000)
})

describe('bad input: every sample capture and corrupted copies give frames or a CaptureError, nothing else', () => {
  /** A small deterministic generator so the corruptions are the same on every run. */
  function* lcg(seed: number): Generator<number> {
    let s = seed >>> 0
    for (;;) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0
      yield s
    }
  }

  function outcome(bytes: Uint8Array, name: string): 'frames' | 'error' {
    try {
      readCapture(bytes, name)
      return 'frames'
    } catch (e) {
      if (!(e instanceof CaptureError)) throw new Error(`${name}: ${String(e)}`, { cause: e })
      expect(e.message.startsWith(`${name}: byte `), e.message).toBe(true)
      // The catch-all wrapper in readCapture would hide a reader bug: it must never be reached.
      expect(e.detail.startsWith('unreadable capture'), e.message).toBe(false)
      expect(e.offset >= 0 && e.offset <= bytes.length, e.message).toBe(true)
      return 'error'
    }
  }

  it('truncations, bad magics, huge lengths and random byte damage', () => {
    const w = new PcapngWriter()
    w.writeFrame(1, frameOf(60, 1), 0, 60, 60, 1, 'descriptor 0x80001040')
    const samples: [string, Uint8Array][] = files.map((f) => [f, new Uint8Array(readFileSync(join(DATA, f)))])
    samples.push(['written.pcapng', w.output.toBytes()], ['multi-be.pcapng', buildPcapng(false)])
    const counts = { frames: 0, error: 0 }
    for (const [name, original] of samples) {
      const rnd = lcg(original.length)
      const next = (n: number): number => rnd.next().value! % n
      const variants: Uint8Array[] = []
      for (const cut of [0, 1, 3, 4, 8, 12, 23, 24, 27, 28, 40])
        variants.push(original.subarray(0, Math.min(cut, original.length)))
      for (let k = 0; k < 12; k++) variants.push(original.subarray(0, next(original.length)))
      const badMagic = original.slice()
      badMagic[0] ^= 0xff
      variants.push(badMagic)
      for (const at of [4, 8, 12, 16, 20, 24, 32, 36, 40, 48]) {
        for (const value of [0xffffffff, 0x7fffffff, 0x00040001, 0, 13]) {
          if (at + 4 > original.length) continue
          const v = original.slice()
          new DataView(v.buffer).setUint32(at, value, true)
          variants.push(v)
        }
      }
      for (let k = 0; k < 60; k++) {
        const v = original.slice()
        const flips = 1 + next(8)
        for (let j = 0; j < flips; j++) v[next(v.length)] = next(256)
        variants.push(v)
      }
      for (const v of [original, ...variants]) counts[outcome(v, name)]++
    }
    expect(counts.frames).toBeGreaterThan(100)
    expect(counts.error).toBeGreaterThan(100)
  })
})
