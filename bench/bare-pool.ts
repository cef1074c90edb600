// The limit of a packet pool in JavaScript: a bare LIFO free list of descriptor slots in one arena that, like
// NdisAllocatePacket, zeroes the whole descriptor it hands out (ndis5.md §1.2: a zeroed descriptor with an empty chain).
// Nothing else — no handles, no statistics, no verifier — so it is the least work an allocate + free pair can be.

export class BarePool {
  private readonly arena: Uint8Array
  private readonly zero: Uint8Array
  private readonly free: Int32Array
  private readonly stride: number
  private top: number

  /** `descriptorBytes` zeroed per allocation, slots `stride` bytes apart (8-aligned, as the pool lays them out). */
  constructor(count: number, descriptorBytes: number) {
    this.stride = (descriptorBytes + 7) & ~7
    this.arena = new Uint8Array(count * this.stride)
    this.zero = new Uint8Array(descriptorBytes)
    this.free = new Int32Array(count)
    for (let i = 0; i < count; i++) this.free[i] = count - 1 - i
    this.top = count
  }

  /** Byte offset of a zeroed descriptor, or -1 when none is free. */
  allocate(): number {
    if (this.top === 0) return -1
    const at = this.free[--this.top]! * this.stride
    this.arena.set(this.zero, at)
    return at
  }

  release(at: number): void {
    this.free[this.top++] = at / this.stride
  }
}

let sink = 0

/** Allocate + free pairs per second over `pairs` pairs (the same loop the library is timed with). */
export function barePoolPairsPerSecond(pool: BarePool, pairs: number): number {
  const t0 = process.hrtime.bigint()
  for (let i = 0; i < pairs; i++) {
    const d = pool.allocate()
    sink += d
    pool.release(d)
  }
  return pairs / (Number(process.hrtime.bigint() - t0) / 1e9)
}

/** Keeps the loop's results observable (so no allocation is optimised away). */
export const barePoolSink = (): number => sink
