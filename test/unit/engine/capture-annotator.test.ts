// The capture names the packet that carried each frame: frames wait for their indication (or send) and are written
// in arrival order; frames no packet carried are written without a comment once old enough, or at the end.
import { describe, expect, it } from 'vitest'
import { CaptureAnnotator, PENDING_NS } from '../../../core/engine/capture-annotator'
import { PcapngWriter } from '../../../core/capture/pcapng-writer'
import { readCapture } from '../../../core/capture/capture-reader'

function frame(fill: number, length = 60): Uint8Array {
  return new Uint8Array(length).fill(fill)
}

function written(writer: PcapngWriter) {
  return readCapture(writer.output.toBytes(), 'test.pcapng').frames.map((f) => [f.data[0], f.comment ?? null])
}

describe('CaptureAnnotator', () => {
  it('waits for the indication, keeps arrival order, and writes unclaimed frames when they are old', () => {
    const writer = new PcapngWriter()
    const a = new CaptureAnnotator(writer)
    a.inbound(100, frame(1), 60, 60)
    a.inbound(200, frame(2), 60, 60)
    a.received(0x80001000, frame(2), 60, 300)
    expect(writer.frames).toBe(0) // frame 1 is still waiting for its packet, and frame 2 must not overtake it
    a.received(0x80002000, frame(1), 60, 400)
    expect(writer.frames).toBe(2)
    a.inbound(500, frame(3), 60, 60)
    a.flush(500 + PENDING_NS)
    expect(writer.frames).toBe(2)
    a.flush(500 + PENDING_NS + 1)
    expect(written(writer)).toEqual([
      [1, 'indicated in NDIS_PACKET 0x80002000'],
      [2, 'indicated in NDIS_PACKET 0x80001000'],
      [3, null],
    ])
  })

  it('names the send that carried an outbound frame, and flushes everything at the end', () => {
    const writer = new PcapngWriter()
    const a = new CaptureAnnotator(writer)
    a.sending(0x80003000, frame(9, 100), 100)
    a.inbound(10, frame(4), 60, 60)
    a.outbound(20, frame(9, 100), 100)
    a.outbound(30, frame(8, 100), 100)
    a.flush(30, true)
    expect(written(writer)).toEqual([
      [4, null],
      [9, 'sent by the protocol in NDIS_PACKET 0x80003000'],
      [8, null],
    ])
  })
})
