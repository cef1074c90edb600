// pcap replay (keeps the capture's gaps, speed, loops) and loopback of transmitted frames.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { readCapture } from '../../../core/capture'
import { SeededRandom } from '../../../core/sim'
import {
  createWire,
  GeneratorSchema,
  lineTimeNs,
  Loopback,
  LoopbackSchema,
  PcapReplay,
  ReplaySchema,
  WireSchema,
} from '../../../core/wire'

const DATA = join(__dirname, '../../fixtures/pcap')
const capture = readCapture(readFileSync(join(DATA, 'dns_tcp.pcap')), 'dns_tcp.pcap')
const frameNs = (i: number): number =>
  (capture.frames[i].seconds - capture.frames[0].seconds) * 1e9 +
  capture.frames[i].nanoseconds -
  capture.frames[0].nanoseconds

function drain(r: PcapReplay, max = 1000): { t: number; bytes: Uint8Array }[] {
  const buf = new Uint8Array(16384)
  const out: { t: number; bytes: Uint8Array }[] = []
  while (r.nextArrivalNs() < Infinity && out.length < max) {
    const t = r.nextArrivalNs()
    const n = r.takeFrame(buf)
    out.push({ t, bytes: buf.slice(0, n) })
  }
  return out
}

describe('PcapReplay', () => {
  it('delivers the capture frames with their original gaps', () => {
    const out = drain(new PcapReplay(capture, { startNs: 1000 }))
    expect(out.length).toBe(capture.frames.length)
    out.forEach((f, i) => {
      expect(f.bytes).toEqual(capture.frames[i].data)
      expect(f.t).toBe(1000 + frameNs(i) + lineTimeNs(capture.frames[i].data.length, 1000))
    })
  })

  it('speed 2 halves the gaps', () => {
    const out = drain(new PcapReplay(capture, { speed: 2 }))
    out.forEach((f, i) =>
      expect(Math.abs(f.t - lineTimeNs(capture.frames[i].data.length, 1000) - frameNs(i) / 2)).toBeLessThanOrEqual(i),
    )
  })

  it('loops: plays the capture again after the mean gap; 0 plays endlessly', () => {
    const n = capture.frames.length
    const twice = drain(new PcapReplay(capture, { loops: 2 }))
    expect(twice.length).toBe(2 * n)
    expect(twice[n].bytes).toEqual(capture.frames[0].data)
    const meanGap = Math.round(frameNs(n - 1) / (n - 1))
    const start = (i: number): number => twice[i].t - lineTimeNs(twice[i].bytes.length, 1000)
    expect(start(n) - start(n - 1)).toBe(meanGap)
    for (let i = 1; i < twice.length; i++) expect(twice[i].t).toBeGreaterThan(twice[i - 1].t)
    expect(drain(new PcapReplay(capture, { loops: 0 }), 5 * n).length).toBe(5 * n)
  })

  it('an empty capture delivers nothing', () => {
    const empty = readCapture(readFileSync(join(DATA, 'empty.pcap')), 'empty.pcap')
    const r = new PcapReplay(empty, {})
    expect(r.nextArrivalNs()).toBe(Infinity)
    expect(r.takeFrame(new Uint8Array(64))).toBe(0)
  })

  it('frames cut by the snap length are delivered as captured and counted', () => {
    const cut = readCapture(readFileSync(join(DATA, 'tcp_rst_data-trunc.pcap')), 'trunc.pcap')
    const r = new PcapReplay(cut, {})
    expect(r.takeFrame(new Uint8Array(2048))).toBe(111)
    expect(r.truncatedFrames).toBe(1)
  })

  it('never plays faster than the line: frames with equal timestamps come back to back', () => {
    const big = readCapture(readFileSync(join(DATA, 'vrrp.pcap')), 'vrrp.pcap')
    const out = drain(new PcapReplay(big, { speed: 1_000_000, lineRateMbps: 10 }))
    for (let i = 1; i < out.length; i++)
      expect(out[i].t - out[i - 1].t).toBeGreaterThanOrEqual(lineTimeNs(out[i].bytes.length, 10))
  })
})

