const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193
const TWO_32 = 4294967296

/**
 * FNV-1a (32-bit) applied per 32-bit word, over the dispatched events' time (two words), kind and argument (two
 * words). Two runs that dispatch the same events in the same order end with the same value; it is a cheap
 * fingerprint for "the run was reproducible" (a few ns per event), not a cryptographic digest.
 */
export class TraceHash {
  private h = FNV_OFFSET

  get value(): number {
    return this.h >>> 0
  }

  /** The value as eight hex digits, as reports print it. */
  hex(): string {
    return (this.h >>> 0).toString(16).padStart(8, '0')
  }

  update(timeNs: number, kind: number, arg: number): void {
    let h = this.h
    h = mixWord(h, timeNs | 0)
    h = mixWord(h, (timeNs / TWO_32) | 0)
    h = mixWord(h, kind)
    h = mixWord(h, arg | 0)
    this.h = mixWord(h, (arg / TWO_32) | 0)
  }

  reset(): void {
    this.h = FNV_OFFSET
  }
}

function mixWord(h: number, word: number): number {
  return Math.imul(h ^ word, FNV_PRIME)
}
