// Classic libpcap files, both byte orders, microsecond and nanosecond magics; written by hand (no maintained npm
// reader refuses bad input with file offsets as the CLI needs).
import { CaptureError } from './capture-error'
import type { CaptureFile, CaptureFrame, CaptureReadOptions } from './capture-file'
import { linkTypeName, LINKTYPE_ETHERNET } from './link-type'
import { PCAP_MAGIC_MICROSECONDS, PCAP_MAGIC_NANOSECONDS } from './pcap-writer'
import { MAX_FRAME_BYTES, refuseLinkType, SnapshotCuts, truncatedRecord, unitsToTime } from './reader-support'

const GLOBAL_HEADER = 24
const RECORD_HEADER = 16

export function readPcap(bytes: Uint8Array, file: string, options?: CaptureReadOptions): CaptureFile {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const magicLE = v.getUint32(0, true)
  const le = magicLE === PCAP_MAGIC_MICROSECONDS || magicLE === PCAP_MAGIC_NANOSECONDS
  const magic = le ? magicLE : v.getUint32(0, false)
  const unitsPerSecond = magic === PCAP_MAGIC_NANOSECONDS ? 1_000_000_000 : 1_000_000
  if (bytes.length < GLOBAL_HEADER) {
    throw new CaptureError(
      file,
      bytes.length,
      'truncated',
      `pcap file header cut off after ${bytes.length} of 24 bytes`,
    )
  }
  const major = v.getUint16(4, le)
  if (major !== 2)
    throw new CaptureError(
      file,
      4,
      'unsupported-version',
      `pcap version ${major}.${v.getUint16(6, le)} (only 2.x exists)`,
    )
  const snaplen = v.getUint32(16, le)
  // The upper bits of the link-type field carry FCS information (tcpdump.org LINKTYPE registry).
  const linkType = v.getUint32(20, le) & 0xffff
  if (linkType !== LINKTYPE_ETHERNET) refuseLinkType(file, 20, linkType)

  const frames: CaptureFrame[] = []
  const warnings: string[] = []
  const units = BigInt(unitsPerSecond)
  const cuts = new SnapshotCuts()
  // libpcap's snapshot for a file that claims none, or more than the link type allows, is that maximum.
  const snapshot = snaplen === 0 || snaplen > MAX_FRAME_BYTES ? MAX_FRAME_BYTES : snaplen
  let p = GLOBAL_HEADER
  while (p < bytes.length) {
    if (bytes.length - p < RECORD_HEADER) {
      truncatedRecord(file, p, 'record header', options, warnings)
      break
    }
    const caplen = v.getUint32(p + 8, le)
    const originalLength = v.getUint32(p + 12, le)
    if (caplen > MAX_FRAME_BYTES) {
      throw new CaptureError(
        file,
        p + 8,
        'bad-length',
        `record length ${caplen} exceeds the ${MAX_FRAME_BYTES}-byte maximum`,
      )
    }
    if (p + RECORD_HEADER + caplen > bytes.length) {
      truncatedRecord(file, p, `record of ${caplen} bytes`, options, warnings)
      break
    }
    const sec = v.getUint32(p, le)
    const frac = v.getUint32(p + 4, le)
    const t = unitsToTime(BigInt(sec) * units + BigInt(frac), units, 0n)
    frames.push({
      seconds: t.seconds,
      nanoseconds: t.nanoseconds,
      timestampNs: t.ns,
      data: new Uint8Array(bytes.buffer, bytes.byteOffset + p + RECORD_HEADER, cuts.keep(caplen, snapshot, p)),
      originalLength,
      linkType,
      interfaceIndex: 0,
      direction: 0,
      offset: p,
    })
    p += RECORD_HEADER + caplen
  }
  cuts.report(file, warnings)
  return {
    fileName: file,
    format: 'pcap',
    byteOrder: le ? 'little' : 'big',
    interfaces: [{ linkType, linkTypeName: linkTypeName(linkType), snaplen, unitsPerSecond }],
    frames,
    warnings,
  }
}
