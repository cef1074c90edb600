// Scenario-facing behaviour of the emulated bound protocol (product README: "holds packets a while, returns them
// through MiniportReturnPacket, sends its own frames down through MiniportSendPackets"). The scenario schema composes
// `ProtocolSchema`. Times are integer nanoseconds, as in the wire's options.
import { z } from 'zod'
import { DEFAULT_DESTINATION, DEFAULT_SOURCE, MAC_PATTERN } from '../wire/ethernet'

const timeNs = z.int().min(0).max(Number.MAX_SAFE_INTEGER)
const mac = z.string().regex(MAC_PATTERN, 'a MAC address such as 02:00:4e:57:42:01')

/** How long the protocol keeps a packet it pended before NdisReturnPackets (ndis5.md §3.5). */
export const HoldTimeSchema = z.discriminatedUnion('distribution', [
  z.strictObject({ distribution: z.literal('fixed'), ns: timeNs }),
  z
    .strictObject({ distribution: z.literal('uniform'), minNs: timeNs, maxNs: timeNs })
    .refine((h) => h.minNs <= h.maxNs, { message: 'minNs must not exceed maxNs', path: ['maxNs'] }),
  z.strictObject({ distribution: z.literal('exponential'), meanNs: timeNs }),
])
export type HoldTime = z.infer<typeof HoldTimeSchema>

/** Smallest and largest frame the protocol sends, without FCS (802.3 minimum, and a standard 1500-byte MTU). */
export const MIN_SEND_BYTES = 60
export const MAX_SEND_BYTES = 1514

export const ProtocolSendSchema = z.strictObject({
  /** Frames per second handed to the miniport; 0 = the protocol sends nothing. */
  rateFps: z.number().min(0).max(10_000_000).default(0),
  /** Frame length without FCS. */
  bytes: z.int().min(MIN_SEND_BYTES).max(MAX_SEND_BYTES).default(MIN_SEND_BYTES),
  /** Packets per MiniportSendPackets call (MiniportSend is always called with one). */
  batch: z.int().min(1).max(256).default(1),
  /** Packet descriptors in the protocol's own send pool: the most sends it can have outstanding. */
  packets: z.int().min(1).max(4096).default(32),
  /** Stream id of the test frames sent (a loopback wire brings them back to this stream's checker). */
  stream: z.int().min(0).max(0xffff).default(2),
  destination: mac.default(DEFAULT_SOURCE),
  source: mac.default(DEFAULT_DESTINATION),
  startNs: timeNs.default(0),
})
export type ProtocolSendOptions = z.infer<typeof ProtocolSendSchema>

export const ProtocolSchema = z.strictObject({
  holdTime: HoldTimeSchema.default({ distribution: 'fixed', ns: 50_000 }),
  /**
   * Fraction of SUCCESS indications the protocol keeps (pends, returns later); the others it copies and releases
   * during ProtocolReceivePacket. RESOURCES indications are always copied (ndis5.md §3.3).
   */
  keepFraction: z.number().min(0).max(1).default(1),
  /** Stream id of the generator's frames checked for sequence and CRC; other frames count as unchecked. */
  receiveStream: z.int().min(0).max(0xffff).default(1),
  send: ProtocolSendSchema.default(ProtocolSendSchema.parse({})),
  /**
   * What the protocol does with the packets it holds when it unbinds before MiniportHalt: `return` gives every one
   * back at once (as a transport closing the adapter does); `keep` goes on holding them for their hold time, so NDIS
   * halts the miniport while they are out and MiniportHalt must wait for MiniportReturnPacket (ndis5.md §3.7, R23).
   */
  onUnbind: z.enum(['return', 'keep']).default('return'),
})
export type ProtocolOptions = z.input<typeof ProtocolSchema>
export type ProtocolConfig = z.output<typeof ProtocolSchema>
