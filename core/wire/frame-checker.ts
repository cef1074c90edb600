import { get16, get32, isTestFrameType, TEST_FRAME_HEADER_BYTES, TEST_FRAME_MAGIC, testFrameCrc } from './test-frame'

/** What the checker made of one frame. */
export const FrameVerdict = {
  /** The next frame expected, intact. */
  InOrder: 0,
  /** Intact, but later than expected: the frames skipped are counted lost (until they turn up). */
  AfterGap: 1,
  /** Intact, an earlier frame that had been counted lost: now reordered instead. */
  Reordered: 2,
  /** Intact, a sequence number already seen. */
  Duplicate: 3,
  /** A test frame whose CRC, length or magic is wrong. */
  Corrupted: 4,
  /** Not a test frame of this stream (other EtherType or stream). */
  Foreign: 5,
} as const
export type FrameVerdict = (typeof FrameVerdict)[keyof typeof FrameVerdict]

/** Sequence numbers remembered for duplicate detection. */
const WINDOW = 65536

/**
 * Checks the generator's test frames (test-frame.ts) as a bound protocol receives them. Counters:
 * `lost` is the number of sequence numbers skipped and not (yet) seen; a late arrival moves one from `lost` to
 * `reordered`. Frames more than 65 536 sequence numbers late are counted reordered.
 */
export class FrameChecker {
  frames = 0
  /** Intact frames that advanced the sequence (in order, or after a gap). */
  inSequence = 0
  lost = 0
  reordered = 0
  duplicated = 0
  corrupted = 0
  foreign = 0
  /** The sequence number expected next (one past the highest seen). */
  expected = 0
  private readonly seen = new Uint32Array(WINDOW / 32)

  constructor(readonly stream = 1) {}

  check(frame: Uint8Array, length: number): FrameVerdict {
    this.frames++
    if (!isTestFrameType(frame, length)) return this.count(FrameVerdict.Foreign)
    if (length < TEST_FRAME_HEADER_BYTES || get32(frame, 14) !== TEST_FRAME_MAGIC || get16(frame, 20) !== length) {
      return this.count(FrameVerdict.Corrupted)
    }
    if (get32(frame, 26) !== testFrameCrc(frame, length)) return this.count(FrameVerdict.Corrupted)
    if (get16(frame, 18) !== this.stream) return this.count(FrameVerdict.Foreign)
    const seq = get32(frame, 22)
    const expected = this.expected
    if (seq === expected) {
      this.mark(seq)
      this.expected = seq + 1
      return this.count(FrameVerdict.InOrder)
    }
    if (seq > expected) {
      this.forget(expected, seq)
      this.mark(seq)
      this.lost += seq - expected
      this.expected = seq + 1
      return this.count(FrameVerdict.AfterGap)
    }
    if (expected - seq <= WINDOW && this.isSeen(seq)) return this.count(FrameVerdict.Duplicate)
    if (expected - seq <= WINDOW) this.mark(seq)
    if (this.lost > 0) this.lost--
    return this.count(FrameVerdict.Reordered)
  }

  private count(v: FrameVerdict): FrameVerdict {
    switch (v) {
      case FrameVerdict.InOrder:
      case FrameVerdict.AfterGap:
        this.inSequence++
        break
      case FrameVerdict.Reordered:
        this.reordered++
        break
      case FrameVerdict.Duplicate:
        this.duplicated++
        break
      case FrameVerdict.Corrupted:
        this.corrupted++
        break
      default:
        this.foreign++
    }
    return v
  }

  private isSeen(seq: number): boolean {
    const i = seq % WINDOW
    return (this.seen[i >>> 5] & (1 << (i & 31))) !== 0
  }

  private mark(seq: number): void {
    const i = seq % WINDOW
    this.seen[i >>> 5] |= 1 << (i & 31)
  }

  /** Clears the window positions of sequence numbers [from, to): they have not been seen in this lap. */
  private forget(from: number, to: number): void {
    if (to - from >= WINDOW) {
      this.seen.fill(0)
      return
    }
    for (let s = from; s < to; s++) {
      const i = s % WINDOW
      this.seen[i >>> 5] &= ~(1 << (i & 31))
    }
  }
}
