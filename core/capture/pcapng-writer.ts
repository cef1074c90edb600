// pcapng (IETF draft-ietf-opsawg-pcapng) written by hand: the npm packages that write pcapng are unmaintained or
// lack per-packet options (epb_flags, opt_comment), and the format's part we need is small.
import { ByteChunks } from './byte-chunks'
import type { FrameDirection } from './frame-direction'
import { LINKTYPE_ETHERNET } from './link-type'
import { nanosecondUnits } from './timestamp'
import { utf8Length, utf8Write } from './utf8'
import { checkedEpoch, copyFrame, checkedSnaplen, NS_PER_S, type CaptureWriterOptions } from './writer-options'

const SHB = 0x0a0d0d0a
const IDB = 0x00000001
const EPB = 0x00000006
const BYTE_ORDER_MAGIC = 0x1a2b3c4d
const OPT_ENDOFOPT = 0
const OPT_COMMENT = 1
const SHB_USERAPPL = 4
const IF_NAME = 2
const IF_TSRESOL = 9
const EPB_FLAGS = 2

export interface PcapngWriterOptions extends CaptureWriterOptions {
  /** if_name of the one interface (default "wire"). */
  interfaceName?: string
  /** shb_userappl (default "NIC Workbench"). */
  application?: string
}

const pad4 = (n: number): number => (n + 3) & ~3

/**
 * One section, one Ethernet interface with nanosecond timestamps (if_tsresol 9), one Enhanced Packet Block per
 * frame carrying its direction (epb_flags) and an optional comment (e.g. the packet descriptor's address).
 * Written little-endian; readers use the byte-order magic.
 */
export class PcapngWriter {
  readonly output: ByteChunks
  private readonly epochSeconds: number
  private readonly snaplen: number
  private readonly ts = new Uint32Array(2)
  frames = 0

  constructor(options: PcapngWriterOptions = {}) {
    this.output = new ByteChunks(options.chunkSize)
    this.epochSeconds = checkedEpoch(options.epochSeconds)
    this.snaplen = checkedSnaplen(options.snaplen)
    this.writeSectionHeader(options.application ?? 'NIC Workbench')
    this.writeInterface(options.interfaceName ?? 'wire')
  }

  /**
   * Appends one frame seen at virtual time `timeNs`: `length` bytes of `data` from `offset` (cut to the snap length),
   * `originalLength` as it was on the wire.
   */
  writeFrame(
    timeNs: number,
    data: Uint8Array,
    offset = 0,
    length = data.length - offset,
    originalLength = length,
    direction: FrameDirection = 0,
    comment?: string,
  ): void {
    const caplen = Math.min(length, this.snaplen)
    const commentBytes = comment === undefined ? 0 : utf8Length(comment)
    let optionBytes = direction !== 0 ? 8 : 0
    if (comment !== undefined) optionBytes += 4 + pad4(commentBytes)
    if (optionBytes > 0) optionBytes += 4
    const total = 28 + pad4(caplen) + optionBytes + 4
    const out = this.output
    const at = out.reserve(total)
    const v = out.view
    const nanos = timeNs % NS_PER_S
    nanosecondUnits(this.epochSeconds + (timeNs - nanos) / NS_PER_S, nanos, this.ts)
    v.setUint32(at, EPB, true)
    v.setUint32(at + 4, total, true)
    v.setUint32(at + 8, 0, true)
    v.setUint32(at + 12, this.ts[1], true)
    v.setUint32(at + 16, this.ts[0], true)
    v.setUint32(at + 20, caplen, true)
    v.setUint32(at + 24, originalLength, true)
    copyFrame(out.bytes, at + 28, data, offset, caplen)
    let p = at + 28 + pad4(caplen)
    if (direction !== 0) {
      v.setUint16(p, EPB_FLAGS, true)
      v.setUint16(p + 2, 4, true)
      v.setUint32(p + 4, direction, true)
      p += 8
    }
    if (comment !== undefined) {
      v.setUint16(p, OPT_COMMENT, true)
      v.setUint16(p + 2, commentBytes, true)
      utf8Write(comment, out.bytes, p + 4)
      p += 4 + pad4(commentBytes)
    }
    if (optionBytes > 0) p += 4 // opt_endofopt: already zero
    v.setUint32(p, total, true)
    this.frames++
  }

  private writeSectionHeader(application: string): void {
    const appBytes = utf8Length(application)
    const total = 24 + 4 + pad4(appBytes) + 4 + 4
    const out = this.output
    const at = out.reserve(total)
    const v = out.view
    v.setUint32(at, SHB, true)
    v.setUint32(at + 4, total, true)
    v.setUint32(at + 8, BYTE_ORDER_MAGIC, true)
    v.setUint16(at + 12, 1, true)
    v.setUint16(at + 14, 0, true)
    v.setInt32(at + 16, -1, true) // section length unknown (-1, 64-bit)
    v.setInt32(at + 20, -1, true)
    v.setUint16(at + 24, SHB_USERAPPL, true)
    v.setUint16(at + 26, appBytes, true)
    utf8Write(application, out.bytes, at + 28)
    v.setUint16(at + 28 + pad4(appBytes), OPT_ENDOFOPT, true)
    v.setUint32(at + total - 4, total, true)
  }

  private writeInterface(name: string): void {
    const nameBytes = utf8Length(name)
    const total = 16 + 4 + pad4(nameBytes) + 8 + 4 + 4
    const out = this.output
    const at = out.reserve(total)
    const v = out.view
    v.setUint32(at, IDB, true)
    v.setUint32(at + 4, total, true)
    v.setUint16(at + 8, LINKTYPE_ETHERNET, true)
    v.setUint32(at + 12, this.snaplen, true)
    let p = at + 16
    v.setUint16(p, IF_NAME, true)
    v.setUint16(p + 2, nameBytes, true)
    utf8Write(name, out.bytes, p + 4)
    p += 4 + pad4(nameBytes)
    v.setUint16(p, IF_TSRESOL, true)
    v.setUint16(p + 2, 1, true)
    out.bytes[p + 4] = 9
    v.setUint32(at + total - 4, total, true)
  }
}
