// Ownership history of packets (verifier level full), as NDIS' TrackNblOwner keeps it: a fixed ring of (packet,
// event, site, time) entries in typed arrays, so the Packets view can show "allocated, indicated, returned,
// reinitialized, freed" with lines. Each packet's latest allocation is kept beside the ring, so a busy ring never
// loses where a packet came from.

export const OWN_ALLOCATED = 1
export const OWN_FREED = 2
export const OWN_REINITIALIZED = 3
export const OWN_INDICATED = 4
export const OWN_RETURNED = 5

export const OWNERSHIP_EVENT_NAMES: Readonly<Record<number, string>> = {
  [OWN_ALLOCATED]: 'allocated',
  [OWN_FREED]: 'freed',
  [OWN_REINITIALIZED]: 'reinitialized',
  [OWN_INDICATED]: 'indicated',
  [OWN_RETURNED]: 'returned',
}

export interface OwnershipEntry {
  readonly packet: number
  readonly event: string
  readonly site: number
  readonly timeNs: number
}

/** Kernel addresses start at 0x80000000 (ndis5.md §2): less that, a packet's address is a small integer. */
const keyOf = (packet: number): number => ((packet >>> 0) - 0x80000000) | 0

export class OwnershipHistory {
  private readonly packet: Uint32Array
  private readonly event: Uint8Array
  private readonly site: Int32Array
  private readonly time: Float64Array
  private next = 0
  private size = 0
  /**
   * Each packet's latest allocation (site and time), kept when the ring has wrapped past it: a slot per packet
   * address, found through a map of small integers (the address less the kernel base, so no number is boxed), the
   * site and time in typed arrays, so recording an allocation makes no garbage.
   */
  private readonly slotOf = new Map<number, number>()
  private allocatedSite = new Int32Array(64)
  private allocatedTime = new Float64Array(64)

  constructor(readonly capacity: number) {
    const n = Math.max(1, capacity | 0)
    this.packet = new Uint32Array(n)
    this.event = new Uint8Array(n)
    this.site = new Int32Array(n)
    this.time = new Float64Array(n)
  }

  record(packet: number, event: number, site: number, timeNs: number): void {
    const i = this.next
    this.packet[i] = packet
    this.event[i] = event
    this.site[i] = site
    this.time[i] = timeNs
    this.next = i + 1 === this.packet.length ? 0 : i + 1
    if (this.size < this.packet.length) this.size++
    if (event === OWN_ALLOCATED) {
      const key = keyOf(packet)
      let slot = this.slotOf.get(key)
      if (slot === undefined) {
        slot = this.slotOf.size
        this.slotOf.set(key, slot)
        if (slot === this.allocatedSite.length) this.grow()
      }
      this.allocatedSite[slot] = site
      this.allocatedTime[slot] = timeNs
    }
  }

  private grow(): void {
    const site = new Int32Array(this.allocatedSite.length * 2)
    site.set(this.allocatedSite)
    const time = new Float64Array(this.allocatedTime.length * 2)
    time.set(this.allocatedTime)
    this.allocatedSite = site
    this.allocatedTime = time
  }

  /** Entries for one packet, oldest first: those still in the ring, and its latest allocation always. */
  forPacket(packet: number): OwnershipEntry[] {
    const out = this.inRing(packet)
    const key = packet >>> 0
    const slot = this.slotOf.get(keyOf(packet))
    if (slot === undefined) return out
    const site = this.allocatedSite[slot]!
    const timeNs = this.allocatedTime[slot]!
    const kept = out.some((e) => e.event === 'allocated' && e.timeNs === timeNs && e.site === site)
    if (kept) return out
    // The ring wrapped past it, and so past everything older: what is left of the packet came after it.
    out.unshift({ packet: key, event: OWNERSHIP_EVENT_NAMES[OWN_ALLOCATED]!, site, timeNs })
    return out
  }

  private inRing(packet: number): OwnershipEntry[] {
    const out: OwnershipEntry[] = []
    const n = this.packet.length
    const start = (this.next - this.size + n) % n
    for (let k = 0; k < this.size; k++) {
      const i = (start + k) % n
      if (this.packet[i] === packet >>> 0) {
        out.push({
          packet: this.packet[i],
          event: OWNERSHIP_EVENT_NAMES[this.event[i]],
          site: this.site[i],
          timeNs: this.time[i],
        })
      }
    }
    return out
  }

  get length(): number {
    return this.size
  }
}
