const TWO_16 = 65536
const TWO_32 = 4294967296
const NS_PER_S = 1_000_000_000

/**
 * The 64-bit count seconds * 10^9 + nanoseconds (pcapng EPB timestamp with if_tsresol 9) as two 32-bit halves,
 * computed exactly in float64 by multiplying 16-bit halves of `seconds`. `seconds` must be < 2^32.
 */
export function nanosecondUnits(seconds: number, nanoseconds: number, out: Uint32Array): void {
  const low16 = seconds % TWO_16
  const high16 = (seconds - low16) / TWO_16
  const y = high16 * NS_PER_S // < 2^46: high16 * 10^9 * 2^16 is the upper part
  const x = low16 * NS_PER_S + nanoseconds // < 2^47
  const yLow = y % TWO_16
  const sum = yLow * TWO_16 + x // < 2^48, exact
  const lo = sum % TWO_32
  out[0] = lo
  out[1] = (y - yLow) / TWO_16 + (sum - lo) / TWO_32
}
