import { crc32Begin, crc32Byte, crc32End, crc32Update } from './crc32'
import { ETHERTYPE_WORKBENCH_TEST } from './ethernet'

/**
 * The traffic generator's frames: an Ethernet header with EtherType 0x88B5, then
 *   +14 magic "NWBT" · +18 stream (u16) · +20 frame length without FCS (u16) · +22 sequence number (u32)
 *   +26 CRC-32 of every other byte of the frame · +30 filler derived from the sequence number
 * (big-endian, network order). The protocol side checks them with FrameChecker to find lost, duplicated, reordered
 * and corrupted frames.
 */
export const TEST_FRAME_MAGIC = 0x4e574254
export const TEST_FRAME_HEADER_BYTES = 30
const CRC_AT = 26

/** Writes a test frame of `length` bytes (60…65535) into `into` at 0. `into` must hold `length` bytes. */
export function writeTestFrame(
  into: Uint8Array,
  length: number,
  sequence: number,
  stream: number,
  destination: Uint8Array,
  source: Uint8Array,
): void {
  for (let i = 0; i < 6; i++) {
    into[i] = destination[i]
    into[6 + i] = source[i]
  }
  into[12] = ETHERTYPE_WORKBENCH_TEST >>> 8
  into[13] = ETHERTYPE_WORKBENCH_TEST & 0xff
  put32(into, 14, TEST_FRAME_MAGIC)
  put16(into, 18, stream)
  put16(into, 20, length)
  put32(into, 22, sequence)
  // The filler is checksummed as it is written: one pass over the frame instead of two.
  let crc = crc32Update(crc32Begin(), into, 0, CRC_AT)
  let x = Math.imul(sequence ^ (stream << 16), 0x9e3779b1) | 1
  for (let i = TEST_FRAME_HEADER_BYTES; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) | 0
    const b = x >>> 24
    into[i] = b
    crc = crc32Byte(crc, b)
  }
  put32(into, CRC_AT, crc32End(crc))
}

/** CRC-32 over the frame without its CRC field. */
export function testFrameCrc(frame: Uint8Array, length: number): number {
  let crc = crc32Update(crc32Begin(), frame, 0, CRC_AT)
  crc = crc32Update(crc, frame, CRC_AT + 4, length)
  return crc32End(crc)
}

export function isTestFrameType(frame: Uint8Array, length: number): boolean {
  return length >= 14 && frame[12] === ETHERTYPE_WORKBENCH_TEST >>> 8 && frame[13] === (ETHERTYPE_WORKBENCH_TEST & 0xff)
}

export const get16 = (b: Uint8Array, at: number): number => (b[at] << 8) | b[at + 1]
export const get32 = (b: Uint8Array, at: number): number =>
  ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0

function put16(b: Uint8Array, at: number, v: number): void {
  b[at] = v >>> 8
  b[at + 1] = v
}

function put32(b: Uint8Array, at: number, v: number): void {
  b[at] = v >>> 24
  b[at + 1] = v >>> 16
  b[at + 2] = v >>> 8
  b[at + 3] = v
}
