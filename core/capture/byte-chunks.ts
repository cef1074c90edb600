/**
 * Growable output of the capture writers: records are appended into fixed-size chunks (a record larger than a
 * chunk gets a chunk of its own), so appending never copies what was written before. The host takes the written
 * bytes with `drain()` and writes them to its file; core never touches a file system.
 */
export class ByteChunks {
  private readonly done: Uint8Array[] = []
  private doneBytes = 0
  private chunk: Uint8Array
  private pos = 0
  /** DataView over the current chunk; valid for the offset returned by the last `reserve`. */
  view: DataView

  constructor(private readonly chunkSize = 64 * 1024) {
    this.chunk = new Uint8Array(chunkSize)
    this.view = new DataView(this.chunk.buffer)
  }

  /** Bytes written and not yet drained. */
  get byteLength(): number {
    return this.doneBytes + this.pos
  }

  /** The current chunk's bytes; valid for the offset returned by the last `reserve`. */
  get bytes(): Uint8Array {
    return this.chunk
  }

  /** Makes room for `n` bytes and returns their offset in `bytes`/`view` (zero-filled: chunks are fresh). */
  reserve(n: number): number {
    if (this.pos + n > this.chunk.length) {
      if (this.pos > 0) {
        this.done.push(this.chunk.subarray(0, this.pos))
        this.doneBytes += this.pos
      }
      this.chunk = new Uint8Array(Math.max(this.chunkSize, n))
      this.view = new DataView(this.chunk.buffer)
      this.pos = 0
    }
    const at = this.pos
    this.pos += n
    return at
  }

  /** Hands over everything written so far, in order, and starts empty. */
  drain(): Uint8Array[] {
    const out = this.done.splice(0)
    if (this.pos > 0) {
      out.push(this.chunk.subarray(0, this.pos))
      this.chunk = new Uint8Array(this.chunkSize)
      this.view = new DataView(this.chunk.buffer)
      this.pos = 0
    }
    this.doneBytes = 0
    return out
  }

  /** `drain()` joined into one array. */
  toBytes(): Uint8Array {
    const parts = this.drain()
    let n = 0
    for (const p of parts) n += p.length
    const out = new Uint8Array(n)
    n = 0
    for (const p of parts) {
      out.set(p, n)
      n += p.length
    }
    return out
  }
}
