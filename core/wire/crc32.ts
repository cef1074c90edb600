// CRC-32 (IEEE 802.3 polynomial, reflected 0xEDB88320): catches every burst error up to 32 bits in a test frame.
// Four tables (slicing-by-4): TABLE0 is the classic byte table; TABLEk[n] is the CRC of byte n followed by k zero
// bytes, so four bytes are folded in with four independent look-ups.
const TABLE0 = new Int32Array(256)
const TABLE1 = new Int32Array(256)
const TABLE2 = new Int32Array(256)
const TABLE3 = new Int32Array(256)
for (let n = 0; n < 256; n++) {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  TABLE0[n] = c
}
for (let n = 0; n < 256; n++) {
  TABLE1[n] = TABLE0[TABLE0[n] & 0xff] ^ (TABLE0[n] >>> 8)
  TABLE2[n] = TABLE0[TABLE1[n] & 0xff] ^ (TABLE1[n] >>> 8)
  TABLE3[n] = TABLE0[TABLE2[n] & 0xff] ^ (TABLE2[n] >>> 8)
}

/** Continues a CRC over `b[start..end)`; start with `crc32Begin()` and finish with `crc32End`. */
export function crc32Update(crc: number, b: Uint8Array, start: number, end: number): number {
  let i = start
  for (; i + 4 <= end; i += 4) crc = crc32Word(crc, b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24))
  for (; i < end; i++) crc = TABLE0[(crc ^ b[i]) & 0xff] ^ (crc >>> 8)
  return crc
}

/** Continues a CRC over four bytes given little-endian in `word` (the first byte in the low bits). */
export function crc32Word(crc: number, word: number): number {
  const c = crc ^ word
  return TABLE3[c & 0xff] ^ TABLE2[(c >>> 8) & 0xff] ^ TABLE1[(c >>> 16) & 0xff] ^ TABLE0[c >>> 24]
}

/** Continues a CRC over one byte, for loops that produce the bytes they checksum. */
export const crc32Byte = (crc: number, byte: number): number => TABLE0[(crc ^ byte) & 0xff] ^ (crc >>> 8)

export const crc32Begin = (): number => -1
export const crc32End = (crc: number): number => (crc ^ -1) >>> 0
