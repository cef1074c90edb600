// pcapng (draft-ietf-opsawg-pcapng): SHB, IDB, EPB, SPB and the obsolete PB, both byte orders, several sections
// and interfaces; other blocks are skipped. Written by hand, see pcap-reader.ts.
import { CaptureError } from './capture-error'
import type { CaptureFile, CaptureFrame, CaptureInterface, CaptureReadOptions } from './capture-file'
import type { FrameDirection } from './frame-direction'
import { linkTypeName, LINKTYPE_ETHERNET } from './link-type'
import { MAX_FRAME_BYTES, refuseLinkType, SnapshotCuts, truncatedRecord, unitsToTime } from './reader-support'
import { utf8Read } from './utf8'

const SHB = 0x0a0d0d0a
const IDB = 1
const PB = 2
const SPB = 3
const EPB = 6
const BYTE_ORDER_MAGIC = 0x1a2b3c4d
/** Larger blocks are refused as corrupt rather than read (a frame is at most 256 KiB plus options). */
const MAX_BLOCK_BYTES = 16 * 1024 * 1024

interface SectionInterface {
  index: number
  linkType: number
  snaplen: number
  unitsPerSecond: bigint
  offsetSeconds: bigint
}

interface Options {
  comment?: string
  flags: number
  name?: string
  tsresol: number
  tsoffset: bigint
}

