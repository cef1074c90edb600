const TWO_32 = 4294967296

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state, passes PractRand) whose state is
 * filled by splitmix32 from an integer seed. Same seed → same sequence on every host.
 *
 * `fork(label)` derives an independent stream from this generator's seed and the label only (not from how many
 * numbers were drawn), so adding randomness in one part of the engine never shifts another part's sequence.
 */
export class SeededRandom {
  /** The seed as given (kept for reports). */
  readonly seed: number
  private readonly key: number
  private a = 0
  private b = 0
  private c = 0
  private d = 0

  constructor(seed: number, key?: number) {
    this.seed = seed
    this.key = key ?? foldSeed(seed)
    let s = this.key
    s = (s + 0x9e3779b9) | 0
    this.a = splitmix32(s)
    s = (s + 0x9e3779b9) | 0
    this.b = splitmix32(s)
    s = (s + 0x9e3779b9) | 0
    this.c = splitmix32(s)
    s = (s + 0x9e3779b9) | 0
    this.d = splitmix32(s)
    for (let i = 0; i < 12; i++) this.nextU32()
  }

  /** A generator whose stream depends only on this generator's seed (and its fork path) and `label`. */
  fork(label: string): SeededRandom {
    let h = 0x811c9dc5 ^ this.key
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193)
    return new SeededRandom(this.seed, splitmix32(h))
  }

  nextU32(): number {
    const a = this.a
    const b = this.b
    const c = this.c
    const d = (this.d + 1) | 0
    const t = (((a + b) | 0) + d) | 0
    this.d = d
    this.a = b ^ (b >>> 9)
    this.b = (c + (c << 3)) | 0
    this.c = (((c << 21) | (c >>> 11)) + t) | 0
    return t >>> 0
  }

  /** Uniform in [0, 1) with 32 bits of resolution. */
  nextFloat(): number {
    return this.nextU32() / TWO_32
  }

  /** Uniform integer in [0, n) without modulo bias; n must be an integer in [1, 2^32]. */
  nextInt(n: number): number {
    if (!(n >= 1 && n <= TWO_32 && Number.isInteger(n))) throw new RangeError(`nextInt: bound ${n} not in [1, 2^32]`)
    const limit = TWO_32 - (TWO_32 % n)
    let x = this.nextU32()
    while (x >= limit) x = this.nextU32()
    return x % n
  }

  /** Uniform integer in [min, max] (both inclusive). */
  nextRange(min: number, max: number): number {
    return min + this.nextInt(max - min + 1)
  }

  /** Exponentially distributed with the given mean (inter-arrival gaps of a Poisson process). */
  nextExponential(mean: number): number {
    return -Math.log(1 - this.nextFloat()) * mean
  }
}

function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return (z ^ (z >>> 16)) >>> 0
}

/** Folds any finite number (seeds may exceed 32 bits) into 32 bits, so 1 and 2^32 + 1 differ. */
function foldSeed(seed: number): number {
  if (!Number.isFinite(seed)) return 0
  const s = Math.trunc(seed)
  const lo = s % TWO_32
  const hi = Math.floor(s / TWO_32) % TWO_32
  const sign = s < 0 ? 0x5bd1e995 : 0
  return splitmix32((lo | 0) ^ splitmix32((hi | 0) ^ sign))
}
