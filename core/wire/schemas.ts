// Scenario-facing options of each wire backend (docs/scenario-wire.md). The scenario schema composes `WireSchema`.
import { z } from 'zod'
import { DEFAULT_SOURCE, MAC_PATTERN, MAX_FRAME_SIZE, MIN_FRAME_SIZE } from './ethernet'

const frameSize = z.int().min(MIN_FRAME_SIZE).max(MAX_FRAME_SIZE)
const timeNs = z.int().min(0).max(Number.MAX_SAFE_INTEGER)
const mac = z.string().regex(MAC_PATTERN, 'a MAC address such as 02:00:4e:57:42:01')

/** Frame sizes on the wire, FCS included (a 64-byte frame reaches the driver as 60 bytes). */
export const FrameSizeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fixed'), bytes: frameSize }),
  z
    .strictObject({ kind: z.literal('uniform'), min: frameSize, max: frameSize })
    .refine((s) => s.min <= s.max, { message: 'min must not exceed max', path: ['max'] }),
  /** Simple IMIX: 64, 570 and 1518 bytes in the proportions 7 : 4 : 1. */
  z.strictObject({ kind: z.literal('imix') }),
])
export type FrameSize = z.infer<typeof FrameSizeSchema>

export const LineRateSchema = z.union([z.literal(10), z.literal(100), z.literal(1000), z.literal(10000)])

export const GeneratorSchema = z.strictObject({
  kind: z.literal('generator'),
  /** Frames per second on average; ignored when `burst` is given. Never faster than the line allows. */
  rateFps: z.number().positive().max(20_000_000).default(10_000),
  /** `constant`: evenly spaced; `poisson`: exponential gaps with the same mean (seeded). */
  arrivals: z.enum(['constant', 'poisson']).default('constant'),
  size: FrameSizeSchema.default({ kind: 'fixed', bytes: MIN_FRAME_SIZE }),
  /** Every `periodNs`, `frames` frames back to back at line rate. */
  burst: z
    .strictObject({ frames: z.int().min(1).max(1_000_000), periodNs: z.int().min(1).max(Number.MAX_SAFE_INTEGER) })
    .optional(),
  lineRateMbps: LineRateSchema.default(1000),
  startNs: timeNs.default(0),
  /** Stop after this many frames (default: never). */
  count: z.int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  /** Default: the adapter's current address (OID_802_3_CURRENT_ADDRESS once bound; the permanent address before). */
  destination: mac.optional(),
  source: mac.default(DEFAULT_SOURCE),
  /** Stream id carried in every frame; the checker ignores frames of other streams. */
  stream: z.int().min(0).max(0xffff).default(1),
})
export type GeneratorOptions = z.input<typeof GeneratorSchema>

export const ReplaySchema = z.strictObject({
  kind: z.literal('replay'),
  /** pcap or pcapng file of Ethernet frames, relative to the scenario file. */
  file: z.string().min(1),
  /** 2 plays twice as fast (gaps halved), 0.5 half as fast. */
  speed: z.number().positive().max(1_000_000).default(1),
  /** How many times the capture is played; 0 = endlessly. */
  loops: z.int().min(0).max(Number.MAX_SAFE_INTEGER).default(1),
  lineRateMbps: LineRateSchema.default(1000),
  startNs: timeNs.default(0),
})
export type ReplayOptions = z.input<typeof ReplaySchema>

export const LoopbackSchema = z.strictObject({
  kind: z.literal('loopback'),
  /** Time on the cable and in the far end before a transmitted frame starts coming back. */
  delayNs: timeNs.default(0),
  /** Frames in flight at most; more are dropped and counted. */
  capacityFrames: z.int().min(1).max(65536).default(256),
  lineRateMbps: LineRateSchema.default(1000),
})
export type LoopbackOptions = z.input<typeof LoopbackSchema>

export const WireSchema = z.discriminatedUnion('kind', [GeneratorSchema, ReplaySchema, LoopbackSchema])
export type WireOptions = z.input<typeof WireSchema>
export type WireConfig = z.output<typeof WireSchema>
