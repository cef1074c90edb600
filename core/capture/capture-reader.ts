import { CaptureError } from './capture-error'
import type { CaptureFile, CaptureReadOptions } from './capture-file'
import { PCAP_MAGIC_MICROSECONDS, PCAP_MAGIC_NANOSECONDS } from './pcap-writer'
import { readPcap } from './pcap-reader'
import { readPcapng } from './pcapng-reader'

const PCAPNG_MAGIC = 0x0a0d0d0a

/**
 * Reads a pcap or pcapng capture of Ethernet frames (format chosen by its magic number).
 * - A 0-byte file is refused (`empty`): it is not a capture. A capture with a header and no records is valid and
 *   gives zero frames.
 * - A last record cut off by the end of the file: see `CaptureReadOptions.truncatedLastRecord`.
 * - Anything else wrong throws `CaptureError` naming the file, the byte offset and the reason; no other exception
 *   escapes for any input.
 */
export function readCapture(bytes: Uint8Array, fileName: string, options?: CaptureReadOptions): CaptureFile {
  try {
    if (bytes.length === 0) throw new CaptureError(fileName, 0, 'empty', 'empty file: not a pcap or pcapng capture')
    if (bytes.length < 4)
      throw new CaptureError(fileName, 0, 'truncated', `file of ${bytes.length} bytes is too short to be a capture`)
    const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    const le = v.getUint32(0, true)
    const be = v.getUint32(0, false)
    if (le === PCAPNG_MAGIC) return readPcapng(bytes, fileName, options)
    for (const m of [PCAP_MAGIC_MICROSECONDS, PCAP_MAGIC_NANOSECONDS]) {
      if (le === m || be === m) return readPcap(bytes, fileName, options)
    }
    throw new CaptureError(
      fileName,
      0,
      'bad-magic',
      `not a pcap or pcapng capture (magic 0x${be.toString(16).padStart(8, '0')})`,
    )
  } catch (e) {
    if (e instanceof CaptureError) throw e
    // A reader bug must still surface as a refusal of this file, never as a host exception.
    throw new CaptureError(
      fileName,
      0,
      'bad-block',
      `unreadable capture: ${e instanceof Error ? e.message : String(e)}`,
    )
  }
}
