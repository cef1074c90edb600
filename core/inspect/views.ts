// What the inspection queries answer: the rows and views the Pools, Packets, Controller, Problems and Trace views show
// (plain data, structured-cloned to the UI). The engine protocol and WorkbenchApi (core/api) carry them.

export interface SourceLocation {
  file: string
  line: number
  column: number
}

export interface PoolRow {
  handle: number
  kind: 'packet' | 'buffer'
  createdAt: SourceLocation
  numberOfDescriptors: number
  overflowDescriptors: number
  protocolReservedLength: number
  inUse: number
  /** Of those in use, the packets (buffers) lent to the protocol now: indicated and not yet returned. */
  heldByProtocol: number
  free: number
  highWater: number
  allocations: number
  failures: number
  /** Allocations per second of virtual time over the last stats interval. */
  allocationRate: number
  freed: boolean
}

export interface FindingRow {
  rule: string
  severity: 'error' | 'warning'
  code: string
  params: [string, string, string, string]
  /** Meaning of each parameter, from the rule catalogue. */
  paramMeanings: [string, string, string, string]
  title: string
  message: string
  explanation: string
  at: SourceLocation
  allocatedAt: SourceLocation | null
  timeNs: number
  bugCheck: boolean
}

export interface BugCheckView {
  rule: string
  code: string
  name: string
  params: [string, string, string, string]
  paramMeanings: [string, string, string, string]
  message: string
  at: SourceLocation
}

export type PacketOwner = 'miniport' | 'protocol' | 'free'

export interface PacketSummary {
  address: number
  pool: number
  owner: PacketOwner
  allocatedAt: SourceLocation | null
  totalLength: number
  bufferCount: number
}

export interface DescriptorField {
  name: string
  offset: number
  size: number
  value: number
  /** Shown instead of the number when set (e.g. a status name). */
  display?: string
  /** A link the UI can follow: a pool, a buffer or a packet by address. */
  link?: { kind: 'pool' | 'buffer' | 'packet'; address: number }
}

export interface BufferView {
  address: number
  virtualAddress: number
  byteOffset: number
  byteCount: number
  next: number
  /** Offset of this buffer's first byte within the frame. */
  frameOffset: number
}

/** One node of the decode tree (Ethernet, VLAN, ARP, IPv4, IPv6, ICMP, UDP, TCP). */
export interface DecodeNode {
  label: string
  /** Byte range within the frame. */
  start: number
  length: number
  children: DecodeNode[]
}

export interface OwnershipEvent {
  timeNs: number
  event: 'allocated' | 'indicated' | 'returned' | 'reinitialized' | 'freed' | 'sent' | 'completed'
  at: SourceLocation | null
}

export interface PacketDetail {
  summary: PacketSummary
  fields: DescriptorField[]
  /** Bytes of the whole descriptor (Private, reserved areas, ProtocolReserved, OOB, extension). */
  descriptorBytes: number[]
  chain: BufferView[]
  /** The frame: the chain's bytes in order (at most 16 KiB). */
  bytes: number[]
  decode: DecodeNode[]
  history: OwnershipEvent[]
}

export interface RegisterRow {
  name: string
  offset: number
  value: number
  reset: number
  access: string
  description: string
  section: string
  /** Bit fields decoded from the value (the 82540EM's registers). */
  fields?: { name: string; value: number }[]
}

export interface RingSlot {
  index: number
  owner: 'hardware' | 'driver'
  bufferAddress: number
  length: number
  status: number
  flags: number
}

export interface RingSnapshot {
  ring: 'rx' | 'tx'
  base: number
  size: number
  head: number
  tail: number
  hardwareOwned: number
  slots: RingSlot[]
}

export interface ControllerSnapshot {
  /** The controller model the scenario chose. */
  model: 'wb100' | '82540em'
  registers: RegisterRow[]
  rx: RingSnapshot
  tx: RingSnapshot
  totals: Record<string, number>
  linkUp: boolean
  interruptAsserted: boolean
  /** The 82540EM's EEPROM words and PHY registers; absent for the WB-100. */
  eeprom?: { words: number[]; sum: number }
  phy?: { index: number; name: string; value: number }[]
}

export interface TraceRow {
  seq: number
  timeNs: number
  kind: string
  name: string
  arg: number
  at: SourceLocation | null
}
