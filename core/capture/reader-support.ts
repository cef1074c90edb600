import { CaptureError } from './capture-error'
import type { CaptureReadOptions } from './capture-file'
import { linkTypeName, LINKTYPE_ETHERNET } from './link-type'
import { MAX_SNAPLEN } from './writer-options'

/** Largest frame accepted from a file, as Wireshark does for ordinary link types. */
export const MAX_FRAME_BYTES = MAX_SNAPLEN

const NS_PER_S_BIG = 1_000_000_000n

export function refuseLinkType(file: string, offset: number, linkType: number): never {
  throw new CaptureError(
    file,
    offset,
    'link-type',
    `link type ${linkType} (${linkTypeName(linkType)}) is not Ethernet (${LINKTYPE_ETHERNET}); the wire carries Ethernet frames only`,
  )
}

/**
 * A record cut off by the end of the file: a warning (reading stops there) or an error, as the caller chose.
 * Returns normally only for a warning.
 */
export function truncatedRecord(
  file: string,
  offset: number,
  what: string,
  options: CaptureReadOptions | undefined,
  warnings: string[],
): void {
  const text = `${what} cut off by the end of the file; frames before it were kept`
  if (options?.truncatedLastRecord === 'error')
    throw new CaptureError(file, offset, 'truncated', `${what} cut off by the end of the file`)
  warnings.push(`${file}: byte ${offset}: ${text}`)
}

/**
 * Records longer than their snapshot length (a file a tool wrote wrongly or a fuzzer changed). libpcap keeps the
 * first `snaplen` bytes of such a record and skips the rest (sf-pcap.c and sf-pcapng.c, "bigger than the snapshot
 * length"); the reader does the same and says so once per file.
 */
export class SnapshotCuts {
  private count = 0
  private firstOffset = 0
  private firstLength = 0
  private firstSnaplen = 0

  /** The length to keep of a record of `caplen` bytes at `offset` (`snaplen` 0 means no limit). */
  keep(caplen: number, snaplen: number, offset: number): number {
    if (snaplen === 0 || caplen <= snaplen) return caplen
    if (this.count++ === 0) {
      this.firstOffset = offset
      this.firstLength = caplen
      this.firstSnaplen = snaplen
    }
    return snaplen
  }

  report(file: string, warnings: string[]): void {
    if (this.count === 0) return
    const more = this.count > 1 ? ` (and ${this.count - 1} more record(s))` : ''
    warnings.push(
      `${file}: byte ${this.firstOffset}: record of ${this.firstLength} bytes is longer than the snapshot length ` +
        `${this.firstSnaplen}${more}; cut to it, as libpcap reads it`,
    )
  }
}

/** Seconds and nanoseconds from a count of units (units per second a power of 10 or 2, up to 2^127). */
export function unitsToTime(
  units: bigint,
  unitsPerSecond: bigint,
  offsetSeconds: bigint,
): { seconds: number; nanoseconds: number; ns: bigint } {
  const sec = units / unitsPerSecond + offsetSeconds
  const frac = units % unitsPerSecond
  const nanos = (frac * NS_PER_S_BIG) / unitsPerSecond
  return { seconds: Number(sec), nanoseconds: Number(nanos), ns: sec * NS_PER_S_BIG + nanos }
}
