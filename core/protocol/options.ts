// Scenario-facing behaviour of the emulated bound protocol (product README: "holds packets a while, returns them
// through MiniportReturnPacket, sends its own frames down through MiniportSendPackets"). The scenario schema composes
// `ProtocolSchema`. Times are integer nanoseconds, as in the wire's options.
import { z } from 'zod'
import { DEFAULT_DESTINATION, MAC_PATTERN } from '../wire/ethernet'
import { OID_NAMES, type OidName } from '../miniport/oid-names'

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
  /** Default: the adapter's own current address (a loopback test: the wire brings the frames back to it). */
  destination: mac.optional(),
  source: mac.default(DEFAULT_DESTINATION),
  startNs: timeNs.default(0),
})
export type ProtocolSendOptions = z.infer<typeof ProtocolSendSchema>

/** NDIS_PACKET_TYPE_* names a scenario uses for the packet filter. */
export const FILTER_NAMES = ['DIRECTED', 'MULTICAST', 'ALL_MULTICAST', 'BROADCAST', 'PROMISCUOUS'] as const

/** How the protocol binds (docs/ndis-environment.md "Binding"). */
export const BindingSchema = z.strictObject({
  /** False: no binding at all (a driver under test of its initialisation only): no OIDs, no traffic to a protocol. */
  enabled: z.boolean().default(true),
  /** OID_GEN_CURRENT_LOOKAHEAD the protocol sets (at most what OID_GEN_MAXIMUM_LOOKAHEAD answered). */
  lookahead: z.int().min(1).max(65536).default(128),
  /** OID_GEN_CURRENT_PACKET_FILTER: a transport's filter by default (ReactOS tcpip lan.c: directed, multicast, broadcast). */
  packetFilter: z.array(z.enum(FILTER_NAMES)).max(5).default(['DIRECTED', 'MULTICAST', 'BROADCAST']),
  /** OID_802_3_MULTICAST_LIST. */
  multicast: z.array(mac).max(32).default([]),
  /** Interval of the statistics polls (OID_GEN_XMIT_OK ... RCV_NO_BUFFER); 0: none. */
  statisticsIntervalNs: timeNs.default(10_000_000),
})
export type BindingConfig = z.output<typeof BindingSchema>

const vendorOid = z
  .int()
  .min(0xff000000, 'an OID name (OID_GEN_..., OID_802_3_...) or a vendor OID from 0xFF000000')
  .max(0xffffffff)

/** One OID request the scenario makes at a virtual time, once bound. */
export const OidRequestSchema = z.strictObject({
  atNs: timeNs,
  type: z.enum(['query', 'set']),
  oid: z.union([z.enum(OID_NAMES as [OidName, ...OidName[]]), vendorOid], {
    error:
      'an OID the workbench knows (OID_GEN_..., OID_802_3_..., docs/script-api.md) or a vendor OID from 0xFF000000',
  }),
  /** A query's InformationBufferLength (default 4). */
  length: z.int().min(0).max(65536).optional(),
  /** A set's information: a packet filter by names, a list of addresses, a ULONG, or bytes in hex. */
  filter: z.array(z.enum(FILTER_NAMES)).max(5).optional(),
  addresses: z.array(mac).max(64).optional(),
  ulong: z.int().min(0).max(0xffffffff).optional(),
  bytes: z
    .string()
    .regex(/^([0-9a-fA-F]{2})*$/, 'bytes in hex, two digits each')
    .max(8192)
    .optional(),
})
export type OidRequestConfig = z.output<typeof OidRequestSchema>

export const ProtocolSchema = z.strictObject({
  binding: BindingSchema.prefault({}),
  /** OID requests at virtual times once the binding is made (set the filter to promiscuous at 5 ms, ...). */
  requests: z.array(OidRequestSchema).max(1000).default([]),
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
