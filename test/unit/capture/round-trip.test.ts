// Capture writers and readers among themselves: the formats of docs/cli.md `--pcap` (pcapng and pcap,
// virtual-time timestamps), read back by the reader the wire's replay backend uses.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  ByteChunks,
  CaptureError,
  FrameDirection,
  PcapWriter,
  PcapngWriter,
  readCapture,
  type CaptureFrame,
} from '../../../core/capture'
import { nanosecondUnits } from '../../../core/capture/timestamp'
import { buildPcap, buildPcapng } from './build'

function frameOf(n: number, fill: number): Uint8Array {
  return Uint8Array.from({ length: n }, (_, i) => (i * 31 + fill) & 0xff)
}

const exact = (f: CaptureFrame): bigint => BigInt(f.seconds) * 1_000_000_000n + BigInt(f.nanoseconds)

describe('pcapng writer → reader', () => {
  it('keeps bytes, lengths, nanosecond timestamps, direction and comments', () => {
    const w = new PcapngWriter({ epochSeconds: 1_700_000_000, chunkSize: 256 })
    const sizes = [60, 61, 62, 63, 1514, 9014, 14]
    sizes.forEach((n, i) =>
      w.writeFrame(
        i * 1_000_000_007,
        frameOf(n, i),
        0,
        n,
        n + 4,
        (i % 3) as FrameDirection,
        i % 2 ? `descriptor 0x8000${i}040` : undefined,
      ),
    )
    expect(w.frames).toBe(sizes.length)
    const c = readCapture(w.output.toBytes(), 'w.pcapng')
    expect(c.format).toBe('pcapng')
    expect(c.interfaces).toEqual([
      { linkType: 1, linkTypeName: 'ETHERNET', snaplen: 262144, unitsPerSecond: 1e9, name: 'wire' },
    ])
    expect(c.warnings).toEqual([])
    c.frames.forEach((f, i) => {
      expect(f.data).toEqual(frameOf(sizes[i], i))
      expect(f.originalLength).toBe(sizes[i] + 4)
      expect(f.timestampNs).toBe(1_700_000_000n * 1_000_000_000n + BigInt(i * 1_000_000_007))
      expect(exact(f)).toBe(f.timestampNs)
      expect(f.direction).toBe(i % 3)
      expect(f.comment).toBe(i % 2 ? `descriptor 0x8000${i}040` : undefined)
    })
  })

  it('cuts frames to the snap length and keeps the original length', () => {
    const w = new PcapngWriter({ snaplen: 64 })
    w.writeFrame(0, frameOf(100, 1))
    const [f] = readCapture(w.output.toBytes(), 's.pcapng').frames
    expect(f.data).toEqual(frameOf(64, 1))
    expect(f.originalLength).toBe(100)
  })

  it('writes from an offset inside a larger buffer (frames live in emulated memory)', () => {
    const mem = frameOf(4096, 7)
    const w = new PcapngWriter()
    w.writeFrame(5, mem, 1000, 60)
    expect(readCapture(w.output.toBytes(), 'o.pcapng').frames[0].data).toEqual(mem.subarray(1000, 1060))
  })

  it('keeps non-ASCII comments intact', () => {
    const w = new PcapngWriter()
    const comment = 'Ünïcode ☃ 𝄞 end'
    w.writeFrame(0, frameOf(60, 0), 0, 60, 60, 0, comment)
    expect(readCapture(w.output.toBytes(), 'u.pcapng').frames[0].comment).toBe(comment)
  })

  it('refuses options it cannot write', () => {
    expect(() => new PcapngWriter({ snaplen: 0 })).toThrow(RangeError)
    expect(() => new PcapWriter({ epochSeconds: -1 })).toThrow(RangeError)
    expect(() => new PcapWriter({ epochSeconds: 2 ** 32 })).toThrow(RangeError)
  })
})

