import type { CaptureFile } from '../capture/capture-file'
import { lineTimeNs } from './ethernet'
import { ReplaySchema, type ReplayOptions } from './schemas'
import { newWireStatistics, type WireBackend } from './wire-backend'

type Config = ReturnType<typeof ReplaySchema.parse>

/**
 * Replays a capture read by core/capture: the first frame arrives at `startNs` (plus its line time), later ones keep
 * the capture's gaps divided by `speed`. Gaps are never shorter than the line allows and never negative (a capture
 * whose timestamps go backwards plays those frames back to back). Between loops the capture's mean gap is kept, so
 * a looped capture keeps its average rate. Frames cut by the capture's snap length are delivered as captured.
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

  constructor(capture: CaptureFile, options: Partial<Omit<ReplayOptions, 'kind'>> & { kind?: 'replay' } = {}) {
    this.config = ReplaySchema.parse({ file: capture.fileName, ...options, kind: 'replay' })
    const frames = capture.frames
    this.frames = frames.map((f) => f.data)
    this.cut = Uint8Array.from(frames, (f) => (f.data.length < f.originalLength ? 1 : 0))
    this.gaps = new Float64Array(frames.length)
    for (let i = 1; i < frames.length; i++) {
      const gap =
        (frames[i].seconds - frames[i - 1].seconds) * 1e9 + (frames[i].nanoseconds - frames[i - 1].nanoseconds)
      this.gaps[i] = gap > 0 ? gap : 0
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
    this.nextArrival = end
  }
}
