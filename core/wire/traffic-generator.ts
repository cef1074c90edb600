import type { SeededRandom } from '../sim/seeded-random'
import { DEFAULT_DESTINATION, FCS_BYTES, lineTimeNs, MAX_FRAME_SIZE, parseMac } from './ethernet'
import { FrameSizer } from './frame-sizer'
import { GeneratorSchema, type GeneratorOptions } from './schemas'
import { writeTestFrame } from './test-frame'
import { newWireStatistics, type WireBackend } from './wire-backend'

type Config = ReturnType<typeof GeneratorSchema.parse>

/**
 * Traffic generator: test frames (test-frame.ts) numbered from 0, at a constant or Poisson rate, or in bursts.
 * A frame starts at its nominal time or when the line is free, whichever is later, so the generator never exceeds
 * line rate; it "arrives" at the end of its line time. Sizes and Poisson gaps come from two forks of the given
 * random generator ("sizes", "arrivals"), so changing one never shifts the other.
 */
export class TrafficGenerator implements WireBackend {
  readonly kind = 'generator' as const
  readonly statistics = newWireStatistics()
  readonly config: Config
  private readonly sizer: FrameSizer
  private readonly arrivals: SeededRandom
  private readonly destination: Uint8Array
  private readonly source: Uint8Array
  private readonly scratch = new Uint8Array(MAX_FRAME_SIZE)
  private readonly meanGapNs: number
  /** Frames generated so far; also the next sequence number. */
  private produced = 0
  private lineFreeNs: number
  private nominalNs: number
  private nextBytes = 0
  private nextArrival = Infinity

  constructor(options: Omit<GeneratorOptions, 'kind'> & { kind?: 'generator' }, random: SeededRandom) {
    const c = (this.config = GeneratorSchema.parse({ ...options, kind: 'generator' }))
    this.sizer = new FrameSizer(c.size, random.fork('sizes'))
    this.arrivals = random.fork('arrivals')
    this.destination = parseMac(c.destination ?? DEFAULT_DESTINATION)
    this.source = parseMac(c.source)
    this.meanGapNs = 1e9 / c.rateFps
    this.lineFreeNs = c.startNs
    this.nominalNs = c.startNs
    this.plan()
  }

  /** Frames from now on go to `address` (the adapter's current address; six bytes). */
  addressTo(address: ArrayLike<number>): void {
    for (let i = 0; i < 6; i++) this.destination[i] = address[i]! & 0xff
  }

  /** Sequence number the next frame will carry. */
  get nextSequence(): number {
    return this.produced
  }

  nextArrivalNs(): number {
    return this.nextArrival
  }

  takeFrame(into: Uint8Array): number {
    if (this.nextArrival === Infinity) return 0
    const length = this.nextBytes
    const c = this.config
    if (into.length >= length) writeTestFrame(into, length, this.produced, c.stream, this.destination, this.source)
    else {
      writeTestFrame(this.scratch, length, this.produced, c.stream, this.destination, this.source)
      into.set(this.scratch.subarray(0, into.length))
    }
    this.produced++
    this.statistics.delivered++
    this.statistics.deliveredBytes += length
    this.plan()
    return length
  }

  /** The generator is a source only: what the controller sends is counted and dropped on the floor. */
  transmit(_frame: Uint8Array, length: number): void {
    this.statistics.transmitted++
    this.statistics.transmittedBytes += length
  }

  private plan(): void {
    const c = this.config
    const k = this.produced
    if (c.count !== undefined && k >= c.count) {
      this.nextArrival = Infinity
      return
    }
    let nominal: number
    if (c.burst !== undefined) {
      nominal = k % c.burst.frames === 0 ? c.startNs + (k / c.burst.frames) * c.burst.periodNs : 0
    } else if (c.arrivals === 'constant') {
      nominal = c.startNs + Math.round(k * this.meanGapNs)
    } else {
      if (k > 0) this.nominalNs += Math.round(this.arrivals.nextExponential(this.meanGapNs))
      nominal = this.nominalNs
    }
    const bytes = this.sizer.next() - FCS_BYTES
    const start = Math.max(nominal, this.lineFreeNs)
    const end = start + lineTimeNs(bytes, c.lineRateMbps)
    this.lineFreeNs = end
    this.nextBytes = bytes
    this.nextArrival = end
  }
}
