// CRC-32 (IEEE 802.3 polynomial, reflected 0xEDB88320): catches every burst error up to 32 bits in a test frame.
const TABLE = new Int32Array(256)
for (let n = 0; n < 256; n++) {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  TABLE[n] = c
}

/** Continues a CRC over `b[start..end)`; start with `crc32Begin()` and finish with `crc32End`. */
export function crc32Update(crc: number, b: Uint8Array, start: number, end: number): number {
  for (let i = start; i < end; i++) crc = TABLE[(crc ^ b[i]) & 0xff] ^ (crc >>> 8)
  return crc
}

/** Continues a CRC over one byte, for loops that produce the bytes they checksum. */
export const crc32Byte = (crc: number, byte: number): number => TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8)

export const crc32Begin = (): number => -1
export const crc32End = (crc: number): number => (crc ^ -1) >>> 0