describe('pcap writer → reader', () => {
  it('writes the nanosecond magic and keeps bytes and timestamps', () => {
    const w = new PcapWriter({ epochSeconds: 1_000 })
    for (let i = 0; i < 50; i++) w.writeFrame(i * 333_333_333, frameOf(60 + i, i))
    const bytes = w.output.toBytes()
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0x4d, 0x3c, 0xb2, 0xa1])
    const c = readCapture(bytes, 'w.pcap')
    expect(c.format).toBe('pcap')
    expect(c.interfaces[0].unitsPerSecond).toBe(1e9)
    expect(c.frames.length).toBe(50)
    c.frames.forEach((f, i) => {
      expect(f.data).toEqual(frameOf(60 + i, i))
      expect(exact(f)).toBe(1_000n * 1_000_000_000n + BigInt(i * 333_333_333))
      expect(f.direction).toBe(0)
    })
  })
})

describe('reader: both byte orders, both pcap magics, pcapng sections and blocks', () => {
  for (const littleEndian of [true, false]) {
    const order = littleEndian ? 'little' : 'big'
    it(`pcap ${order}-endian with microsecond and nanosecond magics`, () => {
      for (const nano of [false, true]) {
        const bytes = buildPcap({
          littleEndian,
          nano,
          frames: [{ sec: 10, frac: nano ? 123456789 : 123456, data: frameOf(60, 1) }],
        })
        const c = readCapture(bytes, 'b.pcap')
        expect(c.byteOrder).toBe(order)
        expect(c.frames[0].nanoseconds).toBe(nano ? 123456789 : 123456000)
        expect(c.frames[0].seconds).toBe(10)
        expect(c.frames[0].data).toEqual(frameOf(60, 1))
      }
    })

    it(`pcapng ${order}-endian: two sections, several interfaces, SPB, obsolete PB, unknown blocks skipped`, () => {
      const bytes = buildPcapng(littleEndian)
      const c = readCapture(bytes, 'multi.pcapng')
      expect(c.byteOrder).toBe(order)
      expect(c.interfaces.map((i) => [i.unitsPerSecond, i.name])).toEqual([
        [1e6, undefined],
        [1e9, 'eth1'],
        [1024, undefined],
      ])
      expect(
        c.frames.map((f) => [f.interfaceIndex, f.seconds, f.nanoseconds, f.data.length, f.originalLength]),
      ).toEqual([
        [0, 1, 500_000_000, 60, 60],
        [1, 2, 7, 61, 61],
        [0, 0, 0, 62, 62],
        [2, 3, 0, 63, 63],
        [2, 4, 500_000_000, 64, 64],
      ])
      expect(c.frames[1].direction).toBe(FrameDirection.Outbound)
      expect(c.frames[1].comment).toBe('second')
    })
  }
})

