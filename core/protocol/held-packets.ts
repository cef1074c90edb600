// The packets the protocol keeps (indicated with Status left PENDING, ndis5.md §3.2): a table of typed arrays indexed
// by slot, the slot being the argument of the scheduler event that returns the packet (no object per packet).
export class HeldPackets {
  packet: Float64Array
  /** Call site of the NdisMIndicateReceivePacket that lent it (R23 is reported there). */
  site: Int32Array
  dueNs: Float64Array
  event: Float64Array
  /** Order of indication, for returning in a deterministic order when flushed. */
  seq: Float64Array
  private free: Int32Array
  private freeCount = 0
  private nextSeq = 0
  count = 0

  constructor(capacity = 64) {
    this.packet = new Float64Array(capacity)
    this.site = new Int32Array(capacity)
    this.dueNs = new Float64Array(capacity)
    this.event = new Float64Array(capacity)
    this.seq = new Float64Array(capacity)
    this.free = new Int32Array(capacity)
    for (let i = capacity - 1; i >= 0; i--) this.free[this.freeCount++] = i
  }

  get capacity(): number {
    return this.packet.length
  }

  take(packet: number, site: number): number {
    if (this.freeCount === 0) this.grow()
    const slot = this.free[--this.freeCount]
    this.packet[slot] = packet
    this.site[slot] = site
    this.seq[slot] = this.nextSeq++
    this.count++
    return slot
  }

  release(slot: number): void {
    this.packet[slot] = 0
    this.event[slot] = 0
    this.free[this.freeCount++] = slot
    this.count--
  }

  /** Slots in use, in order of due time then indication (end of run only: allocates). */
  inUse(): number[] {
    const out: number[] = []
    for (let s = 0; s < this.packet.length; s++) if (this.packet[s] !== 0) out.push(s)
    return out.sort((a, b) => this.dueNs[a] - this.dueNs[b] || this.seq[a] - this.seq[b])
  }

  /** Doubles the table (rare: only when more packets are held than ever before). */
  private grow(): void {
    const old = this.packet.length
    const n = old * 2
    const widen = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(n)
      b.set(a)
      return b
    }
    this.packet = widen(this.packet, (k) => new Float64Array(k))
    this.site = widen(this.site, (k) => new Int32Array(k))
    this.dueNs = widen(this.dueNs, (k) => new Float64Array(k))
    this.event = widen(this.event, (k) => new Float64Array(k))
    this.seq = widen(this.seq, (k) => new Float64Array(k))
    this.free = new Int32Array(n)
    this.freeCount = 0
    for (let i = n - 1; i >= old; i--) this.free[this.freeCount++] = i
  }
}
