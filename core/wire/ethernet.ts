// IEEE 802.3 framing numbers the wire needs to time frames and build test frames.

/** Frame check sequence: the controller strips it, so frames handed over exclude it. */
export const FCS_BYTES = 4
/** Preamble + start-of-frame delimiter (8) and the minimum inter-frame gap (12): line time around every frame. */
export const PREAMBLE_AND_GAP_BYTES = 20
export const ETHERNET_HEADER_BYTES = 14
/** Smallest frame on the wire including FCS; 60 bytes without it. */
export const MIN_FRAME_SIZE = 64
/** Largest frame the controller takes (16384 bytes without FCS, see core/controller/descriptors.ts) plus FCS. */
export const MAX_FRAME_SIZE = 16388

/** IEEE Std 802 "Local Experimental EtherType 1": never a real protocol, so test frames cannot be mistaken for one. */
export const ETHERTYPE_WORKBENCH_TEST = 0x88b5

/** The controller's default permanent address (core/controller/resources.ts), the generator's default destination. */
export const DEFAULT_DESTINATION = '02:00:4e:57:42:01'
/** A locally administered address standing for "the peer on the wire". */
export const DEFAULT_SOURCE = '02:00:4e:57:42:fe'

export const MAC_PATTERN = /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/

export function parseMac(mac: string): Uint8Array {
  if (!MAC_PATTERN.test(mac)) throw new RangeError(`not a MAC address: ${mac}`)
  return Uint8Array.from(mac.split(':'), (h) => parseInt(h, 16))
}

/**
 * Nanoseconds the line is busy with a frame of `frameBytes` (without FCS): FCS, preamble and gap included.
 * 672 ns for a minimum frame at 1 Gb/s (../shared/reference/stack.md, line rates).
 */
export function lineTimeNs(frameBytes: number, lineRateMbps: number): number {
  return Math.ceil(((frameBytes + FCS_BYTES + PREAMBLE_AND_GAP_BYTES) * 8 * 1000) / lineRateMbps)
}
