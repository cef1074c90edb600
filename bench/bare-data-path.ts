// The limit of the receive path in JavaScript: a loop that does only what a received frame must undergo on its way
// from the wire to the protocol, with nothing around it — no events, no interrupts, no NDIS calls, no verifier:
//   the generator writes the 64 bytes of the frame (header fields and filler from its sequence number),
//   the device copies them into the next receive buffer of its ring and writes that slot's 16-byte descriptor
//   (buffer address, length, status DD|EOP; docs/controller.md §4.1),
//   the protocol copies the frame out of the buffer into its own.
// Everything lives in one arena, as emulated memory does, and nothing is allocated per frame.

const FRAME = 64
const RING = 256
const BUFFER = 2048
const DESC = 16
const RXD_DD_EOP = 0x3

export class BareDataPath {
  private readonly arena: Uint8Array
  private readonly u32: Uint32Array
  private readonly wire: number
  private readonly ring: number
  private readonly buffers: number
  private readonly protocol: number
  private tail = 0
  private sequence = 0
  /** Sum of one byte of every frame the protocol got (keeps the copies observable). */
  sink = 0

  constructor() {
    this.wire = 0
    this.ring = BUFFER
    this.buffers = this.ring + RING * DESC
    this.protocol = this.buffers + RING * BUFFER
    this.arena = new Uint8Array(this.protocol + BUFFER)
    this.u32 = new Uint32Array(this.arena.buffer)
  }

  /** Moves `frames` frames from the wire to the protocol. */
  run(frames: number): void {
    const a = this.arena
    const u32 = this.u32
    for (let n = 0; n < frames; n++) {
      // The generator: 64 bytes, written one by one as a frame builder does.
      const seq = this.sequence++
      const w = this.wire
      for (let i = 0; i < 12; i++) a[w + i] = 0x02 + i
      a[w + 12] = 0x88
      a[w + 13] = 0xb5
      a[w + 14] = seq >>> 24
      a[w + 15] = seq >>> 16
      a[w + 16] = seq >>> 8
      a[w + 17] = seq
      let x = seq | 1
      for (let i = 18; i < FRAME; i++) {
        x = (Math.imul(x, 1103515245) + 12345) | 0
        a[w + i] = x >>> 24
      }
      // The device: DMA into the slot's buffer, then its descriptor.
      const slot = this.tail
      this.tail = (slot + 1) & (RING - 1)
      const buffer = this.buffers + slot * BUFFER
      a.copyWithin(buffer, w, w + FRAME)
      const d = (this.ring + slot * DESC) >> 2
      u32[d] = buffer
      u32[d + 1] = 0
      u32[d + 2] = FRAME
      u32[d + 3] = RXD_DD_EOP
      // The protocol: copies the frame out.
      a.copyWithin(this.protocol, buffer, buffer + FRAME)
      this.sink = (this.sink + a[this.protocol + 17]!) | 0
    }
  }
}

/** Frames per second of `frames` frames through the bare data path. */
export function bareDataPathFramesPerSecond(path: BareDataPath, frames: number): number {
  const t0 = process.hrtime.bigint()
  path.run(frames)
  return frames / (Number(process.hrtime.bigint() - t0) / 1e9)
}