describe('Loopback', () => {
  const frame = (n: number, v: number): Uint8Array => new Uint8Array(n).fill(v)

  it('returns transmitted frames in order after the delay and their line time', () => {
    const l = new Loopback({ delayNs: 500 })
    const changed = vi.fn()
    l.onArrivalScheduled = changed
    expect(l.nextArrivalNs()).toBe(Infinity)
    l.transmit(frame(60, 1), 60, 10_000)
    l.transmit(frame(100, 2), 100, 10_000)
    expect(changed).toHaveBeenCalledTimes(1)
    expect(l.nextArrivalNs()).toBe(10_500 + lineTimeNs(60, 1000))
    const buf = new Uint8Array(2048)
    expect(l.takeFrame(buf)).toBe(60)
    expect(buf.subarray(0, 60)).toEqual(frame(60, 1))
    expect(l.nextArrivalNs()).toBe(10_500 + lineTimeNs(60, 1000) + lineTimeNs(100, 1000))
    expect(l.takeFrame(buf)).toBe(100)
    expect(buf.subarray(0, 100)).toEqual(frame(100, 2))
    expect(l.takeFrame(buf)).toBe(0)
  })

  it('keeps a copy: the controller may reuse its buffer after transmit returns', () => {
    const l = new Loopback()
    const tx = frame(60, 9)
    l.transmit(tx, 60, 0)
    tx.fill(0)
    const buf = new Uint8Array(60)
    l.takeFrame(buf)
    expect(buf).toEqual(frame(60, 9))
  })

  it('drops and counts frames when full or too long', () => {
    const l = new Loopback({ capacityFrames: 2 })
    for (let i = 0; i < 3; i++) l.transmit(frame(60, i), 60, i)
    l.transmit(frame(20000, 1), 20000, 5)
    l.transmit(frame(60, 1), 0, 5)
    expect(l.statistics).toEqual({
      delivered: 0,
      deliveredBytes: 0,
      transmitted: 5,
      transmittedBytes: 20180,
      dropped: 3,
    })
    expect(l.pending).toBe(2)
  })
})

describe('scenario schemas', () => {
  it('fill in documented defaults', () => {
    expect(GeneratorSchema.parse({ kind: 'generator' })).toEqual({
      kind: 'generator',
      rateFps: 10_000,
      arrivals: 'constant',
      size: { kind: 'fixed', bytes: 64 },
      lineRateMbps: 1000,
      startNs: 0,
      // No destination: the run addresses frames to the adapter's current address.
      source: '02:00:4e:57:42:fe',
      stream: 1,
    })
    expect(ReplaySchema.parse({ kind: 'replay', file: 'a.pcap' })).toEqual({
      kind: 'replay',
      file: 'a.pcap',
      speed: 1,
      loops: 1,
      lineRateMbps: 1000,
      startNs: 0,
    })
    expect(LoopbackSchema.parse({ kind: 'loopback' })).toEqual({
      kind: 'loopback',
      delayNs: 0,
      capacityFrames: 256,
      lineRateMbps: 1000,
    })
  })

  it('refuse bad values with a path', () => {
    const bad = [
      { kind: 'generator', size: { kind: 'uniform', min: 100, max: 64 } },
      { kind: 'generator', size: { kind: 'fixed', bytes: 63 } },
      { kind: 'generator', rateFps: 0 },
      { kind: 'generator', destination: '02:00:00:00:00' },
      { kind: 'generator', lineRateMbps: 25 },
      { kind: 'generator', burst: { frames: 0, periodNs: 10 } },
      { kind: 'generator', colour: 'red' },
      { kind: 'replay' },
      { kind: 'replay', file: 'a.pcap', speed: -1 },
      { kind: 'loopback', delayNs: 1.5 },
      { kind: 'tap' },
    ]
    for (const b of bad) expect(WireSchema.safeParse(b).success, JSON.stringify(b)).toBe(false)
    const r = WireSchema.safeParse(bad[0])
    expect(r.success ? [] : r.error.issues[0].path).toEqual(['size', 'max'])
  })

  it('createWire builds each backend from a parsed scenario entry', () => {
    const random = new SeededRandom(1)
    expect(createWire(WireSchema.parse({ kind: 'generator' }), random).kind).toBe('generator')
    expect(createWire(WireSchema.parse({ kind: 'loopback' }), random).kind).toBe('loopback')
    expect(createWire(WireSchema.parse({ kind: 'replay', file: 'dns_tcp.pcap' }), random, capture).kind).toBe('replay')
    expect(() => createWire(WireSchema.parse({ kind: 'replay', file: 'x.pcap' }), random)).toThrow(/needs the capture/)
  })
})
