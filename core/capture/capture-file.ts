import type { FrameDirection } from './frame-direction'

/** One frame read from a capture. */
export interface CaptureFrame {
  /** Seconds since the Unix epoch (integer; may exceed 2^32 in pcapng). A Simple Packet Block has no time: 0. */
  seconds: number
  /** Nanoseconds within the second, 0…999 999 999. */
  nanoseconds: number
  /** The exact timestamp in nanoseconds since the Unix epoch (too large for a float64 to hold exactly). */
  timestampNs: bigint
  /** The captured bytes: a plain Uint8Array view into the file's bytes (not a copy). */
  data: Uint8Array
  /** Length on the wire; larger than `data.length` when the capture cut the frame (snap length). */
  originalLength: number
  linkType: number
  /** Index into `CaptureFile.interfaces` (counted across sections). */
  interfaceIndex: number
  /** From pcapng epb_flags; 0 (unknown) in pcap. */
  direction: FrameDirection
  /** First opt_comment of the block, if any. */
  comment?: string
  /** Byte offset of the frame's record (pcap) or block (pcapng) in the file: where an error about it points. */
  offset: number
  /** A Simple Packet Block carries no time: replay plays it right after the frame before it. */
  untimed?: true
}

export interface CaptureInterface {
  linkType: number
  linkTypeName: string
  snaplen: number
  /** Timestamp units per second (10^6 for microsecond pcap, 10^9 for nanosecond, pcapng if_tsresol). */
  unitsPerSecond: number
  name?: string
}

export interface CaptureFile {
  fileName: string
  format: 'pcap' | 'pcapng'
  byteOrder: 'little' | 'big'
  interfaces: CaptureInterface[]
  frames: CaptureFrame[]
  /** Problems that did not stop the reading: a cut-off last record, records longer than the snapshot length. */
  warnings: string[]
}

export interface CaptureReadOptions {
  /**
   * A last record cut off by the end of the file (a capture stopped mid-write): `warn` (default) keeps the frames
   * before it and adds a warning, as Wireshark and tshark do; `error` throws a CaptureError.
   */
  truncatedLastRecord?: 'warn' | 'error'
}
