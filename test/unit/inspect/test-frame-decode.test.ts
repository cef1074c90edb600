// The decode tree names the traffic generator's test frames field by field, with their byte ranges.
import { describe, expect, it } from 'vitest'
import { decodeFrame } from '../../../core/inspect/decode'
import { writeTestFrame } from '../../../core/wire/test-frame'

describe('decoding a workbench test frame', () => {
  it('shows stream, length, sequence number and CRC with their bytes', () => {
    const frame = new Uint8Array(60)
    const mac = (last: number) => new Uint8Array([2, 0, 0x4e, 0x57, 0x42, last])
    writeTestFrame(frame, 60, 1234, 7, mac(1), mac(0xfe))
    const [ethernet, test, filler] = decodeFrame(frame)
    expect(ethernet!.children[2]!.label).toBe('Type: local experimental (workbench test frame) (0x88b5)')
    expect(test).toMatchObject({ label: 'Workbench test frame, stream 7, sequence 1234', start: 14, length: 16 })
    expect(test!.children.map((c) => [c.label, c.start, c.length])).toEqual([
      ['Magic: NWBT', 14, 4],
      ['Stream: 7', 18, 2],
      ['Frame length: 60', 20, 2],
      ['Sequence number: 1234', 22, 4],
      [expect.stringMatching(/^CRC-32: 0x[0-9a-f]{8}$/), 26, 4],
    ])
    expect(filler).toMatchObject({ label: 'Filler (30 bytes)', start: 30, length: 30 })
  })

  it('treats other 0x88B5 payloads as data, and a short one as truncated', () => {
    const frame = new Uint8Array(40)
    frame[12] = 0x88
    frame[13] = 0xb5
    expect(decodeFrame(frame)[1]!.label).toBe('Data (26 bytes)')
    expect(decodeFrame(frame.subarray(0, 20))[1]!.label).toMatch(/^Workbench test frame \(truncated: 6 of 16 bytes\)$/)
  })
})
