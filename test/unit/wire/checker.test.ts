// The protocol side's integrity check of generated frames: each fault kind is told apart.
import { describe, expect, it } from 'vitest'
import { FrameChecker, FrameVerdict, parseMac, writeTestFrame } from '../../../core/wire'

const dst = parseMac('02:00:4e:57:42:01')
const src = parseMac('02:00:4e:57:42:fe')

function frame(seq: number, length = 60, stream = 1): Uint8Array {
  const b = new Uint8Array(length)
  writeTestFrame(b, length, seq, stream, dst, src)
  return b
}

function run(seqs: number[]): { checker: FrameChecker; verdicts: FrameVerdict[] } {
  const checker = new FrameChecker()
  const verdicts = seqs.map((s) => checker.check(frame(s), 60))
  return { checker, verdicts }
}

describe('FrameChecker', () => {
  it('in order: nothing to report', () => {
    const { checker } = run([0, 1, 2, 3])
    expect([checker.inSequence, checker.lost, checker.reordered, checker.duplicated, checker.corrupted]).toEqual([
      4, 0, 0, 0, 0,
    ])
  })

  it('lost: a gap in the sequence', () => {
    const { checker, verdicts } = run([0, 1, 4, 5])
    expect(verdicts[2]).toBe(FrameVerdict.AfterGap)
    expect(checker.lost).toBe(2)
  })

  it('reordered: a late frame turns a loss into a reordering', () => {
    const { checker, verdicts } = run([0, 2, 1, 3])
    expect(verdicts).toEqual([
      FrameVerdict.InOrder,
      FrameVerdict.AfterGap,
      FrameVerdict.Reordered,
      FrameVerdict.InOrder,
    ])
    expect([checker.lost, checker.reordered]).toEqual([0, 1])
  })

  it('duplicated: the same sequence number twice, in place or late', () => {
    const { checker, verdicts } = run([0, 1, 1, 2, 0])
    expect(verdicts[2]).toBe(FrameVerdict.Duplicate)
    expect(verdicts[4]).toBe(FrameVerdict.Duplicate)
    expect([checker.duplicated, checker.lost, checker.reordered]).toEqual([2, 0, 0])
  })

  it('a reordered frame seen again is a duplicate', () => {
    const { checker } = run([0, 2, 1, 1])
    expect([checker.reordered, checker.duplicated]).toEqual([1, 1])
  })

  it('corrupted: any flipped bit, a cut frame, a wrong length field', () => {
    const checker = new FrameChecker()
    const f = frame(0, 200)
    for (let i = 14; i < 200; i += 7) {
      const bad = f.slice()
      bad[i] ^= 0x10
      expect(checker.check(bad, 200), `byte ${i}`).toBe(FrameVerdict.Corrupted)
    }
    expect(checker.check(f, 150)).toBe(FrameVerdict.Corrupted)
    expect(checker.check(f, 20)).toBe(FrameVerdict.Corrupted)
    expect(checker.expected).toBe(0)
    expect(checker.check(f, 200)).toBe(FrameVerdict.InOrder)
  })

  it('foreign: another EtherType or another stream', () => {
    const checker = new FrameChecker(1)
    const ipv4 = frame(0)
    ipv4[12] = 0x08
    ipv4[13] = 0x00
    expect(checker.check(ipv4, 60)).toBe(FrameVerdict.Foreign)
    expect(checker.check(frame(0, 60, 2), 60)).toBe(FrameVerdict.Foreign)
    expect(checker.check(new Uint8Array(10), 10)).toBe(FrameVerdict.Foreign)
    expect([checker.foreign, checker.expected]).toEqual([3, 0])
  })

  it('a jump larger than the duplicate window does not mistake new frames for duplicates', () => {
    const { checker } = run([0, 1, 2, 100_000, 100_001, 99_999])
    expect([checker.duplicated, checker.reordered, checker.lost]).toEqual([0, 1, 100_000 - 3 - 1])
  })
})