describe('reader: bad input is a CaptureError with file, offset and reason', () => {
  const w = new PcapWriter()
  w.writeFrame(0, frameOf(60, 0))
  w.writeFrame(1, frameOf(70, 0))
  const good = w.output.toBytes()

  const error = (bytes: Uint8Array, options?: Parameters<typeof readCapture>[2]): CaptureError => {
    try {
      readCapture(bytes, 'bad.pcap', options)
    } catch (e) {
      expect(e).toBeInstanceOf(CaptureError)
      return e as CaptureError
    }
    throw new Error('expected a CaptureError')
  }

  it('a 0-byte file is refused as empty; a header-only capture gives zero frames', () => {
    expect(error(new Uint8Array(0)).reason).toBe('empty')
    expect(readCapture(new PcapWriter().output.toBytes(), 'h.pcap').frames).toEqual([])
    expect(readCapture(new PcapngWriter().output.toBytes(), 'h.pcapng').frames).toEqual([])
  })

  it('names the file, the offset and the reason', () => {
    const bad = good.slice()
    bad[0] = 0x00
    const e = error(bad)
    expect([e.file, e.offset, e.reason]).toEqual(['bad.pcap', 0, 'bad-magic'])
    expect(e.message).toMatch(/^bad\.pcap: byte 0: not a pcap or pcapng capture/)
  })

  it('a cut header is an error; a cut last record is a warning by default and an error on request', () => {
    expect(error(good.subarray(0, 20)).reason).toBe('truncated')
    const cut = good.subarray(0, good.length - 5)
    const c = readCapture(cut, 'cut.pcap')
    expect(c.frames.length).toBe(1)
    expect(c.warnings).toEqual([
      `cut.pcap: byte ${24 + 16 + 60}: record of 70 bytes cut off by the end of the file; frames before it were kept`,
    ])
    expect(error(cut, { truncatedLastRecord: 'error' }).reason).toBe('truncated')
    const cutHeader = good.subarray(0, 24 + 16 + 60 + 7)
    expect(readCapture(cutHeader, 'c.pcap').warnings[0]).toMatch(/record header cut off/)
  })

  it('absurd lengths: over 256 KiB is refused', () => {
    const huge = good.slice()
    new DataView(huge.buffer).setUint32(24 + 8, 0x7fffffff, true)
    expect(error(huge).reason).toBe('bad-length')
  })

  it('a record longer than the snapshot length is cut to it with a warning, as libpcap reads it', () => {
    const snap = buildPcap({
      littleEndian: true,
      nano: true,
      snaplen: 64,
      frames: [
        { sec: 0, frac: 0, data: frameOf(65, 0) },
        { sec: 0, frac: 1, data: frameOf(60, 1) },
        { sec: 0, frac: 2, data: frameOf(100, 2) },
      ],
    })
    const c = readCapture(snap, 'snap.pcap')
    expect(c.frames.map((f) => [f.data.length, f.originalLength, f.offset])).toEqual([
      [64, 65, 24],
      [60, 60, 24 + 16 + 65],
      [64, 100, 24 + 16 + 65 + 16 + 60],
    ])
    expect(c.frames[0]!.data).toEqual(frameOf(65, 0).subarray(0, 64))
    expect(c.frames[1]!.data).toEqual(frameOf(60, 1))
    expect(c.warnings).toEqual([
      'snap.pcap: byte 24: record of 65 bytes is longer than the snapshot length 64 (and 1 more record(s)); cut to it, as libpcap reads it',
    ])
    const ng = new PcapngWriter({ snaplen: 64 })
    ng.writeFrame(0, frameOf(64, 3))
    const bytes = ng.output.toBytes()
    // Make the interface (the block after the section header) claim a snapshot length of 32: the 64-byte packet
    // block is now longer than it.
    const view = new DataView(bytes.buffer, bytes.byteOffset)
    view.setUint32(view.getUint32(4, true) + 12, 32, true)
    const cut = readCapture(bytes, 'snap.pcapng')
    expect(cut.frames[0]!.data).toEqual(frameOf(64, 3).subarray(0, 32))
    expect(cut.warnings[0]).toMatch(
      /^snap\.pcapng: byte \d+: record of 64 bytes is longer than the snapshot length 32; cut/,
    )
  })

  it('a link type other than Ethernet is refused with its name and number', () => {
    const raw = good.slice()
    new DataView(raw.buffer).setUint32(20, 101, true)
    const e = error(raw)
    expect(e.reason).toBe('link-type')
    expect(e.message).toBe(
      'bad.pcap: byte 20: link type 101 (RAW (IP)) is not Ethernet (1); the wire carries Ethernet frames only',
    )
  })
})

describe('ByteChunks', () => {
  it('keeps appended records in order across chunk boundaries and oversize records', () => {
    const c = new ByteChunks(16)
    const expected: number[] = []
    for (const n of [5, 10, 3, 40, 1, 16]) {
      const at = c.reserve(n)
      for (let i = 0; i < n; i++) {
        c.bytes[at + i] = (n + i) & 0xff
        expected.push((n + i) & 0xff)
      }
    }
    expect(c.byteLength).toBe(75)
    expect(Array.from(c.toBytes())).toEqual(expected)
    expect(c.byteLength).toBe(0)
    expect(c.drain()).toEqual([])
  })
})

describe('timestamp arithmetic', () => {
  it('splits seconds * 10^9 + nanoseconds into exact 32-bit halves for every second below 2^32', () => {
    const out = new Uint32Array(2)
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 999_999_999 }), (s, ns) => {
        nanosecondUnits(s, ns, out)
        expect((BigInt(out[1]) << 32n) | BigInt(out[0])).toBe(BigInt(s) * 1_000_000_000n + BigInt(ns))
      }),
    )
  })
})
