// Replay in virtual time's range: a capture whose first pass would arrive beyond 2^53 ns (huge gaps, a tiny speed) is
// found before the run, at the frame's byte offset; pcapng times near 2^64 ns and untimed Simple Packet Blocks play.
import { describe, expect, it } from 'vitest'
import { readCapture } from '../../../core/capture'
import { MAX_TIME_NS } from '../../../core/sim/clock'
import { lineTimeNs, PcapReplay, replayOutOfRange } from '../../../core/wire'
import { buildPcap, buildPcapngPackets } from '../capture/build'

const frame = (n: number, tag: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + tag) & 0xff)

function arrivals(r: PcapReplay): number[] {
  const out: number[] = []
  const buf = new Uint8Array(2048)
  while (r.nextArrivalNs() < Infinity && out.length < 100) {
    out.push(r.nextArrivalNs())
    r.takeFrame(buf)
  }
  return out
}

describe('replay and the range of virtual time', () => {
  const wide = readCapture(
    buildPcap({
      littleEndian: true,
      nano: false,
      frames: [
        { sec: 0, frac: 0, data: frame(60, 1) },
        { sec: 1, frac: 0, data: frame(60, 2) },
        { sec: 0xffffffff, frac: 0, data: frame(60, 3) },
      ],
    }),
    'wide.pcap',
  )

  it('names the first frame that would arrive beyond it, at its byte offset', () => {
    const out = replayOutOfRange(wide)
    expect(out).toMatchObject({ frame: 2, offset: 24 + 2 * (16 + 60) })
    expect(out!.message).toMatch(
      /^frame 3 is 4\.29497e\+9 s after the first; at speed 1 it would arrive at 4\.295e\+18 ns, beyond virtual time's range/,
    )
    expect(replayOutOfRange(wide, { speed: 1_000_000 })).toBeNull()
  })

  it('a tiny speed is out of range at the first gap, not an engine failure', () => {
    expect(replayOutOfRange(wide, { speed: 1e-300 })).toMatchObject({ frame: 1, offset: 24 + 16 + 60 })
  })

  it('a frame past the range never arrives: the replay ends there instead of scheduling it', () => {
    const r = new PcapReplay(wide)
    const times = arrivals(r)
    expect(times.length).toBe(2)
    expect(r.nextArrivalNs()).toBe(Infinity)
    expect(r.overflowNs).toBeGreaterThan(MAX_TIME_NS)
    const endless = new PcapReplay(wide, { loops: 0, speed: 1_000_000 })
    expect(arrivals(endless).every((t) => t <= MAX_TIME_NS)).toBe(true)
  })

  it('pcapng nanosecond times near 2^64 play with their exact gaps; an untimed block follows the frame before it', () => {
    const top = (1n << 64n) - 1n
    const c = readCapture(
      buildPcapngPackets({
        tsresol: 9,
        packets: [
          { units: top - 3_000n, data: frame(60, 1) },
          { units: null, data: frame(60, 2) },
          { units: top - 1_000n, data: frame(60, 3) },
          { units: top, data: frame(60, 4) },
        ],
      }),
      'top.pcapng',
    )
    expect(c.frames.map((f) => f.untimed ?? false)).toEqual([false, true, false, false])
    expect(replayOutOfRange(c)).toBeNull()
    const line = lineTimeNs(60, 1000)
    // Frames 1 and 2 share a time (the second waits for the line); 3 comes 2 µs after 1, 4 one µs after 3.
    expect(arrivals(new PcapReplay(c))).toEqual([line, 2 * line, 2000 + line, 3000 + line])
  })
})
