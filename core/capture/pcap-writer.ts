// Classic libpcap format, written by hand (see pcapng-writer.ts for why no npm library is used).
import { ByteChunks } from './byte-chunks'
import type { FrameDirection } from './frame-direction'
import { LINKTYPE_ETHERNET } from './link-type'
import { checkedEpoch, copyFrame, checkedSnaplen, NS_PER_S, type CaptureWriterOptions } from './writer-options'

/** Nanosecond-resolution pcap magic (written little-endian, so the file starts 4d 3c b2 a1). */
export const PCAP_MAGIC_NANOSECONDS = 0xa1b23c4d
export const PCAP_MAGIC_MICROSECONDS = 0xa1b2c3d4

/**
 * pcap with nanosecond timestamps and link type Ethernet. It has no place for direction or comments, which
 * `writeFrame` accepts (and drops) so both writers are interchangeable.
 */
export class PcapWriter {
  readonly output: ByteChunks
  private readonly epochSeconds: number
  private readonly snaplen: number
  frames = 0

  constructor(options: CaptureWriterOptions = {}) {
    this.output = new ByteChunks(options.chunkSize)
    this.epochSeconds = checkedEpoch(options.epochSeconds)
    this.snaplen = checkedSnaplen(options.snaplen)
    const at = this.output.reserve(24)
    const v = this.output.view
    v.setUint32(at, PCAP_MAGIC_NANOSECONDS, true)
    v.setUint16(at + 4, 2, true)
    v.setUint16(at + 6, 4, true)
    v.setUint32(at + 16, this.snaplen, true)
    v.setUint32(at + 20, LINKTYPE_ETHERNET, true)
  }

  writeFrame(
    timeNs: number,
    data: Uint8Array,
    offset = 0,
    length = data.length - offset,
    originalLength = length,
    _direction: FrameDirection = 0,
    _comment?: string,
  ): void {
    const caplen = Math.min(length, this.snaplen)
    const out = this.output
    const at = out.reserve(16 + caplen)
    const v = out.view
    const nanos = timeNs % NS_PER_S
    v.setUint32(at, this.epochSeconds + (timeNs - nanos) / NS_PER_S, true)
    v.setUint32(at + 4, nanos, true)
    v.setUint32(at + 8, caplen, true)
    v.setUint32(at + 12, originalLength, true)
    copyFrame(out.bytes, at + 16, data, offset, caplen)
    this.frames++
  }
}
