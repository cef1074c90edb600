import type { CaptureFile } from '../capture/capture-file'
import { MAX_TIME_NS } from '../sim/clock'
import { lineTimeNs } from './ethernet'
import { ReplaySchema, type ReplayOptions } from './schemas'
import { newWireStatistics, type WireBackend } from './wire-backend'

type Config = ReturnType<typeof ReplaySchema.parse>

/**
 * Replays a capture read by core/capture: the first frame arrives at `startNs` (plus its line time), later ones keep
 * the capture's gaps divided by `speed`. Gaps are never shorter than the line allows and never negative (a capture
 * whose timestamps go backwards plays those frames back to back). Between loops the capture's mean gap is kept, so
 * a looped capture keeps its average rate. Frames cut by the capture's snap length are delivered as captured.
 * A frame without a time (pcapng Simple Packet Block) follows the frame before it with no gap. A frame that would
 * arrive beyond virtual time's range never arrives (see `replayOutOfRange`, which the host checks first).
 */
export class PcapReplay implements WireBackend {
  readonly kind = 'replay' as const
  readonly statistics = newWireStatistics()
  readonly config: Config
  /** Gap before each frame, in the capture's time (ns); gaps[0] is the gap used when a loop starts again. */
  private readonly gaps: Float64Array
  private readonly frames: Uint8Array[]
  private readonly cut: Uint8Array
  private index = 0
  private nominalNs = 0
  private loop = 0
  private lineFreeNs: number
  private nextArrival = Infinity
  /** Frames delivered shorter than they were on the wire (snap length). */
  truncatedFrames = 0
  /** When the next frame is beyond virtual time's range: the time it would have had (ns), else 0. */
  overflowNs = 0

  constructor(capture: CaptureFile, options: Partial<Omit<ReplayOptions, 'kind'>> & { kind?: 'replay' } = {}) {
    this.config = ReplaySchema.parse({ file: capture.fileName, ...options, kind: 'replay' })
    const frames = capture.frames
    this.frames = frames.map((f) => f.data)
    this.cut = Uint8Array.from(frames, (f) => (f.data.length < f.originalLength ? 1 : 0))
    this.gaps = new Float64Array(frames.length)
    // Gaps from the exact timestamps (pcapng times reach 2^64 units; seconds alone lose the nanoseconds).
    // Untimed frames before the first timed one play at the start.
    let reference = firstTimestampNs(capture)
    for (let i = 1; i < frames.length; i++) {
      const f = frames[i]
      if (f.untimed) continue
      const gap = Number(f.timestampNs - reference)
      this.gaps[i] = gap > 0 ? gap : 0
      reference = f.timestampNs
    }
    if (frames.length > 1) {
      let total = 0
      for (let i = 1; i < frames.length; i++) total += this.gaps[i]
      this.gaps[0] = total / (frames.length - 1)
    }
    this.lineFreeNs = this.config.startNs
    this.plan()
  }

  nextArrivalNs(): number {
    return this.nextArrival
  }

  takeFrame(into: Uint8Array): number {
    if (this.nextArrival === Infinity) return 0
    const data = this.frames[this.index]
    into.set(data.length <= into.length ? data : data.subarray(0, into.length))
    this.statistics.delivered++
    this.statistics.deliveredBytes += data.length
    this.truncatedFrames += this.cut[this.index]
    if (++this.index === this.frames.length) {
      this.index = 0
      this.loop++
    }
    const loops = this.config.loops
    if (loops !== 0 && this.loop >= loops) this.nextArrival = Infinity
    else this.plan()
    return data.length
  }

  /** Replay is a source only: transmitted frames are counted and dropped. */
  transmit(_frame: Uint8Array, length: number): void {
    this.statistics.transmitted++
    this.statistics.transmittedBytes += length
  }

  /** Plans the frame at `index` on the capture's own timeline, delayed only while the line is busy. */
  private plan(): void {
    if (this.frames.length === 0) {
      this.nextArrival = Infinity
      return
    }
    const c = this.config
    if (this.index === 0 && this.loop === 0) this.nominalNs = c.startNs
    else this.nominalNs += Math.round(this.gaps[this.index] / c.speed)
    const start = Math.max(this.nominalNs, this.lineFreeNs)
    const end = start + lineTimeNs(this.frames[this.index].length, c.lineRateMbps)
    this.lineFreeNs = end
    if (end > MAX_TIME_NS || !Number.isFinite(end)) {
      this.overflowNs = end
      this.nextArrival = Infinity
    } else this.nextArrival = end
  }
}

/** The time of the capture's first timed frame (0 when none has a time). */
function firstTimestampNs(capture: CaptureFile): bigint {
  for (const f of capture.frames) if (!f.untimed) return f.timestampNs
  return 0n
}

export interface ReplayOutOfRange {
  /** Index of the first frame that cannot arrive. */
  frame: number
  /** Its byte offset in the capture file. */
  offset: number
  /** Its time after the first frame in the capture (seconds). */
  afterFirstS: number
  message: string
}

/**
 * The first frame of the capture's first pass that would arrive beyond virtual time's range (2^53 ns, about 104
 * days) at the scenario's speed and start, or null when the whole pass fits. A host refuses such a replay as bad
 * input at that frame rather than play part of it.
 */
export function replayOutOfRange(
  capture: CaptureFile,
  options: Partial<Omit<ReplayOptions, 'kind'>> & { kind?: 'replay' } = {},
): ReplayOutOfRange | null {
  const replay = new PcapReplay(capture, options)
  const nothing = new Uint8Array(0)
  const frames = capture.frames
  for (let i = 0; i < frames.length; i++) {
    if (replay.nextArrivalNs() === Infinity) {
      const afterFirstS = Number(frames[i].timestampNs - firstTimestampNs(capture)) / 1e9
      return {
        frame: i,
        offset: frames[i].offset,
        afterFirstS,
        message:
          `frame ${i + 1} is ${afterFirstS.toPrecision(6)} s after the first; at speed ${replay.config.speed} it would ` +
          `arrive at ${replay.overflowNs.toPrecision(4)} ns, beyond virtual time's range (${MAX_TIME_NS} ns, about ` +
          `104 days): raise wire.speed or cut the capture`,
      }
    }
    replay.takeFrame(nothing)
  }
  return null
}
