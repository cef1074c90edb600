// Names, in the capture, the packet descriptor that carried each frame (issue: "per-packet comments naming the packet
// descriptor that carried the frame where there was one"). The wire tap sees a frame before the driver does, so
// frames wait in a FIFO until the protocol receives the indication that carries the same bytes (or, for frames the
// protocol sent, the send that carried them), then go to the writer in arrival order with their comment. A frame
// that no packet carried (missed, dropped, a driver's own frame) is written without one once it is old enough.
// Only runs that capture pay for this.
import type { CaptureWriter } from '../capture/writer-options'
import { FrameDirection } from '../capture/frame-direction'

/** Frames waiting for their packet at most, and how long in virtual time, before they are written without one. */
export const PENDING_FRAMES = 4096
export const PENDING_NS = 50_000_000

interface PendingFrame {
  timeNs: number
  bytes: Uint8Array
  originalLength: number
  direction: 0 | 1 | 2
  hash: number
  comment: string | undefined
}

/** FNV-1a over the bytes: frames are matched by length and hash. */
export function frameHash(bytes: Uint8Array, length: number): number {
  let h = 0x811c9dc5
  for (let i = 0; i < length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193)
  return h >>> 0
}

function packetName(packet: number): string {
  return '0x' + (packet >>> 0).toString(16).toUpperCase().padStart(8, '0')
}

export class CaptureAnnotator {
  private readonly pending: PendingFrame[] = []
  /** Sends the protocol handed down, by frame hash, waiting for the controller to transmit them. */
  private readonly sends = new Map<number, number[]>()

  constructor(private readonly writer: CaptureWriter) {}

  /** A frame the controller took from the wire (kept: `bytes` is the caller's reusable buffer). */
  inbound(timeNs: number, bytes: Uint8Array, captured: number, originalLength: number): void {
    const copy = bytes.slice(0, captured)
    this.push({
      timeNs,
      bytes: copy,
      originalLength,
      direction: FrameDirection.Inbound,
      hash: frameHash(copy, captured),
      comment: undefined,
    })
    this.flush(timeNs)
  }

  /** A frame the controller sent to the wire. */
  outbound(timeNs: number, bytes: Uint8Array, length: number): void {
    const hash = frameHash(bytes, length)
    const queue = this.sends.get(hash)
    const packet = queue?.shift()
    if (queue && queue.length === 0) this.sends.delete(hash)
    this.push({
      timeNs,
      bytes: bytes.slice(0, length),
      originalLength: length,
      direction: FrameDirection.Outbound,
      hash,
      comment: packet === undefined ? undefined : `sent by the protocol in NDIS_PACKET ${packetName(packet)}`,
    })
    this.flush(timeNs)
  }

  /** The protocol received `frame[0..length)` in `packet` (an indication). */
  received(packet: number, frame: Uint8Array, length: number, nowNs: number): void {
    const hash = frameHash(frame, length)
    for (const p of this.pending) {
      if (
        p.comment === undefined &&
        p.direction === FrameDirection.Inbound &&
        p.hash === hash &&
        p.bytes.length === length
      ) {
        p.comment = `indicated in NDIS_PACKET ${packetName(packet)}`
        break
      }
    }
    this.flush(nowNs)
  }

  /** The protocol is about to hand `packet` carrying `frame[0..length)` to the miniport. */
  sending(packet: number, frame: Uint8Array, length: number): void {
    const hash = frameHash(frame, length)
    const queue = this.sends.get(hash)
    if (queue) queue.push(packet)
    else this.sends.set(hash, [packet])
  }

  private push(frame: PendingFrame): void {
    this.pending.push(frame)
  }

  /** Writes, in arrival order, the frames that have their comment or waited long enough. */
  flush(nowNs: number, all = false): void {
    const q = this.pending
    let n = 0
    while (n < q.length) {
      const p = q[n]!
      const ready =
        all ||
        p.comment !== undefined ||
        p.direction === FrameDirection.Outbound ||
        q.length - n > PENDING_FRAMES ||
        nowNs - p.timeNs > PENDING_NS
      if (!ready) break
      this.writer.writeFrame(p.timeNs, p.bytes, 0, p.bytes.length, p.originalLength, p.direction, p.comment)
      n++
    }
    if (n > 0) q.splice(0, n)
  }
}
