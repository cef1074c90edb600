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