export function readPcapng(bytes: Uint8Array, file: string, options?: CaptureReadOptions): CaptureFile {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const n = bytes.length
  const frames: CaptureFrame[] = []
  const warnings: string[] = []
  const interfaces: CaptureInterface[] = []
  let section: SectionInterface[] = []
  let le = true
  let firstOrder: 'little' | 'big' = 'little'
  const cuts = new SnapshotCuts()
  let p = 0

  const fail = (at: number, reason: 'bad-block' | 'bad-length' | 'truncated', detail: string): never => {
    throw new CaptureError(file, at, reason, detail)
  }

  // Option codes mean different things in different blocks: 2 is if_name in an IDB and epb_flags in an EPB.
  const readOptions = (start: number, end: number, out: Options, isInterface: boolean): void => {
    let q = start
    while (q + 4 <= end) {
      const code = v.getUint16(q, le)
      const len = v.getUint16(q + 2, le)
      if (code === 0) return
      if (q + 4 + len > end) fail(q, 'bad-block', `option ${code} of ${len} bytes runs past the end of its block`)
      if (code === 1 && out.comment === undefined) out.comment = utf8Read(bytes, q + 4, q + 4 + len)
      else if (isInterface) {
        if (code === 2 && out.name === undefined) out.name = utf8Read(bytes, q + 4, q + 4 + len)
        else if (code === 9 && len >= 1) out.tsresol = bytes[q + 4]
        else if (code === 14 && len === 8) out.tsoffset = v.getBigInt64(q + 4, le)
      } else if (code === 2 && len === 4) out.flags = v.getUint32(q + 4, le)
      q += 4 + ((len + 3) & ~3)
    }
  }

  while (p < n) {
    if (n - p < 12) {
      if (p === 0) fail(p, 'truncated', `pcapng section header cut off after ${n} bytes`)
      truncatedRecord(file, p, 'block header', options, warnings)
      break
    }
    const type = v.getUint32(p, le)
    if (p === 0 || type === SHB) {
      if (v.getUint32(p, true) !== SHB) fail(p, 'bad-block', `expected a section header block`)
      const bom = v.getUint32(p + 8, true)
      if (bom === BYTE_ORDER_MAGIC) le = true
      else if (bom === 0x4d3c2b1a) le = false
      else fail(p + 8, 'bad-block', `bad byte-order magic 0x${bom.toString(16)} in section header`)
      if (p === 0) firstOrder = le ? 'little' : 'big'
    }
    const blockType = v.getUint32(p, le)
    const len = v.getUint32(p + 4, le)
    if (len > MAX_BLOCK_BYTES)
      fail(p + 4, 'bad-length', `block length ${len} exceeds the ${MAX_BLOCK_BYTES}-byte maximum`)
    if (len < 12 || len % 4 !== 0)
      fail(p + 4, 'bad-length', `block length ${len} is not a multiple of 4 of at least 12`)
    if (p + len > n) {
      if (p === 0) fail(p, 'truncated', `pcapng section header cut off`)
      truncatedRecord(file, p, `block of ${len} bytes`, options, warnings)
      break
    }
    if (v.getUint32(p + len - 4, le) !== len)
      fail(p + len - 4, 'bad-length', `trailing block length differs from ${len}`)
    const end = p + len - 4

    if (blockType === SHB) {
      if (len < 28) fail(p + 4, 'bad-length', `section header block of ${len} bytes is too short`)
      const major = v.getUint16(p + 12, le)
      if (major !== 1)
        throw new CaptureError(
          file,
          p + 12,
          'unsupported-version',
          `pcapng version ${major}.${v.getUint16(p + 14, le)} (only 1.x is read)`,
        )
      section = []
    } else if (blockType === IDB) {
      if (len < 20) fail(p + 4, 'bad-length', `interface description block of ${len} bytes is too short`)
      const linkType = v.getUint16(p + 8, le)
      if (linkType !== LINKTYPE_ETHERNET) refuseLinkType(file, p + 8, linkType)
      const snaplen = v.getUint32(p + 12, le)
      const o: Options = { flags: 0, tsresol: 6, tsoffset: 0n }
      readOptions(p + 16, end, o, true)
      const tsresol = o.tsresol
      const unitsPerSecond = tsresol & 0x80 ? 1n << BigInt(tsresol & 0x7f) : 10n ** BigInt(tsresol)
      const index = interfaces.length
      interfaces.push({
        linkType,
        linkTypeName: linkTypeName(linkType),
        snaplen,
        unitsPerSecond: Number(unitsPerSecond),
        name: o.name,
      })
      section.push({ index, linkType, snaplen, unitsPerSecond, offsetSeconds: o.tsoffset })
    } else if (blockType === EPB || blockType === PB || blockType === SPB) {
      const simple = blockType === SPB
      const minLen = simple ? 16 : 32
      if (len < minLen) fail(p + 4, 'bad-length', `packet block of ${len} bytes is too short`)
      const ifId = simple ? 0 : blockType === PB ? v.getUint16(p + 8, le) : v.getUint32(p + 8, le)
      const itf = section[ifId]
      if (itf === undefined)
        fail(p + 8, 'bad-block', `packet on interface ${ifId}, which the section does not describe`)
      const originalLength = v.getUint32(p + (simple ? 8 : 24), le)
      const dataAt = p + (simple ? 12 : 28)
      let caplen: number
      if (simple) caplen = Math.min(originalLength, end - dataAt, itf.snaplen > 0 ? itf.snaplen : Infinity)
      else caplen = v.getUint32(p + 20, le)
      if (caplen > MAX_FRAME_BYTES)
        fail(p + 20, 'bad-length', `packet length ${caplen} exceeds the ${MAX_FRAME_BYTES}-byte maximum`)
      if (dataAt + caplen > end)
        fail(p + 20, 'bad-length', `packet length ${caplen} runs past the end of its ${len}-byte block`)
      const o: Options = { flags: 0, tsresol: 6, tsoffset: 0n }
      if (!simple) readOptions(dataAt + ((caplen + 3) & ~3), end, o, false)
      const units = simple ? 0n : (BigInt(v.getUint32(p + 12, le)) << 32n) | BigInt(v.getUint32(p + 16, le))
      const t = unitsToTime(units, itf.unitsPerSecond, simple ? 0n : itf.offsetSeconds)
      const frame: CaptureFrame = {
        seconds: t.seconds,
        nanoseconds: t.nanoseconds,
        timestampNs: t.ns,
        data: new Uint8Array(bytes.buffer, bytes.byteOffset + dataAt, cuts.keep(caplen, itf.snaplen, p)),
        originalLength,
        linkType: itf.linkType,
        interfaceIndex: itf.index,
        direction: (o.flags & 3) as FrameDirection,
        offset: p,
      }
      if (simple) frame.untimed = true
      if (o.comment !== undefined) frame.comment = o.comment
      frames.push(frame)
    }
    p += len
  }
  cuts.report(file, warnings)
  return { fileName: file, format: 'pcapng', byteOrder: firstOrder, interfaces, frames, warnings }
}
