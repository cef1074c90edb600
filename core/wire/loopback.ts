import { lineTimeNs } from './ethernet'
import { LoopbackSchema, type LoopbackOptions } from './schemas'
import { newWireStatistics, type WireBackend } from './wire-backend'

type Config = ReturnType<typeof LoopbackSchema.parse>

/** Longest frame the loopback keeps: the controller's largest (16384 bytes without FCS). */
export const LOOPBACK_MAX_FRAME_BYTES = 16384

/**
 * Loopback plug: every transmitted frame comes back `delayNs` after it was sent, plus its line time (and later if
 * the line is still busy with the previous one). Frames wait in a ring of fixed slots allocated once, so nothing is
 * allocated per frame; a full ring or an over-long frame drops it (counted in `statistics.dropped`).
 *
 * The controller only looks at `nextArrivalNs` when it is told to: set `onArrivalScheduled` to the controller's
 * `wireChanged` so a transmitted frame schedules its own return.
 */
export class Loopback implements WireBackend {
  readonly kind = 'loopback' as const
  readonly statistics = newWireStatistics()
  readonly config: Config
  onArrivalScheduled: (() => void) | undefined
  private readonly slots: Uint8Array
  private readonly lengths: Int32Array
  private readonly arrivals: Float64Array
  private head = 0
  private count = 0
  private lineFreeNs = 0

  constructor(options: Omit<LoopbackOptions, 'kind'> & { kind?: 'loopback' } = {}) {
    this.config = LoopbackSchema.parse({ ...options, kind: 'loopback' })
    const n = this.config.capacityFrames
    this.slots = new Uint8Array(n * LOOPBACK_MAX_FRAME_BYTES)
    this.lengths = new Int32Array(n)
    this.arrivals = new Float64Array(n)
  }

  /** Frames in flight. */
  get pending(): number {
    return this.count
  }

  nextArrivalNs(): number {
    return this.count > 0 ? this.arrivals[this.head] : Infinity
  }

  takeFrame(into: Uint8Array): number {
    if (this.count === 0) return 0
    const slot = this.head
    const length = this.lengths[slot]
    const at = slot * LOOPBACK_MAX_FRAME_BYTES
    into.set(this.slots.subarray(at, at + Math.min(length, into.length)))
    this.head = (slot + 1) % this.lengths.length
    this.count--
    this.statistics.delivered++
    this.statistics.deliveredBytes += length
    return length
  }

  transmit(frame: Uint8Array, length: number, timeNs: number): void {
    this.statistics.transmitted++
    this.statistics.transmittedBytes += length
    const n = this.lengths.length
    if (this.count === n || length > LOOPBACK_MAX_FRAME_BYTES || length > frame.length || !(length > 0)) {
      this.statistics.dropped++
      return
    }
    const slot = (this.head + this.count) % n
    this.slots.set(frame.subarray(0, length), slot * LOOPBACK_MAX_FRAME_BYTES)
    this.lengths[slot] = length
    const start = Math.max(timeNs + this.config.delayNs, this.lineFreeNs)
    const end = start + lineTimeNs(length, this.config.lineRateMbps)
    this.lineFreeNs = end
    this.arrivals[slot] = end
    this.count++
    if (this.count === 1) this.onArrivalScheduled?.()
  }
}
